/**
 * THE storage-format parser: `htmlparser2` in XML mode (storage is XHTML) feeding the typed tree
 * of `tree.ts`. Tolerant and total: it never throws, unclosed elements close at their parent's
 * end, stray end tags are ignored, HTML void elements written without `/` (`<br>`) stay empty,
 * comments and processing instructions are dropped, CDATA is text taken verbatim. Entities are
 * decoded by `decode.ts` (the one decoder). Names are lower-cased.
 */
import { Parser } from 'htmlparser2';
import { decodeStorageText } from './decode';
import type { StorageElement, StorageNode } from './tree';
import { emptyAttrs } from './tree';

/** Elements that never have content, even when a hand-written body leaves them unclosed. */
const VOID = new Set(['br', 'hr', 'img', 'col', 'wbr', 'input', 'meta', 'link']);

function appendText(parent: StorageElement, text: string): void {
  if (text === '') return;
  const last = parent.children[parent.children.length - 1];
  if (last?.kind === 'text') last.text += text;
  else parent.children.push({ kind: 'text', text });
}

/** Parses storage format into a forest of nodes, each element with its span in `input`. */
export function parseStorage(input: string): StorageNode[] {
  const root: StorageElement = {
    kind: 'element',
    name: '#root',
    attrs: emptyAttrs(),
    children: [],
  };
  const stack: StorageElement[] = [root];
  const top = (): StorageElement => stack[stack.length - 1] ?? root;
  let raw = '';
  let inCdata = false;
  const flush = (): void => {
    if (raw !== '') appendText(top(), decodeStorageText(raw));
    raw = '';
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        flush();
        const attrs = emptyAttrs();
        for (const [key, value] of Object.entries(attribs)) attrs[key] = decodeStorageText(value);
        const el: StorageElement = {
          kind: 'element',
          name,
          attrs,
          children: [],
          span: { start: parser.startIndex, end: parser.endIndex + 1 },
        };
        top().children.push(el);
        if (!VOID.has(name)) stack.push(el);
      },
      onclosetag(name, isImplied) {
        flush();
        if (VOID.has(name)) return;
        for (let k = stack.length - 1; k > 0; k -= 1) {
          const el = stack[k];
          if (el?.name !== name) continue;
          // An element closed by its parent's end tag (or the end of input) ends where that starts.
          const end = isImplied ? parser.startIndex : parser.endIndex + 1;
          if (el.span) el.span = { start: el.span.start, end: Math.max(el.span.end, end) };
          stack.length = k;
          return;
        }
      },
      ontext(data) {
        if (inCdata) appendText(top(), data);
        else raw += data;
      },
      oncdatastart() {
        flush();
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    {
      xmlMode: true,
      decodeEntities: false,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeCDATA: true,
      recognizeSelfClosing: true,
    },
  );
  parser.end(input);
  flush();
  return root.children;
}
