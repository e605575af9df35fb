/** The session write-up: chart, title and the storage-format renderer (markup: `../storage-format`). */
export * from './sentiment-chart';
export * from './png';
export * from './write-up-title';
export * from './render-write-up';
