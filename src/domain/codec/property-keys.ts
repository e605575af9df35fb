/**
 * Property keys of the app. Content- and space-property keys live in one namespace shared by
 * every app on a site, so all of ours start with {@link PROPERTY_KEY_PREFIX} (decision 0020);
 * CQL-indexable keys allow only `[A-Za-z0-9_]` (hence the sanitising). A map is
 * `<prefix>map_<localId>` (head) plus `<prefix>map_<localId>_c<n>_<generation>` (chunks).
 * Keys written before 0020 used `cjm_`: they are still read (new key first), never written.
 */
import { fnv1a32 } from './checksum';
import { PROPERTY_KEY_MAX_LENGTH } from './limits';

/** The one prefix of every property key the app writes (reverse-DNS style, decision 0020). */
export const PROPERTY_KEY_PREFIX = 'com_journeymaps_';
/** The prefix of keys written before decision 0020: read as a fallback, never written. */
export const LEGACY_PROPERTY_KEY_PREFIX = 'cjm_';

/** Prefix of every map head and chunk key. */
export const MAP_PROPERTY_PREFIX = `${PROPERTY_KEY_PREFIX}map_`;
/** Prefix of map head and chunk keys written before decision 0020. */
export const LEGACY_MAP_PROPERTY_PREFIX = `${LEGACY_PROPERTY_KEY_PREFIX}map_`;

/** Longest sanitised localId kept whole; longer ones are shortened with a hash to stay unique. */
const LOCAL_ID_MAX = 180;
/** Longest generation token kept in a chunk key. */
export const GENERATION_MAX = 40;

/**
 * The localId as it appears in keys: every character outside `[A-Za-z0-9_]` becomes `_`.
 * Forge localIds are UUIDs, so the dash → underscore mapping cannot collide in practice.
 * Over-long ids keep a prefix plus a hash of the whole id so the key stays ≤ 255 characters.
 */
export function sanitizeLocalId(localId: string): string {
  const clean = localId.replace(/[^A-Za-z0-9_]/g, '_') || '_';
  if (clean.length <= LOCAL_ID_MAX) return clean;
  return `${clean.slice(0, LOCAL_ID_MAX - 9)}_${fnv1a32(localId)}`;
}

/** The generation token as written into chunk keys: alphanumerics only, at most 40 of them. */
export function sanitizeGeneration(generation: string): string {
  return generation.replace(/[^A-Za-z0-9]/g, '').slice(0, GENERATION_MAX) || '0';
}

/** Key of the map's head property (`legacy`: the pre-0020 key, for reading only). */
export function mapPropertyKey(localId: string, legacy = false): string {
  return (legacy ? LEGACY_MAP_PROPERTY_PREFIX : MAP_PROPERTY_PREFIX) + sanitizeLocalId(localId);
}

/** What follows the head key in a chunk key: `_c<n>_<generation>`. */
export function chunkSuffix(n: number, generation: string): string {
  return `_c${n}_${sanitizeGeneration(generation)}`;
}

/** Key of chunk `n` (0-based) of the given generation. */
export function chunkPropertyKey(localId: string, n: number, generation: string): string {
  const key = mapPropertyKey(localId) + chunkSuffix(n, generation);
  if (key.length > PROPERTY_KEY_MAX_LENGTH) throw new RangeError(`property key too long: ${key}`);
  return key;
}

const SUFFIX_PATTERN = /^_c(0|[1-9]\d{0,5})_([A-Za-z0-9]{1,40})$/;

/**
 * The chunk index and generation a key names, when it is a chunk key of this map. (A map whose
 * own localId were `<this localId>_c<n>_<token>` would be mistaken for a chunk; Forge localIds
 * are UUIDs, which never have that shape.)
 */
export function parseChunkKey(
  localId: string,
  key: string,
  legacy = false,
): { index: number; generation: string; suffix: string } | null {
  const head = mapPropertyKey(localId, legacy);
  if (!key.startsWith(head)) return null;
  const suffix = key.slice(head.length);
  const match = SUFFIX_PATTERN.exec(suffix);
  if (!match) return null;
  return { index: Number(match[1]), generation: match[2] ?? '', suffix };
}

/** True when `key` is a chunk key (any generation) of the map with this localId. */
export function isChunkKeyOf(localId: string, key: string, legacy = false): boolean {
  return parseChunkKey(localId, key, legacy) !== null;
}
