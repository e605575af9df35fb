/**
 * Turns a write-up's storage tree (parsed by the one storage-format toolkit, the same parser and
 * entity decoder the backend and the host use) into a small tree of allowed, inert nodes that
 * React renders as elements: nothing from the storage is ever set as HTML. Unknown elements are
 * unwrapped to their text; script-like ones are dropped whole. Pure, so it runs (and is tested)
 * without a DOM. The parser lives in the lazily loaded session chunk, not the initial bundle.
 */
import type { StorageElement, StorageNode } from '../../../../../src/domain/storage-format';
import { childElements, parseStorage, textContent } from '../../../../../src/domain/storage-format';

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
  | 'colgroup'
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
  /** A table column with the width the storage gives it, in px (null: none). */
  | { kind: 'col'; width: number | null }
  | { kind: 'status'; title: string; colour: string }
  | { kind: 'panel'; panel: string; title: string; children: PreviewNode[] }
  | { kind: 'link'; children: PreviewNode[] };

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
  'colgroup',
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
const PANELS = new Set(['info', 'note', 'warning', 'tip', 'panel', 'expand']);

function child(node: StorageElement, name: string): StorageElement | undefined {
  return childElements(node, name)[0];
}

function params(node: StorageElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of childElements(node, 'ac:parameter'))
    out.set(c.attrs['ac:name'] ?? '', textContent(c));
  return out;
}

/** The px width of a `<col style="width: 72px;">`, kept within what a table column can use. */
function colWidth(style: string): number | null {
  const m = /^\s*width:\s*(\d{1,4})(?:\.\d+)?px;?\s*$/.exec(style);
  return m ? Math.min(Number(m[1]), 2000) : null;
}

function convert(nodes: readonly StorageNode[]): PreviewNode[] {
  const out: PreviewNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'text') {
      if (n.text) out.push({ kind: 'text', text: n.text });
      continue;
    }
    if (DROPPED.has(n.name)) continue;
    const tag = RENAMED.get(n.name) ?? (TAGS.has(n.name) ? (n.name as PreviewTag) : null);
    if (tag) {
      out.push({ kind: 'element', tag, children: convert(n.children) });
    } else if (n.name === 'col') {
      out.push({ kind: 'col', width: colWidth(n.attrs.style ?? '') });
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
          title: p.get('title') ?? '',
          colour: (p.get('colour') ?? 'Grey').toLowerCase(),
        });
      } else if (PANELS.has(macro)) {
        const body = child(n, 'ac:rich-text-body');
        out.push({
          kind: 'panel',
          panel: macro,
          title: p.get('title') ?? '',
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

/** The preview tree of a parsed storage tree. */
export function treeToPreview(nodes: readonly StorageNode[]): PreviewNode[] {
  return convert(nodes);
}

/** The preview tree of a storage-format body (parsed by the toolkit). */
export function storageToPreview(storage: string): PreviewNode[] {
  return convert(parseStorage(storage));
}

/** Text of a preview tree, for tests (the preview itself is drawn by StorageView). */
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
        case 'col':
          return '';
        case 'element':
          return previewText(n.children) + (n.tag === 'p' || n.tag.startsWith('h') ? '\n' : ' ');
        default:
          return previewText(n.children);
      }
    })
    .join('');
}
