/**
 * The save tail: the most recent saves of an inline map (one kept in the head itself, with no
 * chunk log), each with the version it made, its ops, the map's `updatedAt` after it and who
 * saved, so a viewer who missed a few saves catches up with their ops instead of loading the map
 * (issue 16, decision 0045). A save is only added when replaying its ops on the previous map gives
 * exactly the saved one; any other save starts the tail again (then only a load reaches back past
 * it). Kept in the head, so it commits atomically with the save it records.
 */
import { z } from 'zod';
import { accountIdSchema } from './map-codec';
import type { LogBatch } from './map-codec';
import { jsonByteLength } from './utf8';

/** One save in the tail (short keys: it shares the head's 32 KB with the map). */
export type TailSave = { v: number; ops: unknown[]; at: string | null; by?: string };

/** Most saves a tail keeps (the bytes left in the head usually stop it sooner). */
export const SAVE_TAIL_MAX_ENTRIES = 50;

const tailSchema = z.array(
  z.object({
    v: z.number().int().min(1),
    ops: z.array(z.unknown()),
    at: z.string().max(64).nullable(),
    by: accountIdSchema.optional(),
  }),
);

/**
 * The tail stored in a head value, oldest first: only its newest run of consecutive versions
 * (a gap means a save in between was not recorded); [] when absent or unreadable.
 */
export function readSaveTail(headValue: unknown): TailSave[] {
  if (!headValue || typeof headValue !== 'object' || Array.isArray(headValue)) return [];
  const parsed = tailSchema.safeParse((headValue as Record<string, unknown>).tail);
  if (!parsed.success) return [];
  const tail = parsed.data;
  let start = tail.length - 1;
  while (start > 0 && tail[start - 1]?.v === (tail[start]?.v ?? 0) - 1) start--;
  return tail.slice(Math.max(0, start));
}

/**
 * The tail after a save that made `version`: the previous tail (when it ends at the version
 * before) plus this save, or [] when the save cannot be replayed (`batch` null).
 */
export function nextSaveTail(args: {
  previous: readonly TailSave[];
  version: number;
  batch: LogBatch | null;
}): TailSave[] {
  const { batch, version } = args;
  if (!batch) return [];
  const follows = args.previous.at(-1)?.v === version - 1;
  const entry: TailSave = {
    v: version,
    ops: batch.ops,
    at: batch.updatedAt,
    ...(batch.by ? { by: batch.by } : {}),
  };
  return [...(follows ? args.previous : []), entry].slice(-SAVE_TAIL_MAX_ENTRIES);
}

/** The newest part of `tail` that fits in `maxBytes` of JSON ([] when not even the last does). */
export function fitSaveTail(tail: readonly TailSave[], maxBytes: number): TailSave[] {
  let from = 0;
  while (from < tail.length && jsonByteLength(tail.slice(from)) > maxBytes) from++;
  return tail.slice(from);
}
