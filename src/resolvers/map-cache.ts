/**
 * Maps this function instance read or wrote most recently. Forge keeps warm instances, so an edit
 * right after a load usually finds the map here and saves with ONE call (the head PUT). Safe by
 * construction: a save is `version + 1` of what is cached, so a stale entry only costs a
 * conflict, after which the map is re-read. Keyed by installation so sites never mix.
 */
import type { StoredMap } from '../confluence/map-store';

const MAX_ENTRIES = 16;
const entries = new Map<string, StoredMap>();

/** The cache key of a map on a site. */
export function cacheKey(args: {
  installContext: string;
  pageId: string;
  localId: string;
}): string {
  return `${args.installContext}|${args.pageId}|${args.localId}`;
}

/** The cached map, if any. */
export function getCached(key: string): StoredMap | undefined {
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
  }
  return hit;
}

/** Remembers a map (most recent last; the oldest is evicted). */
export function putCached(key: string, value: StoredMap): void {
  entries.delete(key);
  entries.set(key, value);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** Forgets a map (after a conflict or a failed write). */
export function dropCached(key: string): void {
  entries.delete(key);
}

/** Forgets everything (tests; a restarted emulator). */
export function clearMapCache(): void {
  entries.clear();
}
