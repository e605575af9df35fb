/**
 * The schema version this code writes, in a module of its own so zod-free code (the factories,
 * the browser bundle) can name it without pulling in the schemas.
 */

/** Current schema version written by this code. */
export const SCHEMA_VERSION = 2;
