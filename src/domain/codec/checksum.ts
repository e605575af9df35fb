/** FNV-1a (32-bit) checksum: cheap, dependency-free, enough to detect a torn or mixed read. */

/** FNV-1a over the UTF-16 code units of `text` (equal to its bytes for ASCII such as base64). */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
