/** The session write-up: escaping, element builder, chart and the storage-format renderer. */
export * from './escape';
export * from './markup';
export * from './storage-elements';
export * from './sentiment-chart';
export * from './png';
export * from './write-up-title';
export * from './render-write-up';
