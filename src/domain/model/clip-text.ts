/** Cutting text to the schema's measure (UTF-16 units) between code points. */

/** At most `max` UTF-16 units of `text`, never splitting a surrogate pair. */
export function clipText(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}
