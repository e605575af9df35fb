/** Greedy word wrap by character count: SVG has no text flow, and the domain has no fonts. */

/** At most `maxLines` lines of at most `width` characters; an ellipsis marks cut text. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    // Chop words longer than a line so a URL cannot overflow the card.
    const chunks = Array.from({ length: Math.ceil(word.length / width) }, (_, i) =>
      word.slice(i * width, (i + 1) * width),
    );
    for (const chunk of chunks) {
      if (current === '') current = chunk;
      else if (current.length + 1 + chunk.length <= width) current += ` ${chunk}`;
      else {
        lines.push(current);
        current = chunk;
      }
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, width - 1))}…`;
  return kept;
}
