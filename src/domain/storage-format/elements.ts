/**
 * Confluence storage-format building blocks (reference/forge-platform.md §7.3), all made with the
 * element builder so their text and parameters are escaped.
 */
import type { Child, Markup } from './markup';
import { el, fragment } from './markup';

/** Colours of the status lozenge. */
export type StatusColour = 'Grey' | 'Red' | 'Yellow' | 'Green' | 'Blue' | 'Purple';

/** A status lozenge: its words and its colour. */
export type Lozenge = { title: string; colour: StatusColour };

/** A status lozenge macro. */
export function statusLozenge(args: Lozenge): Markup {
  return el(
    'ac:structured-macro',
    { 'ac:name': 'status' },
    el('ac:parameter', { 'ac:name': 'colour' }, args.colour),
    el('ac:parameter', { 'ac:name': 'title' }, args.title),
  );
}

/** An info / note / tip panel with rich-text content. */
export function panel(args: {
  kind: 'info' | 'note' | 'tip' | 'warning';
  title?: string;
  body: Child;
}): Markup {
  return el(
    'ac:structured-macro',
    { 'ac:name': args.kind },
    args.title ? el('ac:parameter', { 'ac:name': 'title' }, args.title) : null,
    el('ac:rich-text-body', {}, args.body),
  );
}

/** An image attachment, of this page or (with `page`) of another page. */
export function attachedImage(args: {
  fileName: string;
  alt: string;
  width?: number;
  /** The page that holds the attachment (same space when `spaceKey` is left out). */
  page?: { title: string; spaceKey?: string };
}): Markup {
  return el(
    'ac:image',
    { 'ac:alt': args.alt, 'ac:title': args.alt, 'ac:width': args.width },
    el(
      'ri:attachment',
      { 'ri:filename': args.fileName },
      args.page
        ? el('ri:page', {
            'ri:content-title': args.page.title,
            'ri:space-key': args.page.spaceKey,
          })
        : null,
    ),
  );
}

/** A link to a page by title (same space), with escaped link text. */
export function pageLink(args: { title: string; label?: string }): Markup {
  return el(
    'ac:link',
    {},
    el('ri:page', { 'ri:content-title': args.title }),
    el('ac:link-body', {}, args.label ?? args.title),
  );
}

/** A table cell that holds block content (lists, several paragraphs) instead of one `<p>`. */
export type BlockCell = { readonly kind: 'block'; readonly content: Markup };
/** A table cell: inline content (wrapped in `<p>`) or a block. */
export type Cell = Child | BlockCell;

/** Marks content as block-level for a table cell (not wrapped in `<p>`). */
export function block(...children: Child[]): BlockCell {
  return { kind: 'block', content: fragment(...children) };
}

function isBlock(cell: Cell): cell is BlockCell {
  return typeof cell === 'object' && cell !== null && 'kind' in cell && cell.kind === 'block';
}

function cellContent(cell: Cell): Child {
  if (isBlock(cell)) return cell.content;
  return el('p', {}, cell === '' || cell === null || cell === undefined ? '—' : cell);
}

/**
 * Column widths as Confluence's editor writes them (`<col style="width: 72px;" />`), null for a
 * column left to the browser. A width keeps a short column from narrowing until a Chinese word
 * breaks inside itself (已验/证).
 */
export function colgroup(widths: readonly (number | null)[]): Markup {
  return el(
    'colgroup',
    {},
    widths.map((w) => (w === null ? el('col') : el('col', { style: `width: ${w}px;` }))),
  );
}

/** A table: one header row, then rows of cells; `widths` per column, if any (see colgroup). */
export function table(args: {
  headers: readonly Child[];
  rows: readonly (readonly Cell[])[];
  widths?: readonly (number | null)[];
}): Markup {
  return el(
    'table',
    {},
    args.widths ? colgroup(args.widths) : null,
    el(
      'tbody',
      {},
      el(
        'tr',
        {},
        args.headers.map((h) => el('th', {}, el('p', {}, h))),
      ),
      args.rows.map((row) =>
        el(
          'tr',
          {},
          row.map((cell) => el('td', {}, cellContent(cell))),
        ),
      ),
    ),
  );
}

/** A bulleted list; empty lists render nothing. */
export function bulletList(items: readonly Child[]): Markup | null {
  if (items.length === 0) return null;
  return el(
    'ul',
    {},
    items.map((item) => el('li', {}, el('p', {}, item))),
  );
}

/** A paragraph per non-empty line block of free text (blank lines separate paragraphs). */
export function paragraphs(textValue: string): Markup[] {
  return textValue
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const lines = part.split('\n');
      return el(
        'p',
        {},
        lines.map((line, i) => (i === 0 ? line : [el('br'), line])),
      );
    });
}
