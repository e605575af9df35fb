/**
 * Map ↔ content-property values. Small maps are stored as plain JSON in the head (readable
 * through Confluence's REST API); bigger ones are deflated and base64-encoded, inline when that
 * fits, else split over chunk properties. The head is written last and names the chunks'
 * generation, count, length and checksum, so a reader detects a torn read instead of parsing it.
 * A chunked head also logs the op batches saved since its (immutable) base, so an edit of a big
 * map rewrites only the head; the reader re-applies the log to the decoded base.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { decodeBase64, encodeBase64 } from './base64';
import { fnv1a32 } from './checksum';
import {
  HEAD_CODEC_MAX_BYTES,
  LOG_HEAD_MAX_BYTES,
  LOG_MAX_BATCHES,
  PROPERTY_VALUE_MAX_BYTES,
} from './limits';
import { chunkSuffix, sanitizeGeneration } from './property-keys';
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import { jsonByteLength, utf8ByteLength } from './utf8';

/** Marker of a head written by this codec (lets old bare-map values be told apart). */
export const CODEC_ID = 'cjm/1';

/** Head value for a map stored inline as plain JSON. */
export type JsonHead = { codec: typeof CODEC_ID; encoding: 'json'; map: unknown };
/** Head value for a deflated map stored inline. */
export type DeflateHead = {
  codec: typeof CODEC_ID;
  encoding: 'deflate';
  /** base64 of the deflated UTF-8 JSON. */
  data: string;
  bytes: number;
  checksum: string;
  rawBytes: number;
};
/**
 * One save's intent ops, logged in a chunked head, the map's `updatedAt` after them and who saved
 * (account id; absent in batches logged before issue 16's catch-up named authors).
 */
export type LogBatch = { ops: unknown[]; updatedAt: string | null; by?: string };

/** Head value for a deflated map split over chunk properties. */
export type ChunkedHead = {
  codec: typeof CODEC_ID;
  encoding: 'deflate-chunks';
  /** Token in the chunk keys; a new generation is written next to the old one, never over it. */
  generation: string;
  count: number;
  /** Length of the joined base64 payload (ASCII, so characters = bytes). */
  bytes: number;
  /** FNV-1a of the joined base64 payload. */
  checksum: string;
  rawBytes: number;
  /** Op batches saved since the base, oldest first; absent or empty = the base is the map. */
  log?: LogBatch[];
};
/** The value of the map's head property (`cjm_map_<localId>`). */
export type HeadValue = JsonHead | DeflateHead | ChunkedHead;
/** The value of one chunk property (`cjm_map_<localId>_c<n>_<generation>`). */
export type ChunkValue = { generation: string; index: number; data: string };

/** What `encodeMap` produces: the head and, for big maps, the chunks to write before it. */
export type EncodedMap = { head: HeadValue; chunks: { suffix: string; value: ChunkValue }[] };

/** Why a stored map could not be decoded. */
export type DecodeError =
  | { code: 'badHead'; message: string }
  | { code: 'missingChunk'; message: string; index: number; count: number; suffix: string }
  | {
      code: 'checksumMismatch';
      message: string;
      expected: { bytes: number; checksum: string };
      actual: { bytes: number; checksum: string };
    }
  | { code: 'badEncoding'; message: string };

/** Why a stored map could not be decoded, in catalogue words (the `message` is for logs). */
export function decodeErrorSaid(error: DecodeError): Message {
  switch (error.code) {
    case 'badHead':
      return msg('errors.decode.notAMap');
    case 'missingChunk':
      return msg('errors.decode.missingPart', { n: error.index + 1, count: error.count });
    default:
      return msg('errors.decode.damaged');
  }
}

/**
 * Result of `decodeMap`: the raw JSON of the base (for `restore()` to validate) and, for a chunked
 * head with a non-empty op log, the batches to re-apply to it; or a typed error.
 */
export type DecodeResult =
  { ok: true; value: unknown; log?: LogBatch[] } | { ok: false; error: DecodeError };

