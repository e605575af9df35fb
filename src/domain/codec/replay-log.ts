/**
 * Re-applying a chunked head's op log to its base. The ops are the intent ops the resolver
 * applied when saving; they are pure and deterministic, so the reader's replay equals what the
 * writer had (and the writer checks that before it logs a batch instead of writing a new base).
 */
import type { JourneyMap } from '../model/schema';
import { applyAll } from '../operations/apply';
import type { Op } from '../operations/op-types';
import type { LogBatch } from './map-codec';

/** The map after one logged batch: its ops applied in order (dropped ones skipped), then its `updatedAt`. */
export function replayBatch(map: JourneyMap, batch: LogBatch): JourneyMap {
  // Stored ops are untrusted JSON; `apply` drops malformed ones instead of throwing.
  const applied = applyAll(map, batch.ops as Op[]).map;
  return { ...applied, updatedAt: batch.updatedAt };
}

/** The map after every logged batch, oldest first. */
export function replayLog(base: JourneyMap, log: readonly LogBatch[]): JourneyMap {
  return log.reduce(replayBatch, base);
}

/** Deep equality of two JSON values as stored (key order ignored, `undefined` members absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameJson(ra[k], rb[k]));
}
