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

/**
 * Largest part of ANY head that the codec itself fills (inline map, or chunked base + op log).
 * The rest of the property is left to what rides along in the head: the batch log (at most
 * `BATCH_LOG_MAX_BYTES`, so a resend is recognised even next to a map that fills the head) and
 * the change history (trimmed to whatever is left).
 */
export const HEAD_CODEC_MAX_BYTES = LOG_HEAD_MAX_BYTES;

/** Most recent `map/apply` batches a head remembers (answers to resends). */
export const BATCH_LOG_MAX_ENTRIES = 64;

/** Largest batch log (JSON bytes) kept in a head; the oldest entries go first. */
export const BATCH_LOG_MAX_BYTES = 5_000;

/** Largest single batch-log entry (JSON bytes); longer answer lists are shortened to fit. */
export const BATCH_ENTRY_MAX_BYTES = 1_000;

/**
 * Largest map (JSON bytes, as `map/load` answers it) this app saves. A Forge resolver answer is
 * at most 5 MB; the rest is headroom for the envelope and the other answer fields. A save past it
 * would commit a map no one could open again, so it is refused before anything is written.
 */
export const MAP_JSON_MAX_BYTES = 4_000_000;