const base64Text = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const checksumText = z.string().regex(/^[0-9a-f]{8}$/);
const count = z.number().int().min(0);
/** An account id as stored beside a logged save (Atlassian ids are at most 128 characters). */
export const accountIdSchema = z.string().min(1).max(128);
const logBatchSchema = z.object({
  ops: z.array(z.unknown()),
  updatedAt: z.string().max(64).nullable(),
  by: accountIdSchema.optional(),
});

/** Schema of a head value as read back from storage. */
export const headValueSchema = z.discriminatedUnion('encoding', [
  z.object({ codec: z.literal(CODEC_ID), encoding: z.literal('json'), map: z.unknown() }),
  z.object({
    codec: z.literal(CODEC_ID),
    encoding: z.literal('deflate'),
    data: base64Text,
    bytes: count,
    checksum: checksumText,
    rawBytes: count,
  }),
  z.object({
    codec: z.literal(CODEC_ID),
    encoding: z.literal('deflate-chunks'),
    generation: z.string().regex(/^[A-Za-z0-9]{1,40}$/),
    count: z.number().int().min(1).max(999_999),
    bytes: count,
    checksum: checksumText,
    rawBytes: count,
    log: z.array(logBatchSchema).optional(),
  }),
]);

/** Schema of a chunk value as read back from storage. */
export const chunkValueSchema = z.object({
  generation: z.string(),
  index: count,
  data: base64Text,
});

/** Bytes of `JSON.stringify` of a JSON head around a map whose own JSON takes `mapBytes`. */
function jsonHeadBytes(mapBytes: number): number {
  const shell = JSON.stringify({ codec: CODEC_ID, encoding: 'json', map: null });
  return shell.length - 'null'.length + mapBytes;
}

/** Most base64 characters one chunk can carry for this generation without passing the limit. */
function chunkCapacity(generation: string): number {
  const shell: ChunkValue = { generation, index: 999_999, data: '' };
  return PROPERTY_VALUE_MAX_BYTES - jsonByteLength(shell);
}

/**
 * Encodes a map into property values: chunks of at most `PROPERTY_VALUE_MAX_BYTES` as JSON, and a
 * head of at most `HEAD_CODEC_MAX_BYTES` (room for the batch log and history beside it).
 * `generation` (e.g. a fresh id) names the chunk keys; only alphanumerics of it are kept.
 */
export function encodeMap(map: unknown, options: { generation: string }): EncodedMap {
  const json = JSON.stringify(map);
  if (json === undefined) throw new TypeError('encodeMap: the map is not JSON');
  const rawBytes = utf8ByteLength(json);
  // Inline heads stop at HEAD_CODEC_MAX_BYTES: the rest of the property carries the batch log.
  if (jsonHeadBytes(rawBytes) <= HEAD_CODEC_MAX_BYTES) {
    // A parsed copy, so the head never aliases (and later mutations never leak into) the input.
    return { head: { codec: CODEC_ID, encoding: 'json', map: JSON.parse(json) }, chunks: [] };
  }
  const data = encodeBase64(deflateSync(strToU8(json), { level: 6 }));
  const checksum = fnv1a32(data);
  const inline: DeflateHead = {
    codec: CODEC_ID,
    encoding: 'deflate',
    data,
    bytes: data.length,
    checksum,
    rawBytes,
  };
  if (jsonByteLength(inline) <= HEAD_CODEC_MAX_BYTES) return { head: inline, chunks: [] };

  const generation = sanitizeGeneration(options.generation);
  const capacity = chunkCapacity(generation);
  const chunks: EncodedMap['chunks'] = [];
  for (let index = 0, at = 0; at < data.length; index++, at += capacity) {
    chunks.push({
      suffix: chunkSuffix(index, generation),
      value: { generation, index, data: data.slice(at, at + capacity) },
    });
  }
  const head: ChunkedHead = {
    codec: CODEC_ID,
    encoding: 'deflate-chunks',
    generation,
    count: chunks.length,
    bytes: data.length,
    checksum,
    rawBytes,
  };
  return { head, chunks };
}

