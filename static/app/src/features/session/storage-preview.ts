/**
 * Turns a write-up's storage format (XHTML with `ac:`/`ri:` elements) into a small tree of
 * allowed, inert nodes that React renders as elements: nothing from the storage is ever set as
 * HTML. Unknown elements are unwrapped to their text; script-like ones are dropped whole. Pure,
 * so it runs (and is tested) without a DOM.
 */

/** Block and inline tags the preview draws as themselves. */
export type PreviewTag =
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'p'
  | 'strong'
  | 'em'
  | 'small'
  | 'code'
  | 'ul'
  | 'ol'
  | 'li'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'hr'
  | 'br'
  | 'blockquote';

/** One node of the preview. */
export type PreviewNode =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: PreviewTag; children: PreviewNode[] }
  | { kind: 'image'; fileName: string; alt: string }
  | { kind: 'status'; title: string; colour: string }
  | { kind: 'panel'; panel: string; title: string; children: PreviewNode[] }
  | { kind: 'link'; children: PreviewNode[] };

type XmlNode =
  | { type: 'text'; text: string }
  | { type: 'el'; name: string; attrs: Record<string, string>; children: XmlNode[] };

const TAGS = new Set<string>([
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'strong',
  'em',
  'small',
  'code',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
  'blockquote',
]);
// A Map, not an object: element names come from the page, and `<constructor>` must not find
// Object.prototype's members (issue 13, item 7).
const RENAMED = new Map<string, PreviewTag>([
  ['b', 'strong'],
  ['i', 'em'],
  ['h5', 'h4'],
  ['h6', 'h4'],
]);
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'ac:parameter',
]);
const VOID = new Set(['br', 'hr', 'img', 'col', 'input', 'meta', 'link']);
const PANELS = new Set(['info', 'note', 'warning', 'tip', 'panel', 'expand']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  times: '×',
  middot: '·',
  rsaquo: '›',
};

/** Decodes character references; unknown named ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Parses storage XHTML leniently (unclosed tags close at their parent's end). */
function parseXml(source: string): XmlNode[] {
  const root: XmlNode & { type: 'el' } = { type: 'el', name: '#root', attrs: {}, children: [] };
  const stack: (XmlNode & { type: 'el' })[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      top().children.push({ type: 'text', text: decodeEntities(source.slice(i)) });
      break;
    }
    if (lt > i) top().children.push({ type: 'text', text: decodeEntities(source.slice(i, lt)) });
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      const stop = end < 0 ? source.length : end;
      top().children.push({ type: 'text', text: source.slice(lt + 9, stop) });
      i = end < 0 ? source.length : end + 3;
      continue;
    }
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      i = end < 0 ? source.length : end + 3;
      continue;
    }
    if (source.startsWith('<!', lt) || source.startsWith('<?', lt)) {
      const end = source.indexOf('>', lt);
      i = end < 0 ? source.length : end + 1;
      continue;
    }
    const tag =
      /^<\/?([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/.exec(
        source.slice(lt),
      );
    if (!tag) {
      top().children.push({ type: 'text', text: '<' });
      i = lt + 1;
      continue;
    }
    const name = (tag[1] ?? '').toLowerCase();
    i = lt + tag[0].length;
    if (tag[0][1] === '/') {
      const at = stack.map((n) => n.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    // No prototype: an attribute named `__proto__` or `constructor` is just an attribute.
    const attrs = Object.create(null) as Record<string, string>;
    for (const a of (tag[2] ?? '').matchAll(
      /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    )) {
      attrs[(a[1] ?? '').toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const el: XmlNode & { type: 'el' } = { type: 'el', name, attrs, children: [] };
    top().children.push(el);
    if (tag[3] !== '/' && !VOID.has(name)) stack.push(el);
  }
  return root.children;
}

function textOf(nodes: readonly XmlNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : textOf(n.children))).join('');
}

function child(
  node: XmlNode & { type: 'el' },
  name: string,
): (XmlNode & { type: 'el' }) | undefined {
  return node.children.find(
    (c): c is XmlNode & { type: 'el' } => c.type === 'el' && c.name === name,
  );
}

function params(node: XmlNode & { type: 'el' }): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const c of node.children) {
    if (c.type === 'el' && c.name === 'ac:parameter')
      out[c.attrs['ac:name'] ?? ''] = textOf(c.children);
  }
  return out;
}

function convert(nodes: readonly XmlNode[]): PreviewNode[] {
  const out: PreviewNode[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      if (n.text) out.push({ kind: 'text', text: n.text });
      continue;
    }
    if (DROPPED.has(n.name)) continue;
    const tag = RENAMED.get(n.name) ?? (TAGS.has(n.name) ? (n.name as PreviewTag) : null);
    if (tag) {
      out.push({ kind: 'element', tag, children: convert(n.children) });
    } else if (n.name === 'ac:image' || n.name === 'img') {
      const att = child(n, 'ri:attachment');
      const url = child(n, 'ri:url');
      out.push({
        kind: 'image',
        fileName: att?.attrs['ri:filename'] ?? url?.attrs['ri:value'] ?? n.attrs.src ?? 'image',
        alt: n.attrs['ac:alt'] ?? n.attrs.alt ?? '',
      });
    } else if (n.name === 'ac:structured-macro') {
      const macro = (n.attrs['ac:name'] ?? '').toLowerCase();
      const p = params(n);
      if (macro === 'status') {
        out.push({
          kind: 'status',
          title: p.title ?? '',
          colour: (p.colour ?? 'Grey').toLowerCase(),
        });
      } else if (PANELS.has(macro)) {
        const body = child(n, 'ac:rich-text-body');
        out.push({
          kind: 'panel',
          panel: macro,
          title: p.title ?? '',
          children: convert(body?.children ?? []),
        });
      } else {
        const body = child(n, 'ac:rich-text-body') ?? child(n, 'ac:plain-text-body');
        if (body) out.push(...convert(body.children));
      }
    } else if (n.name === 'ac:link' || n.name === 'a') {
      const page = child(n, 'ri:page');
      const body = child(n, 'ac:link-body') ?? child(n, 'ac:plain-text-link-body');
      const children = body
        ? convert(body.children)
        : page
          ? [{ kind: 'text' as const, text: page.attrs['ri:content-title'] ?? '' }]
          : convert(n.children);
      out.push({ kind: 'link', children });
    } else {
      out.push(...convert(n.children));
    }
  }
  return out;
}

/** The preview tree of a storage-format body. */
export function storageToPreview(storage: string): PreviewNode[] {
  return convert(parseXml(storage));
}

/** Visible text of a preview tree (tests and the accessible summary). */
export function previewText(nodes: readonly PreviewNode[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.text;
        case 'image':
          return `[image: ${n.fileName}]`;
        case 'status':
          return `[${n.title}]`;
        case 'element':
          return previewText(n.children) + (n.tag === 'p' || n.tag.startsWith('h') ? '\n' : ' ');
        default:
          return previewText(n.children);
      }
    })
    .join('');
}
