/**
 * Keeps object identity across a map that came back from the server: every part equal to the
 * one already shown is replaced by that same object. Without this, each save or remote merge
 * would hand React a freshly deserialised map and re-render every memoised cell of the grid.
 */
import type { JourneyMap } from '@domain/model/schema';

/** `next`, with every part deep-equal to the same part of `prev` taken from `prev`. */
export function shareStructure(prev: JourneyMap, next: JourneyMap): JourneyMap {
  if (prev === next) return prev;
  return share(prev, next) as JourneyMap;
}

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) {
    return next;
  }
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    // Entities are matched by id (a card moved in the array is still the same card).
    const byId = new Map<unknown, unknown>();
    for (const item of prev) {
      const id = (item as { id?: unknown } | null)?.id;
      if (id !== undefined) byId.set(id, item);
    }
    let same = prev.length === next.length;
    const out = next.map((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      const match: unknown = id !== undefined && byId.has(id) ? byId.get(id) : prev[i];
      const shared = share(match, item);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return same ? prev : out;
  }
  if (Array.isArray(prev)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const shared = share(p[key], n[key]);
    if (shared !== p[key]) same = false;
    out[key] = shared;
  }
  return same ? prev : out;
}
