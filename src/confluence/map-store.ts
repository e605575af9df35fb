/**
 * Journey maps in content properties. Reading is one REST call (the page's properties come in
 * one list); writing a small map is one PUT of the head. Big maps are split into chunk
 * properties that are never rewritten in place: the head names a base generation and logs the
 * op batches saved since, so an edit is one PUT of the head (version + 1) with its batch
 * appended. When the log is full, a save compacts with an atomic switch: new-generation chunks
 * first, then the head that names them with an empty log (the commit; a stale version here is a
 * ConflictError and the new chunks are garbage), then the old generation's chunks are deleted,
 * best effort. A crash between any two steps leaves the previous map readable; leftovers are
 * collected by a later compaction.
 */
import type { BatchEntry, EncodedMap, HeadValue, LogBatch, TailSave } from '../domain/codec';
import { inEnglish } from '../domain/i18n/english';
import type { Message } from '../domain/i18n/message';
import { msg } from '../domain/i18n/message';
import {
  BATCH_LOG_MAX_BYTES,
  MAP_JSON_MAX_BYTES,
  PROPERTY_VALUE_MAX_BYTES,
  appendBatch,
  appendToLog,
  decodeErrorSaid,
  decodeMap,
  encodeMap,
  fitSaveTail,
  isChunkKeyOf,
  jsonByteLength,
  mapPropertyKey,
  nextSaveTail,
  parseChunkKey,
  parseHead,
  readBatchLog,
  readSaveTail,
  replayBatch,
  replayLog,
  requiredChunkSuffixes,
  sameJson,
} from '../domain/codec';
import type { RestoreResult } from '../domain/model/restore';
import { restore } from '../domain/model/restore';
import type { JourneyMap } from '../domain/model/schema';
import type { Op } from '../domain/operations/op-types';
import type { ConfluenceClient } from './client';
import type { ContentType } from './content-ref';
import { contentOf } from './content-ref';
import { ConflictError, ConfluenceError, InvalidRequestError } from './errors';
import type { ChangeEntry } from './map-history';
import { appendHistory, readHistory } from './map-history';
import type { StoredProperty } from './wire';

/**
 * Identifies one macro instance: the id and type of the page or blog post holding it, and the
 * macro's localId.
 */
export type MapLocation = { pageId: string; contentType: ContentType; localId: string };

/** A repair `restore()` made. */
export type MapRepair = { path: string; message: string };

/** A map as read from (or just written to) the page. */
export type StoredMap = {
  map: JourneyMap | null;
  /** The head property's version; 0 when the map does not exist yet. */
  version: number;
  head: StoredProperty | null;
  repairs: MapRepair[];
  /** All properties of the page at read time (other maps and the summary included). */
  properties: StoredProperty[];
  /** Which fields recent saves changed (see map-history.ts). */
  history: ChangeEntry[];
  /** The most recent `map/apply` batches and their answers (a resend is answered from here). */
  batches: BatchEntry[];
};

/** A save that would make the map too big for one resolver answer; nothing was written. */
export class MapTooLargeError extends Error {
  override readonly name = 'MapTooLargeError';
  /** What a person reads (decision 0047). */
  readonly said: Message;
  constructor(
    readonly cards: number,
    readonly bytes: number,
  ) {
    const said = msg('errors.server.mapTooLarge', {
      cards: cards.toLocaleString('en-US'),
      size: megabytes(bytes),
      limit: megabytes(MAP_JSON_MAX_BYTES),
    });
    super(inEnglish(said));
    this.said = said;
  }
}

function megabytes(bytes: number): string {
  // Floor, so a map just past the limit never reads as "4.0 MB; the limit is 4.0 MB".
  return (Math.floor(bytes / 10_000) / 100).toFixed(2);
}

/** Throws MapTooLargeError when `map` is past what `map/load` can answer. */
export function assertSavableSize(map: JourneyMap): void {
  const bytes = jsonByteLength(map);
  if (bytes > MAP_JSON_MAX_BYTES) throw new MapTooLargeError(map.cards.length, bytes);
}

/** The stored map cannot be decoded or restored; the page itself still renders. */
export class CorruptMapError extends Error {
  override readonly name = 'CorruptMapError';
  /** What a person reads, wholly from the catalogue (decisions 0047, 0050). */
  readonly said: Message;
  constructor(
    said: Message,
    readonly code: 'CORRUPT' | 'UNSUPPORTED_VERSION',
    /** The decoder's or restore's own English, for the log only. */
    readonly detail: string,
  ) {
    super(inEnglish(said));
    this.said = said;
  }
}

const WHAT = 'the journey map';

/**
 * Decodes the map of `localId` from a page's property list (no REST). A map stored only under
 * its pre-0020 key is read from there and answered as version 0 with no head: the next save
 * creates the new head (version 1) and leaves the old keys alone, ignored from then on.
 */
