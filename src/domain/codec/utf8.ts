/** UTF-8 sizes measured without allocating, so size checks on big maps stay cheap. */

/** Bytes `s` occupies in UTF-8 (lone surrogates count as U+FFFD, 3 bytes, like TextEncoder). */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of `JSON.stringify(value)` in UTF-8: the size Confluence counts for a property. */
export function jsonByteLength(value: unknown): number {
  return utf8ByteLength(JSON.stringify(value) ?? '');
}

/**
 * Longest prefix of `s` (never splitting a surrogate pair) whose JSON string literal, with the
 * ellipsis appended when cut, takes at most `maxBytes` UTF-8 bytes. Measuring the JSON form
 * matters: control characters escape to six bytes each.
 */
export function truncateJsonString(s: string, maxBytes: number): string {
  if (jsonByteLength(s) <= maxBytes) return s;
  const ellipsis = '…';
  const chars = Array.from(s);
  // Binary search on the number of code points kept.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (jsonByteLength(chars.slice(0, mid).join('') + ellipsis) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  const cut = chars.slice(0, lo).join('');
  return jsonByteLength(cut + ellipsis) <= maxBytes ? cut + ellipsis : '';
}
