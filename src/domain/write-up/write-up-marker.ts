/**
 * The marker the app sets on a write-up page when it creates it: a content property naming the
 * map (page + macro) it was generated from. The page summary's write-up record is ordinary page
 * data any editor of the map page can rewrite, so it only says where to look; the marker, which
 * only someone who may edit the write-up page itself can write, is the proof that a page is this
 * map's write-up before a generation overwrites it (decision 0008, security finding 6).
 */
import { z } from 'zod';
import { PROPERTY_KEY_PREFIX, sanitizeLocalId } from '../codec/property-keys';

/** Content-property key of the marker on a write-up page. */
export const WRITE_UP_MARKER_KEY = `${PROPERTY_KEY_PREFIX}writeup_of`;

/** The marker's value: the map the page is the write-up of. */
export type WriteUpMarker = { pageId: string; localId: string };

const markerSchema = z.object({ pageId: z.string(), localId: z.string() }).loose();

/** The marker value for the map at this address. */
export function writeUpMarker(at: WriteUpMarker): WriteUpMarker {
  return { pageId: at.pageId, localId: at.localId };
}

/** True when a stored marker value names exactly this map (localIds compared as keys spell them). */
export function isMarkerOf(value: unknown, at: WriteUpMarker): boolean {
  const parsed = markerSchema.safeParse(value);
  return (
    parsed.success &&
    parsed.data.pageId === at.pageId &&
    sanitizeLocalId(parsed.data.localId) === sanitizeLocalId(at.localId)
  );
}
