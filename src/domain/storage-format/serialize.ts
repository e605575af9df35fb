/** Writes a storage tree back to storage format, every text and attribute escaped by `escape.ts`. */
import { escapeAttr, escapeText, isXmlName } from './escape';
import type { StorageNode } from './tree';

const VOID = new Set(['br', 'hr', 'img', 'col', 'wbr', 'input', 'meta', 'link']);

/** The storage format of a forest (names that are not XML names are dropped with their tags). */
export function serializeStorage(nodes: readonly StorageNode[]): string {
  return nodes.map(serializeNode).join('');
}

function serializeNode(node: StorageNode): string {
  if (node.kind === 'text') return escapeText(node.text);
  const inner = serializeStorage(node.children);
  if (!isXmlName(node.name)) return inner;
  const attrs = Object.entries(node.attrs)
    .filter(([k]) => isXmlName(k))
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (inner === '' && (VOID.has(node.name) || node.name.includes(':'))) {
    return `<${node.name}${attrs} />`;
  }
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}
