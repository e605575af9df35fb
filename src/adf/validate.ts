/**
 * A structural check of the ADF this app emits: node types, required children, where marks may
 * appear, attribute ranges, non-empty text, rectangular tables. Not the full ADF schema (that
 * lives in @atlaskit/adf-schema, which is not a dependency) but every rule our output relies on.
 */

/** One violation: where and what. */
export type AdfProblem = { path: string; message: string };

type Node = Record<string, unknown>;

const BLOCK = new Set(['paragraph', 'heading', 'bulletList', 'table', 'rule']);
const CELL_BLOCK = new Set(['paragraph', 'heading', 'bulletList']);
const MARKS = new Set(['strong', 'em']);

function isNode(v: unknown): v is Node {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Node).type === 'string'
  );
}

function children(node: Node): unknown[] | null {
  return Array.isArray(node.content) ? (node.content as unknown[]) : null;
}

/** Every rule violation in `doc`; [] when valid. */
export function validateAdf(doc: unknown): AdfProblem[] {
  const problems: AdfProblem[] = [];
  const bad = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  const checkKeys = (node: Node, path: string, allowed: string[]): void => {
    for (const k of Object.keys(node)) if (!allowed.includes(k)) bad(path, `unexpected key "${k}"`);
  };

  const inline = (node: unknown, path: string): void => {
    if (!isNode(node) || node.type !== 'text') return bad(path, 'inline content must be text');
    checkKeys(node, path, ['type', 'text', 'marks']);
    if (typeof node.text !== 'string' || node.text.length === 0)
      bad(path, 'text must be a non-empty string');
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return bad(path, 'marks must be an array');
      const seen = new Set<string>();
      node.marks.forEach((m: unknown, i) => {
        if (!isNode(m) || !MARKS.has(m.type as string)) bad(`${path}.marks[${i}]`, 'unknown mark');
        else if (seen.has(m.type as string)) bad(`${path}.marks[${i}]`, 'duplicate mark');
        else seen.add(m.type as string);
      });
    }
  };

  const inlineContainer = (node: Node, path: string): void => {
    const kids = children(node);
    if (!kids) return bad(path, `${String(node.type)} needs a content array`);
    kids.forEach((k, i) => inline(k, `${path}.content[${i}]`));
  };

  const block = (node: unknown, path: string, allowed: Set<string>): void => {
    if (!isNode(node)) return bad(path, 'not a node');
    if (!allowed.has(node.type as string))
      return bad(path, `"${String(node.type)}" is not allowed here`);
    switch (node.type) {
      case 'paragraph':
        checkKeys(node, path, ['type', 'content']);
        return inlineContainer(node, path);
      case 'heading': {
        checkKeys(node, path, ['type', 'attrs', 'content']);
        const attrs = node.attrs;
        const level =
          typeof attrs === 'object' && attrs !== null
            ? (attrs as Record<string, unknown>).level
            : undefined;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
          bad(path, 'heading level must be 1–6');
        }
        return inlineContainer(node, path);
      }
      case 'rule':
        return checkKeys(node, path, ['type']);
      case 'bulletList': {
        checkKeys(node, path, ['type', 'content']);
        const items = children(node);
        if (!items || items.length === 0)
          return bad(path, 'bulletList needs at least one listItem');
        return items.forEach((item, i) => {
          const p = `${path}.content[${i}]`;
          if (!isNode(item) || item.type !== 'listItem')
            return bad(p, 'bulletList holds listItems only');
          const kids = children(item);
          if (!kids || kids.length === 0) return bad(p, 'listItem needs content');
          const first = kids[0];
          if (!isNode(first) || first.type !== 'paragraph')
            bad(p, 'listItem must start with a paragraph');
          kids.forEach((k, j) =>
            block(k, `${p}.content[${j}]`, new Set(['paragraph', 'bulletList'])),
          );
        });
      }
      case 'table':
        return table(node, path);
      default:
        return bad(path, `unknown node "${String(node.type)}"`);
    }
  };

  const table = (node: Node, path: string): void => {
    checkKeys(node, path, ['type', 'attrs', 'content']);
    const rows = children(node);
    if (!rows || rows.length === 0) return bad(path, 'table needs at least one row');
    const widths: number[] = [];
    rows.forEach((row, r) => {
      const rp = `${path}.content[${r}]`;
      if (!isNode(row) || row.type !== 'tableRow') return bad(rp, 'table holds tableRows only');
      const cells = children(row);
      if (!cells || cells.length === 0) return bad(rp, 'tableRow needs cells');
      let width = 0;
      cells.forEach((c, i) => {
        const cp = `${rp}.content[${i}]`;
        if (!isNode(c) || (c.type !== 'tableCell' && c.type !== 'tableHeader')) {
          return bad(cp, 'tableRow holds tableCell/tableHeader only');
        }
        checkKeys(c, cp, ['type', 'attrs', 'content']);
        const attrs = (c.attrs ?? {}) as Node;
        const colspan = attrs.colspan ?? 1;
        if (typeof colspan !== 'number' || !Number.isInteger(colspan) || colspan < 1)
          bad(cp, 'colspan must be a positive integer');
        if (attrs.rowspan !== undefined && attrs.rowspan !== 1)
          bad(cp, 'rowspan is not used by this export');
        width += typeof colspan === 'number' ? colspan : 1;
        const kids = children(c);
        if (!kids || kids.length === 0) return bad(cp, 'a cell needs at least one block');
        kids.forEach((k, j) => block(k, `${cp}.content[${j}]`, CELL_BLOCK));
      });
      widths.push(width);
    });
    if (new Set(widths).size > 1) bad(path, `rows have different widths (${widths.join(', ')})`);
  };

  if (!isNode(doc) || doc.type !== 'doc') return [{ path: '', message: 'root must be a doc node' }];
  checkKeys(doc, 'doc', ['type', 'version', 'content']);
  if (doc.version !== 1) bad('doc', 'version must be 1');
  const kids = children(doc);
  if (!kids) return [...problems, { path: 'doc', message: 'doc needs a content array' }];
  kids.forEach((k, i) => block(k, `doc.content[${i}]`, BLOCK));
  return problems;
}
