/** Future-state maps: the copy of a current-state map and the titles it gets. */
export * from './future-state-copy';
