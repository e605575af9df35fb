/**
 * Renders Confluence storage format to safe HTML for the local shell. It is an allow-list: only
 * the elements and attributes named here survive, every text and attribute value is escaped, URLs
 * must be http(s), mailto, or site-relative, and script-like elements are dropped with their
 * content. Our Forge macro is replaced by whatever the caller renders for it (the iframe).
 */
import type { MacroInstance } from './macro';
import { readMacro } from './macro';
import type { StorageElement, StorageNode } from '../../../src/domain/storage-format';
import {
  childElements,
  escapeAttr,
  parseStorage,
  textContent,
} from '../../../src/domain/storage-format';

/** Escapes text and double-quoted attribute values of the HTML this renderer writes. */
const escapeXml = escapeAttr;

/** How the renderer resolves references it cannot know by itself. */
export type RenderOptions = {
  /** URL of an attachment (of this page, or of the page with `pageTitle`), or null. */
  attachmentUrl: (fileName: string, pageTitle?: string) => string | null;
  /** URL of a page by title (same space unless `spaceKey`), or null when unknown. */
  pageUrl: (title: string, spaceKey?: string) => string | null;
  /** Trusted HTML for one of our Forge macros. */
  renderMacro: (macro: MacroInstance) => string;
};

/** HTML tags passed through (without attributes unless listed in ATTRS). */
const TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
  'br',
  'hr',
  'a',
  'span',
  'div',
  'small',
  'abbr',
  'cite',
  'q',
  'dl',
  'dt',
  'dd',
  'caption',
]);

/** Attributes kept per tag, each with a validator. */
const ATTRS: Record<string, Record<string, (v: string) => string | null>> = {
  a: { href: safeUrl, title: (v) => v },
  th: { colspan: smallInt, rowspan: smallInt },
  td: { colspan: smallInt, rowspan: smallInt },
  ol: { start: smallInt },
  col: { span: smallInt, style: colWidth },
  abbr: { title: (v) => v },
};

/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'template',
  'noscript',
  'textarea',
  'select',
  'title',
  'head',
  'meta',
  'link',
  'base',
  'form',
  'input',
  'button',
  'audio',
  'video',
  'source',
  'img',
  'xml',
  'ac:parameter',
  'ac:placeholder',
]);

const VOID = new Set(['br', 'hr', 'col']);

const STATUS_COLOURS = new Set(['grey', 'red', 'yellow', 'green', 'blue', 'purple']);
const PANEL_MACROS = new Set(['info', 'note', 'warning', 'tip', 'panel']);

/** A column's width as Confluence's editor writes it (`width: 160px;`); any other style is dropped. */
function colWidth(v: string): string | null {
  const m = /^\s*width:\s*(\d{1,4}(?:\.\d+)?)px;?\s*$/.exec(v);
  return m ? `width: ${m[1]}px` : null;
}

function smallInt(v: string): string | null {
  return /^\d{1,3}$/.test(v.trim()) ? String(Number(v.trim())) : null;
}