export function readMapFromProperties(properties: StoredProperty[], localId: string): StoredMap {
  const headKey = mapPropertyKey(localId);
  const current = properties.find((p) => p.key === headKey) ?? null;
  const legacyKey = mapPropertyKey(localId, true);
  const head = current ?? properties.find((p) => p.key === legacyKey) ?? null;
  if (!head)
    return { map: null, version: 0, head: null, repairs: [], properties, history: [], batches: [] };
  const legacy = current === null;
  const chunks: Record<string, unknown> = {};
  for (const p of properties) {
    const parsed = parseChunkKey(localId, p.key, legacy);
    if (parsed) chunks[parsed.suffix] = p.value;
  }
  const decoded = decodeMap(head.value, chunks);
  if (!decoded.ok) {
    throw new CorruptMapError(
      msg('errors.server.undecodable', { detail: decodeErrorSaid(decoded.error) }),
      'CORRUPT',
      decoded.error.message,
    );
  }
  let restored: RestoreResult = restore(decoded.value);
  if (restored.ok && decoded.log) {
    // The base is valid; the logged ops keep it valid, but what reaches the UI is checked anyway.
    const base = restored;
    const replayed = restore(replayLog(base.map, decoded.log));
    restored = replayed.ok
      ? { ...replayed, repairs: [...base.repairs, ...replayed.repairs] }
      : replayed;
  }
  if (!restored.ok) {
    const code = restored.error.code === 'UNSUPPORTED_VERSION' ? 'UNSUPPORTED_VERSION' : 'CORRUPT';
    throw new CorruptMapError(
      code === 'UNSUPPORTED_VERSION'
        ? msg('errors.server.newerMap', { detail: restored.error.said })
        : msg('errors.server.corrupt', { detail: restored.error.said }),
      code,
      restored.error.message,
    );
  }
  return {
    map: restored.map,
    version: legacy ? 0 : head.version,
    head: legacy ? null : head,
    repairs: restored.repairs,
    properties,
    history: readHistory(head.value),
    batches: readBatchLog(head.value),
  };
}

/** Reads the map (one call: the page's properties). */
export async function readMap(client: ConfluenceClient, at: MapLocation): Promise<StoredMap> {
  return readMapFromProperties(await client.listProperties(contentOf(at)), at.localId);
}

/**
 * The head value to write: the codec's head (at most HEAD_CODEC_MAX_BYTES), the batch log (at
 * most BATCH_LOG_MAX_BYTES, so it always fits beside it), the change history, trimmed to fit,
 * and in what is left an inline map's save tail (newest saves first to stay).
 */
function headWithMeta(args: {
  head: HeadValue;
  batches: BatchEntry[];
  history: ChangeEntry[];
  tail: TailSave[];
}): Record<string, unknown> {
  const { head, history } = args;
  const batches = [...args.batches];
  while (batches.length > 1 && jsonByteLength(batches) > BATCH_LOG_MAX_BYTES) batches.shift();
  const withBatches = batches.length ? { ...head, batches } : { ...head };
  for (let keep = history.length; keep >= 0; keep = keep === 0 ? -1 : Math.floor(keep / 2)) {
    const candidate = { ...withBatches, recent: history.slice(history.length - keep) };
    const room = PROPERTY_VALUE_MAX_BYTES - jsonByteLength(candidate);
    if (room < 0) continue;
    // `,"tail":` and the array: the history keeps its room, the tail takes what is left.
    const tail = fitSaveTail(args.tail, room - ',"tail":'.length);
    return tail.length ? { ...candidate, tail } : candidate;
  }
  return withBatches;
}

/** Arguments of {@link saveMap}. */
export type SaveMapArgs = {
  client: ConfluenceClient;
  at: MapLocation;
  /** What was read; its version is the one this save replaces. */
  previous: StoredMap;
  map: JourneyMap;
  /** Field paths this save changes (recorded in the history). */
  changed: string[];
  /** A fresh token for chunk keys (only used when the map needs chunks). */
  generation: string;
  /**
   * The intent ops that turned `previous.map` into `map` (and set `map.updatedAt`). With them a
   * chunked map is saved by logging them in the head (one PUT); without, the whole map is written.
   */
  ops?: readonly Op[];
  /** The `map/apply` batch this save records (its resend is then answered, not applied). */
  batch?: BatchEntry;
  /** Account id of who saved, logged beside the ops (catch-up names them: decision 0045). */
  author?: string;
};

/**
 * This save's ops as a logged batch when replaying them (as stored, after their JSON round
 * trip) on the previous map gives exactly `map`; null otherwise (no ops, repairs on read, a
 * save the server added to): then only a load can reach back past this save.
 */