/**
 * The chunked head with `batch` appended to its log, so a save rewrites only the head; null when
 * the head would pass `LOG_HEAD_MAX_BYTES` or `LOG_MAX_BATCHES` (the caller then compacts: a new
 * base generation with an empty log). The batch is copied, so later mutations never leak in.
 */
export function appendToLog(head: ChunkedHead, batch: LogBatch): ChunkedHead | null {
  const log = [...(head.log ?? []), JSON.parse(JSON.stringify(batch)) as LogBatch];
  if (log.length > LOG_MAX_BATCHES) return null;
  const next: ChunkedHead = { ...head, log };
  return jsonByteLength(next) <= LOG_HEAD_MAX_BYTES ? next : null;
}

/** Suffixes (after `cjm_map_<localId>`) of the chunks a head needs, in order. */
export function requiredChunkSuffixes(head: HeadValue): string[] {
  if (head.encoding !== 'deflate-chunks') return [];
  return Array.from({ length: head.count }, (_, i) => chunkSuffix(i, head.generation));
}

/** Parses a head read from storage; null when it is not a head this codec wrote. */
export function parseHead(value: unknown): HeadValue | null {
  const parsed = headValueSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** True for a value that looks like a bare map stored before this codec (no `codec` field). */
function isBareMap(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !('codec' in value) &&
    'schemaVersion' in value
  );
}

function inflateJson(data: string): DecodeResult {
  const bytes = decodeBase64(data);
  if (!bytes)
    return { ok: false, error: { code: 'badEncoding', message: 'payload is not base64' } };
  let text: string;
  try {
    text = strFromU8(inflateSync(bytes));
  } catch {
    return { ok: false, error: { code: 'badEncoding', message: 'payload does not inflate' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: { code: 'badEncoding', message: 'payload is not JSON' } };
  }
}

function verify(data: string, expected: { bytes: number; checksum: string }): DecodeError | null {
  const actual = { bytes: data.length, checksum: fnv1a32(data) };
  if (actual.bytes === expected.bytes && actual.checksum === expected.checksum) return null;
  return {
    code: 'checksumMismatch',
    message:
      actual.bytes !== expected.bytes
        ? `payload is ${actual.bytes} bytes, head says ${expected.bytes}`
        : `payload checksum ${actual.checksum}, head says ${expected.checksum}`,
    expected,
    actual,
  };
}

/**
 * Decodes a head and its chunks (keyed by suffix, e.g. `_c0_abc`) back into the raw JSON of
 * the map; validation and migration are `restore()`'s job. A value without a `codec` field but
 * with `schemaVersion` is taken as a bare map written before this codec existed.
 */
export function decodeMap(
  head: unknown,
  chunksBySuffix: Readonly<Record<string, unknown>>,
): DecodeResult {
  if (isBareMap(head)) return { ok: true, value: head };
  const parsed = parseHead(head);
  if (!parsed) {
    return { ok: false, error: { code: 'badHead', message: 'not a journey-map head value' } };
  }
  if (parsed.encoding === 'json') return { ok: true, value: parsed.map };
  if (parsed.encoding === 'deflate') {
    const error = verify(parsed.data, parsed);
    return error ? { ok: false, error } : inflateJson(parsed.data);
  }
  const parts: string[] = [];
  for (let index = 0; index < parsed.count; index++) {
    const suffix = chunkSuffix(index, parsed.generation);
    const chunk = chunkValueSchema.safeParse(chunksBySuffix[suffix]);
    if (
      !chunk.success ||
      chunk.data.generation !== parsed.generation ||
      chunk.data.index !== index
    ) {
      return {
        ok: false,
        error: {
          code: 'missingChunk',
          message: `chunk ${index + 1} of ${parsed.count} (${suffix}) is missing or foreign`,
          index,
          count: parsed.count,
          suffix,
        },
      };
    }
    parts.push(chunk.data.data);
  }
  const data = parts.join('');
  const error = verify(data, parsed);
  if (error) return { ok: false, error };
  const base = inflateJson(data);
  return base.ok && parsed.log && parsed.log.length > 0 ? { ...base, log: parsed.log } : base;
}