/** The URL if it is http(s), mailto, site-relative or a fragment; null otherwise. */
export function safeUrl(raw: string): string | null {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '') return null;
  if (/^(https?:\/\/|mailto:)/i.test(compact)) return raw.trim();
  if (/^(\/|#|\?)/.test(compact)) return raw.trim();
  // A relative path without a scheme ("pages/1"): a colon before any /?# would be a scheme.
  if (/^[^:/?#]+(?:[/?#]|$)/.test(compact) && !/^[^/?#]*:/.test(compact)) return raw.trim();
  return null;
}

/** Renders a storage body to safe HTML. */
export function renderStorage(storage: string, options: RenderOptions): string {
  return renderNodes(parseStorage(storage), options);
}

function renderNodes(nodes: StorageNode[], o: RenderOptions): string {
  return nodes.map((n) => renderNode(n, o)).join('');
}

function renderNode(node: StorageNode, o: RenderOptions): string {
  if (node.kind === 'text') return escapeXml(node.text);
  const name = node.name;
  if (DROP_WITH_CONTENT.has(name)) return '';
  if (name === 'ac:adf-extension' || name === 'ac:structured-macro') return renderMacroEl(node, o);
  if (name === 'ac:image') return renderImage(node, o);
  if (name === 'ac:link') return renderLink(node, o);
  if (name === 'ac:task-list') return renderTasks(node, o);
  if (name === 'ac:emoticon') return escapeXml(node.attrs['ac:emoji-fallback'] ?? '');
  if (name === 'time') return escapeXml(node.attrs.datetime ?? textContent(node));
  if (name === 'ac:rich-text-body' || name === 'ac:layout' || name === 'ac:layout-section') {
    return `<div>${renderNodes(node.children, o)}</div>`;
  }
  if (name === 'ac:layout-cell')
    return `<div class="jm-layout-cell">${renderNodes(node.children, o)}</div>`;
  if (TAGS.has(name)) {
    const allowed = ATTRS[name] ?? {};
    let attrs = '';
    for (const [k, check] of Object.entries(allowed)) {
      const v = node.attrs[k];
      if (v === undefined) continue;
      const ok = check(v);
      if (ok !== null) attrs += ` ${k}="${escapeXml(ok)}"`;
    }
    if (name === 'a' && attrs.includes('href=')) attrs += ' rel="noopener noreferrer"';
    if (VOID.has(name)) return `<${name}${attrs}>`;
    const tableOpen = name === 'table' ? '<div class="jm-table-wrap">' : '';
    const tableClose = name === 'table' ? '</div>' : '';
    return `${tableOpen}<${name}${attrs}>${renderNodes(node.children, o)}</${name}>${tableClose}`;
  }
  // Unknown elements (including other ac:/ri: ones) are unwrapped: their text stays visible.
  return renderNodes(node.children, o);
}

function param(el: StorageElement, name: string): string | undefined {
  const p = childElements(el, 'ac:parameter').find((c) => c.attrs['ac:name'] === name);
  return p ? textContent(p) : undefined;
}

function renderMacroEl(el: StorageElement, o: RenderOptions): string {
  const ours = readMacro(el);
  if (ours) return o.renderMacro(ours);
  if (el.name === 'ac:adf-extension') {
    return '<div class="jm-unsupported">Unsupported extension</div>';
  }
  const macro = (el.attrs['ac:name'] ?? '').toLowerCase();
  const body = childElements(el, 'ac:rich-text-body')[0];
  const plain = childElements(el, 'ac:plain-text-body')[0];
  if (macro === 'status') {
    const colour = (param(el, 'colour') ?? param(el, 'color') ?? 'grey').toLowerCase();
    const safe = STATUS_COLOURS.has(colour) ? colour : 'grey';
    const subtle = param(el, 'subtle') === 'true' ? ' jm-status-subtle' : '';
    const title = param(el, 'title') ?? '';
    return `<span class="jm-status jm-status-${safe}${subtle}">${escapeXml(title)}</span>`;
  }
  if (PANEL_MACROS.has(macro)) {
    const title = param(el, 'title');
    const heading = title ? `<div class="jm-panel-title">${escapeXml(title)}</div>` : '';
    const inner = body ? renderNodes(body.children, o) : '';
    return `<div class="jm-panel jm-panel-${macro}" role="note">${heading}${inner}</div>`;
  }
  if (macro === 'code' || macro === 'noformat') {
    const title = param(el, 'title');
    const heading = title ? `<div class="jm-code-title">${escapeXml(title)}</div>` : '';
    return `<div class="jm-code">${heading}<pre><code>${escapeXml(plain ? textContent(plain) : '')}</code></pre></div>`;
  }
  if (macro === 'expand') {
    const title = param(el, 'title') ?? 'Click here to expand...';
    const inner = body ? renderNodes(body.children, o) : '';
    return `<details class="jm-expand"><summary>${escapeXml(title)}</summary>${inner}</details>`;
  }
  if (macro === 'toc' || macro === 'children' || macro === 'anchor') return '';
  return `<div class="jm-unsupported">Unsupported macro: ${escapeXml(macro || 'unknown')}</div>`;
}

function renderImage(el: StorageElement, o: RenderOptions): string {
  const alt = el.attrs['ac:alt'] ?? el.attrs['ac:title'] ?? '';
  const width = smallIntUpTo(el.attrs['ac:width'], 4000);
  const att = childElements(el, 'ri:attachment')[0];
  const ext = childElements(el, 'ri:url')[0];
  let src: string | null = null;
  if (att) {
    const fileName = att.attrs['ri:filename'] ?? '';
    const onPage = childElements(att, 'ri:page')[0]?.attrs['ri:content-title'];
    src = fileName ? o.attachmentUrl(fileName, onPage) : null;
  } else if (ext) {
    const v = ext.attrs['ri:value'] ?? '';
    src = /^https?:\/\//i.test(v.trim()) ? v.trim() : null;
  }
  if (!src)
    return `<span class="jm-missing-image">[image: ${escapeXml(alt || 'unavailable')}]</span>`;
  const w = width ? ` width="${width}"` : '';
  return `<img class="jm-image" src="${escapeXml(src)}" alt="${escapeXml(alt)}"${w} loading="lazy">`;
}

function smallIntUpTo(v: string | undefined, max: number): number | null {
  if (!v || !/^\d{1,5}$/.test(v.trim())) return null;
  const n = Number(v.trim());
  return n > 0 && n <= max ? n : null;
}

function renderLink(el: StorageElement, o: RenderOptions): string {
  const page = childElements(el, 'ri:page')[0];
  const url = childElements(el, 'ri:url')[0];
  const att = childElements(el, 'ri:attachment')[0];
  const bodyEl =
    childElements(el, 'ac:link-body')[0] ?? childElements(el, 'ac:plain-text-link-body')[0];
  let href: string | null = null;
  let fallback = '';
  if (page) {
    const title = page.attrs['ri:content-title'] ?? '';
    href = o.pageUrl(title, page.attrs['ri:space-key']);
    fallback = title;
  } else if (url) {
    href = safeUrl(url.attrs['ri:value'] ?? '');
    fallback = url.attrs['ri:value'] ?? '';
  } else if (att) {
    const fileName = att.attrs['ri:filename'] ?? '';
    href = fileName ? o.attachmentUrl(fileName) : null;
    fallback = fileName;
  }
  const anchor = el.attrs['ac:anchor'];
  if (!href && anchor) href = `#${encodeURIComponent(anchor)}`;
  const inner = bodyEl
    ? bodyEl.name === 'ac:link-body'
      ? renderNodes(bodyEl.children, o)
      : escapeXml(textContent(bodyEl))
    : escapeXml(fallback);
  if (!href) return `<span class="jm-broken-link">${inner}</span>`;
  return `<a href="${escapeXml(href)}" rel="noopener noreferrer">${inner}</a>`;
}

function renderTasks(el: StorageElement, o: RenderOptions): string {
  const items = childElements(el, 'ac:task').map((t) => {
    const done = textContent(childElements(t, 'ac:task-status')[0] ?? t).trim() === 'complete';
    const body = childElements(t, 'ac:task-body')[0];
    const check = done ? ' checked' : '';
    return `<li><input type="checkbox" disabled${check}> ${body ? renderNodes(body.children, o) : ''}</li>`;
  });
  return `<ul class="jm-tasks">${items.join('')}</ul>`;
}