function replayableBatch(args: SaveMapArgs): LogBatch | null {
  const { previous, ops, map } = args;
  if (!ops || !previous.head || !previous.map || previous.repairs.length > 0) return null;
  const batch = JSON.parse(
    JSON.stringify({
      ops: [...ops],
      updatedAt: map.updatedAt,
      ...(args.author ? { by: args.author } : {}),
    }),
  ) as LogBatch;
  return sameJson(replayBatch(previous.map, batch), map) ? batch : null;
}

/**
 * The previous chunked head with this save's ops appended to its log, or null when the save must
 * write a new base: no ops, not a chunked head, repairs on read, log full, or a replay of the
 * batch (as stored, after its JSON round trip) would not give exactly `map`.
 */
function loggedHead(args: SaveMapArgs, batch: LogBatch | null): HeadValue | null {
  const current = args.previous.head && parseHead(args.previous.head.value);
  if (!batch || !current || current.encoding !== 'deflate-chunks') return null;
  return appendToLog(current, batch);
}

/**
 * A map just written, and whether this save's ops replay exactly on the previous map (then
 * others can follow it with the ops alone).
 */
export type SavedMap = StoredMap & { replayable: boolean };

/**
 * Writes the map as `previous.version + 1`. Throws MapTooLargeError (before writing anything)
 * when the map could not be loaded again, ConflictError when someone saved first (nothing of
 * this save is visible then), or another ConfluenceError.
 */
export async function saveMap(args: SaveMapArgs): Promise<SavedMap> {
  const { client, at, previous } = args;
  assertSavableSize(args.map);
  const headKey = mapPropertyKey(at.localId);
  const replayable = replayableBatch(args);
  const logged = loggedHead(args, replayable);
  const encoded: EncodedMap = logged
    ? { head: logged, chunks: [] }
    : encodeMap(args.map, { generation: args.generation });
  const version = previous.version + 1;
  const history = appendHistory(previous.history, version, args.changed);
  const batches = args.batch ? appendBatch(previous.batches, args.batch) : previous.batches;
  // A chunked head logs its saves itself; an inline one keeps a tail of them (decision 0045).
  const tail =
    encoded.head.encoding === 'deflate-chunks'
      ? []
      : nextSaveTail({
          previous: readSaveTail(previous.head?.value),
          version,
          batch: replayable,
        });
  const headValue = headWithMeta({ head: encoded.head, batches, history, tail });

  const created: StoredProperty[] = [];
  const dropGarbage = async (): Promise<void> => {
    await Promise.allSettled(
      created.map((p) =>
        client.deleteProperty({ content: contentOf(at), propertyId: p.id, what: WHAT }),
      ),
    );
  };

  try {
    for (const chunk of encoded.chunks) {
      created.push(
        await client.createProperty({
          content: contentOf(at),
          key: headKey + chunk.suffix,
          value: chunk.value,
          what: WHAT,
        }),
      );
    }
  } catch (error) {
    await dropGarbage();
    throw error;
  }

  let head: StoredProperty;
  try {
    head = previous.head
      ? await client.updateProperty({
          content: contentOf(at),
          property: previous.head,
          value: headValue,
          what: WHAT,
        })
      : await client.createProperty({
          content: contentOf(at),
          key: headKey,
          value: headValue,
          what: WHAT,
        });
  } catch (error) {
    await dropGarbage();
    // Creating a head that someone else just created is a conflict too (Confluence says 400).
    if (!previous.head && error instanceof InvalidRequestError) {
      throw new ConflictError(
        'Someone else created this journey map at the same time.',
        409,
        error.detail,
      );
    }
    throw error;
  }

  // Collect every chunk the new head does not name: the old generation, and leftovers of
  // earlier interrupted saves. Safe: our head commit proves nobody committed since our read.
  const keep = new Set(requiredChunkSuffixes(encoded.head).map((s) => headKey + s));
  // A logged save keeps the base and leaves leftovers to the next compaction: one call.
  const stale = logged
    ? []
    : previous.properties.filter((p) => isChunkKeyOf(at.localId, p.key) && !keep.has(p.key));
  const deleted = new Set<string>();
  await Promise.allSettled(
    stale.map(async (p) => {
      await client.deleteProperty({ content: contentOf(at), propertyId: p.id, what: WHAT });
      deleted.add(p.id);
    }),
  );

  const properties = [
    ...previous.properties.filter((p) => p.key !== headKey && !deleted.has(p.id)),
    ...created,
    head,
  ];
  return {
    map: args.map,
    version: head.version,
    head,
    repairs: [],
    properties,
    history,
    batches,
    replayable: replayable !== null,
  };
}

/** Re-export for callers that branch on adapter errors. */
export { ConfluenceError };
