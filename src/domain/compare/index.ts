/** Comparing a current-state map with its future-state map. */
export * from './compare-maps';
export { normaliseText } from './normalise-text';
