/**
 * The batch log: the most recent `map/apply` batches a map's head remembers, each with the
 * essentials of its answer. A batch resent after a lost answer (timeout, dropped connection, a
 * function killed after the head PUT) is recognised by its id and answered again instead of
 * being applied twice. Kept in the head, so it commits atomically with the save it records.
 */
import { z } from 'zod';
import type { DroppedOp } from '../operations/apply';
import { isOpType } from '../operations/registry';
import { fnv1a32 } from './checksum';
import { BATCH_ENTRY_MAX_BYTES, BATCH_LOG_MAX_BYTES, BATCH_LOG_MAX_ENTRIES } from './limits';
import { jsonByteLength } from './utf8';

/** A client-generated batch id: 8–64 characters of [A-Za-z0-9_-] (e.g. a UUID). */
export const BATCH_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** What a resend is answered with (the map itself is read again, as the caller). */
export type BatchAnswer = {
  version: number;
  dropped: DroppedOp[];
  rebased: boolean;
  overwritten: string[];
};

/**
 * One remembered batch as stored: its id, a checksum of the account that sent it (a batch id
 * only matches for the same person), and the answer; empty lists and `false` are left out.
 */
export type BatchEntry = {
  id: string;
  a: string;
  v: number;
  r?: true;
  d?: DroppedOp[];
  o?: string[];
};

const droppedSchema = z.object({
  index: z.number().int().min(0),
  type: z.string().refine(isOpType),
  reason: z.string().max(500),
});

const entrySchema = z.object({
  id: z.string().regex(BATCH_ID_PATTERN),
  a: z.string().regex(/^[0-9a-f]{8}$/),
  v: z.number().int().min(1),
  r: z.literal(true).optional(),
  d: z.array(droppedSchema).optional(),
  o: z.array(z.string().max(300)).optional(),
});

/**
 * The batch log stored in a head value, oldest first; [] for heads written before it existed.
 * Entries that do not validate are skipped one by one (a bad entry never hides the others).
 */
export function readBatchLog(headValue: unknown): BatchEntry[] {
  if (!headValue || typeof headValue !== 'object' || Array.isArray(headValue)) return [];
  const raw: unknown = (headValue as Record<string, unknown>).batches;
  if (!Array.isArray(raw)) return [];
  const out: BatchEntry[] = [];
  for (const item of raw) {
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) continue;
    const { d, ...rest } = parsed.data;
    const dropped = d?.flatMap((x) => (isOpType(x.type) ? [{ ...x, type: x.type }] : []));
    out.push(dropped ? { ...rest, d: dropped } : rest);
  }
  return out;
}

/** The checksum of an account id kept in an entry (the id itself is not stored). */
export function accountTag(accountId: string): string {
  return fnv1a32(accountId);
}

/**
 * An entry for this answer, at most `BATCH_ENTRY_MAX_BYTES`: when the lists are long they are
 * shortened (reasons first, then the lists halved), so one huge batch never evicts the log.
 */
export function batchEntry(args: {
  id: string;
  accountId: string;
  answer: BatchAnswer;
}): BatchEntry {
  const { answer } = args;
  const base: BatchEntry = { id: args.id, a: accountTag(args.accountId), v: answer.version };
  if (answer.rebased) base.r = true;
  let dropped = answer.dropped.map((d) => ({ ...d }));
  let overwritten = [...answer.overwritten];
  const build = (): BatchEntry => ({
    ...base,
    ...(dropped.length ? { d: dropped } : {}),
    ...(overwritten.length ? { o: overwritten } : {}),
  });
  let entry = build();
  if (jsonByteLength(entry) > BATCH_ENTRY_MAX_BYTES) {
    dropped = dropped.map((d) => ({ ...d, reason: d.reason.slice(0, 60) }));
    entry = build();
  }
  while (jsonByteLength(entry) > BATCH_ENTRY_MAX_BYTES && (dropped.length || overwritten.length)) {
    dropped = dropped.slice(0, Math.floor(dropped.length / 2));
    overwritten = overwritten.slice(0, Math.floor(overwritten.length / 2));
    entry = build();
  }
  return entry;
}

/**
 * The log with `entry` appended (newest last; an older entry with its id is replaced), keeping
 * at most `BATCH_LOG_MAX_ENTRIES` entries and `BATCH_LOG_MAX_BYTES` of JSON: oldest go first.
 */
export function appendBatch(log: readonly BatchEntry[], entry: BatchEntry): BatchEntry[] {
  const next = [...log.filter((e) => e.id !== entry.id), entry].slice(-BATCH_LOG_MAX_ENTRIES);
  while (next.length > 1 && jsonByteLength(next) > BATCH_LOG_MAX_BYTES) next.shift();
  return next;
}

/** The answer a batch got when it was first applied by this account, if the log remembers it. */
export function findBatch(
  log: readonly BatchEntry[],
  args: { id: string; accountId: string },
): BatchAnswer | null {
  const tag = accountTag(args.accountId);
  const hit = log.find((e) => e.id === args.id && e.a === tag);
  if (!hit) return null;
  return {
    version: hit.v,
    dropped: hit.d ?? [],
    rebased: hit.r === true,
    overwritten: hit.o ?? [],
  };
}
