/** Map ↔ content-property codec: limits, keys, encode / decode. */
export * from './limits';
export * from './utf8';
export * from './property-keys';
export * from './map-codec';
export * from './replay-log';
export * from './batch-log';
export * from './save-tail';
export * from './packed-map';
export * from './json-depth';
