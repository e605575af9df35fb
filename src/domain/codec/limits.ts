/** Size limits of Confluence content properties, with the safety margin this app keeps. */

/**
 * Largest `JSON.stringify(value)` (UTF-8 bytes) this app writes into one content property.
 * Confluence allows 32 KB (32,768 bytes) of JSON; the margin absorbs whatever the REST layer
 * adds (re-serialisation, escaping differences) so a value we accept is never rejected with 413.
 */
export const PROPERTY_VALUE_MAX_BYTES = 32_000;

/** Longest content-property key Confluence accepts (v1 `ContentPropertyCreate.key`). */
export const PROPERTY_KEY_MAX_LENGTH = 255;

/**
 * Largest head of a chunked map (base fields + op log, history excluded) before a save compacts
 * the log into a new base; the rest of the property limit is left to the change history.
 */
export const LOG_HEAD_MAX_BYTES = 24_000;

/** Most op batches a chunked map's head logs before a save compacts them into a new base. */
export const LOG_MAX_BATCHES = 200;
