/**
 * The subset of ADF (Atlassian Document Format) the export emits, as types and builders. Keeping
 * the subset small keeps it checkable: validate.ts enforces exactly these node and mark rules.
 */

/** A text mark. */
export type AdfMark = { type: 'strong' } | { type: 'em' };
/** Inline text (never empty). */
export type AdfText = { type: 'text'; text: string; marks?: AdfMark[] };
/** A paragraph. */
export type AdfParagraph = { type: 'paragraph'; content: AdfText[] };
/** A heading, levels 1–6. */
export type AdfHeading = {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content: AdfText[];
};
/** A list item: a paragraph first. */
export type AdfListItem = { type: 'listItem'; content: [AdfParagraph, ...AdfParagraph[]] };
/** A bullet list (at least one item). */
export type AdfBulletList = { type: 'bulletList'; content: [AdfListItem, ...AdfListItem[]] };
/** Blocks allowed inside a table cell. */
export type AdfCellBlock = AdfParagraph | AdfBulletList | AdfHeading;
/** Cell attributes. */
export type AdfCellAttrs = { colspan?: number; rowspan?: number; background?: string };
/** A header or data cell (at least one block). */
export type AdfCell = {
  type: 'tableHeader' | 'tableCell';
  attrs?: AdfCellAttrs;
  content: [AdfCellBlock, ...AdfCellBlock[]];
};
/** A table row. */
export type AdfRow = { type: 'tableRow'; content: AdfCell[] };
/** A table. */
export type AdfTable = {
  type: 'table';
  attrs: { isNumberColumnEnabled: boolean; layout: 'default' | 'wide' | 'full-width' };
  content: AdfRow[];
};
/** A horizontal rule. */
export type AdfRule = { type: 'rule' };
/** Top-level blocks. */
export type AdfBlock = AdfParagraph | AdfHeading | AdfBulletList | AdfTable | AdfRule;
/** An ADF document. */
export type AdfDoc = { type: 'doc'; version: 1; content: AdfBlock[] };

/** Text, or nothing for an empty string (ADF forbids empty text nodes). */
export function text(value: string, marks?: AdfMark[]): AdfText[] {
  if (value === '') return [];
  return [
    marks && marks.length > 0
      ? { type: 'text', text: value, marks }
      : { type: 'text', text: value },
  ];
}

/** A paragraph of text runs. */
export function paragraph(...runs: AdfText[][]): AdfParagraph {
  return { type: 'paragraph', content: runs.flat() };
}

/** A heading. */
export function heading(level: AdfHeading['attrs']['level'], value: string): AdfHeading {
  return { type: 'heading', attrs: { level }, content: text(value) };
}

/** A bullet list of paragraphs, or null when there are none. */
export function bulletList(items: AdfParagraph[]): AdfBulletList | null {
  const [first, ...rest] = items;
  if (!first) return null;
  const li = (p: AdfParagraph): AdfListItem => ({ type: 'listItem', content: [p] });
  return { type: 'bulletList', content: [li(first), ...rest.map(li)] };
}

/** A cell; an empty one gets an empty paragraph (cells need a block). */
export function cell(kind: AdfCell['type'], blocks: AdfCellBlock[], attrs?: AdfCellAttrs): AdfCell {
  const [first, ...rest] = blocks;
  return {
    type: kind,
    ...(attrs ? { attrs } : {}),
    content: first ? [first, ...rest] : [paragraph()],
  };
}
