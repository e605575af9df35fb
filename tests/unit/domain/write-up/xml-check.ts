/**
 * A strict well-formedness check for the storage the write-up emits: balanced tags, quoted
 * attributes without `<` or `"`, text without `<`/`>`, and `&` only as a known entity. Returns the
 * element names in document order (so tests can count macros) or throws where it breaks.
 */
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
const ENTITY = /&(?!(?:amp|lt|gt|quot|#39|#9|#10|#13);)/;

/** Checks `xml`; returns the names of the elements opened, in order. */
export function checkStorage(xml: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs, selfClose, textPart, stray] = m;
    if (stray) throw new Error(`stray "<" at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (textPart !== undefined) {
      if (textPart.includes('>')) throw new Error(`">" in text at ${m.index}`);
      if (ENTITY.test(textPart)) throw new Error(`bare "&" in text at ${m.index}`);
      continue;
    }
    if (attrs && ENTITY.test(attrs)) throw new Error(`bare "&" in attribute at ${m.index}`);
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      names.push(name ?? '');
      if (!selfClose) stack.push(name ?? '');
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' > ')}`);
  return names;
}
