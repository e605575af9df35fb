/** The small typed tree every reader of storage format works on (see `parse.ts`). */

/** Where a node stood in the parsed source: `source.slice(start, end)` is its markup. */
export type SourceSpan = { readonly start: number; readonly end: number };

/** An element: lower-case name, decoded attribute values, children. */
export type StorageElement = {
  kind: 'element';
  name: string;
  attrs: Record<string, string>;
  children: StorageNode[];
  /** Its markup in the parsed string (absent on built or cloned elements). */
  span?: SourceSpan;
};

/** A text run (entities decoded; CDATA content verbatim). */
export type StorageText = { kind: 'text'; text: string };

/** A node of the storage tree. */
export type StorageNode = StorageElement | StorageText;

/** A new element (attributes copied into an object without a prototype). */
export function storageElement(
  name: string,
  attrs: Readonly<Record<string, string>> = {},
  children: StorageNode[] = [],
): StorageElement {
  return { kind: 'element', name, attrs: Object.assign(emptyAttrs(), attrs), children };
}

/** An attribute map whose lookups never reach `Object.prototype` ("constructor", "__proto__"). */
export function emptyAttrs(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** The child elements of a node, optionally only those with a given name. */
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

/** A deep copy without source spans (the copy is new markup, not part of any parsed string). */
export function cloneElement(el: StorageElement): StorageElement {
  return storageElement(
    el.name,
    el.attrs,
    el.children.map((c) => (c.kind === 'text' ? { ...c } : cloneElement(c))),
  );
}
