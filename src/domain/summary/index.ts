/** Page summary for the space index: schema, builder, change detection. */
export * from './page-summary-schema';
export * from './summarize-page';
export * from './summary-changed';
export * from './write-up-records';
export * from './byline';
