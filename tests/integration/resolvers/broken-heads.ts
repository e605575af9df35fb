/** Stored map heads that cannot be read, shared by the tests of how a broken map is reported. */

/** A chunked head whose two chunks were never written (a foreign generation). */
export const MISSING_CHUNKS_HEAD = {
  codec: 'cjm/1',
  encoding: 'deflate-chunks',
  generation: 'gone',
  count: 2,
  bytes: 100,
  checksum: '0badf00d',
  rawBytes: 400,
} as const;

/** A map saved by a newer app (schema version 99). */
export const NEWER_MAP_HEAD = {
  codec: 'cjm/1',
  encoding: 'json',
  map: { schemaVersion: 99, title: 'future' },
} as const;
