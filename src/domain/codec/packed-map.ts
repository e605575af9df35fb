/**
 * A map packed for one answer: its JSON deflated and base64-encoded. Used to hand a map that is
 * too big to answer as JSON (written before the size limit, or over REST) to the browser, which
 * unpacks it and shows it read-only, with export.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeBase64, encodeBase64 } from './base64';

/** The map's JSON, deflated, as base64. */
export function packMap(map: unknown): string {
  return encodeBase64(deflateSync(strToU8(JSON.stringify(map)), { level: 6 }));
}

/** The JSON value `packMap` packed; null when the text is not such a value. */
export function unpackMap(packed: string): unknown {
  const bytes = decodeBase64(packed);
  if (!bytes) return null;
  try {
    return JSON.parse(strFromU8(inflateSync(bytes))) as unknown;
  } catch {
    return null;
  }
}
