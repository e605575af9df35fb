/**
 * A tolerant parser for Confluence storage format (XHTML with `ac:`/`ri:` elements). It never
 * throws: malformed markup becomes text or is closed implicitly, so a hostile page body can only
 * ever produce a tree that the allow-list renderer then filters.
 */

/** An element of the storage tree. */
export type StorageElement = {
  kind: 'element';
  name: string;
  attrs: Record<string, string>;
  children: StorageNode[];
};

/** A text run (entities already decoded; CDATA content verbatim). */
export type StorageText = { kind: 'text'; text: string };

/** A node of the storage tree. */
export type StorageNode = StorageElement | StorageText;

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'col', 'wbr', 'input', 'meta', 'link']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  times: '\u00d7',
  rarr: '\u2192',
  larr: '\u2190',
  euro: '\u20ac',
};

/** Decodes the entities of a text or attribute value; unknown entities stay literal. */
export function decodeEntities(s: string): string {
  return s.replace(
    /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (m, e: string) => {
      if (e.startsWith('#')) {
        const code =
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        // Lone surrogates and NUL would make invalid output; out-of-range code points too.
        if (
          !Number.isFinite(code) ||
          code <= 0 ||
          code > 0x10ffff ||
          (code >= 0xd800 && code <= 0xdfff)
        ) {
          return '\ufffd';
        }
        return String.fromCodePoint(code);
      }
      return NAMED_ENTITIES[e] ?? m;
    },
  );
}

const NAME = /^[A-Za-z][A-Za-z0-9:_.-]*/;
const ATTR = /^\s*([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/;

/** Parses storage format into a forest of nodes. */
export function parseStorage(input: string): StorageNode[] {
  const root: StorageElement = { kind: 'element', name: '#root', attrs: {}, children: [] };
  const stack: StorageElement[] = [root];
  const top = (): StorageElement => stack[stack.length - 1] ?? root;
  const pushText = (text: string): void => {
    if (text === '') return;
    const children = top().children;
    const last = children[children.length - 1];
    if (last && last.kind === 'text') last.text += text;
    else children.push({ kind: 'text', text });
  };

  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      pushText(decodeEntities(input.slice(i)));
      break;
    }
    if (lt > i) pushText(decodeEntities(input.slice(i, lt)));
    i = lt;
    const rest = input.slice(i, i + 9);
    if (rest.startsWith('<!--')) {
      const end = input.indexOf('-->', i + 4);
      i = end < 0 ? input.length : end + 3;
      continue;
    }
    if (rest.startsWith('<![CDATA[')) {
      const end = input.indexOf(']]>', i + 9);
      pushText(input.slice(i + 9, end < 0 ? input.length : end));
      i = end < 0 ? input.length : end + 3;
      continue;
    }
    if (rest.startsWith('<!') || rest.startsWith('<?')) {
      const end = input.indexOf('>', i);
      i = end < 0 ? input.length : end + 1;
      continue;
    }
    if (input[i + 1] === '/') {
      const m = NAME.exec(input.slice(i + 2));
      const end = input.indexOf('>', i);
      if (!m || end < 0) {
        pushText('<');
        i += 1;
        continue;
      }
      const name = m[0].toLowerCase();
      const at = findOpen(stack, name);
      if (at > 0) stack.length = at;
      i = end + 1;
      continue;
    }
    const m = NAME.exec(input.slice(i + 1));
    if (!m) {
      pushText('<');
      i += 1;
      continue;
    }
    const name = m[0].toLowerCase();
    let j = i + 1 + m[0].length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    let closed = false;
    while (j < input.length) {
      const c = input[j] ?? '';
      if (c === '>') {
        j += 1;
        closed = true;
        break;
      }
      if (c === '/' && input[j + 1] === '>') {
        j += 2;
        selfClosing = true;
        closed = true;
        break;
      }
      const a = ATTR.exec(input.slice(j, j + 65_536));
      if (!a || a[0].length === 0) {
        j += 1;
        continue;
      }
      const key = (a[1] ?? '').toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      j += a[0].length;
    }
    if (!closed) {
      // An unterminated tag is text, as a browser would show it.
      pushText(decodeEntities(input.slice(i)));
      break;
    }
    const el: StorageElement = { kind: 'element', name, attrs, children: [] };
    top().children.push(el);
    if (!selfClosing && !VOID_ELEMENTS.has(name)) stack.push(el);
    i = j;
  }
  return root.children;
}

function findOpen(stack: StorageElement[], name: string): number {
  for (let k = stack.length - 1; k > 0; k -= 1) if (stack[k]?.name === name) return k;
  return -1;
}

/** The child elements of a node with a given name. */
export function childElements(el: StorageElement, name?: string): StorageElement[] {
  return el.children.filter(
    (c): c is StorageElement => c.kind === 'element' && (name === undefined || c.name === name),
  );
}

/** The concatenated text content of a node. */
export function textContent(node: StorageNode): string {
  if (node.kind === 'text') return node.text;
  return node.children.map(textContent).join('');
}

/** Serialises a tree back to storage format (used when the host rewrites a page body). */
export function serializeStorage(nodes: StorageNode[]): string {
  return nodes.map(serializeNode).join('');
}

function serializeNode(node: StorageNode): string {
  if (node.kind === 'text') return escapeXml(node.text);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0 && VOID_ELEMENTS.has(node.name)) return `<${node.name}${attrs} />`;
  if (node.children.length === 0 && node.name.includes(':')) return `<${node.name}${attrs} />`;
  return `<${node.name}${attrs}>${serializeStorage(node.children)}</${node.name}>`;
}

/** Escapes text for XML/HTML text and double-quoted attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
