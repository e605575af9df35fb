/** Import and export of maps: JSON (lossless), CSV and spreadsheets, SVG for slides. */
export * from './adopt-page-refs';
export * from './columns';
export * from './csv';
export * from './csv-export';
export * from './exchange-error';
export * from './formula-guard';
export * from './import-limits';
export * from './import-file';
export * from './import-outcome';
export * from './import-preview';
export * from './json-exchange';
export * from './sheet-import';
export * from './svg-render';
