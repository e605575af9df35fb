/**
 * Forge macros in storage format. Confluence stores one as an `ac:adf-extension` holding an ADF
 * extension node and an `ac:adf-fallback` copy of it:
 *
 *   <ac:adf-extension><ac:adf-node type="extension">
 *     <ac:adf-attribute key="extension-key">APP/ENV/static/MODULE</ac:adf-attribute>
 *     <ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>
 *     <ac:adf-attribute key="parameters">
 *       <ac:adf-parameter key="local-id">CONTEXT-LOCAL-ID</ac:adf-parameter>
 *       <ac:adf-parameter key="extension-id">ari:cloud:ecosystem::extension/APP/ENV/static/MODULE</ac:adf-parameter>
 *       <ac:adf-parameter key="extension-title">…</ac:adf-parameter>
 *       <ac:adf-parameter key="layout">default</ac:adf-parameter>
 *       <ac:adf-parameter key="forge-environment">PRODUCTION</ac:adf-parameter>
 *       <ac:adf-parameter key="render">native</ac:adf-parameter>
 *       <ac:adf-parameter key="guest-params">…the macro's config…</ac:adf-parameter>
 *     </ac:adf-attribute>
 *     <ac:adf-attribute key="text">…</ac:adf-attribute>
 *     <ac:adf-attribute key="layout">default</ac:adf-attribute>
 *     <ac:adf-attribute key="local-id">NODE-LOCAL-ID</ac:adf-attribute>
 *   </ac:adf-node><ac:adf-fallback><ac:adf-node type="extension">…the same…</ac:adf-node></ac:adf-fallback>
 *   </ac:adf-extension>
 *
 * The PARAMETER `local-id` is the `localId` the macro's context carries (the app's key for its
 * data); the node's `local-id` attribute is the editor's id for the node and differs. Older,
 * trimmed bodies carry only one of them; hand-written ones use `ac:structured-macro` with
 * `ac:macro-id` (and `ac:local-id` as the node id). All three are read.
 */
import type { StorageElement, StorageNode } from './tree';
import { childElements, cloneElement, textContent } from './tree';

/** A Forge macro found in storage. */
export type ForgeMacro = {
  /** `adf`: an `ac:adf-extension`; `structured`: an `ac:structured-macro`. */
  form: 'adf' | 'structured';
  /** The extension key as stored (`APP/ENV/static/MODULE`), or the structured macro's name. */
  extensionKey: string;
  /** The macro module key (`MODULE`). */
  moduleKey: string;
  /** The context's `localId`: the parameter local-id (the node id only when no parameter exists). */
  localId: string;
  /** The node's own local-id, '' when the body has none. */
  nodeLocalId: string;
  /** The macro's configuration (guest-params, or a structured macro's `ac:parameter`s). */
  config: Record<string, string>;
};

function keyed(parent: StorageElement, name: string, key: string): StorageElement | undefined {
  return childElements(parent, name).find((c) => c.attrs.key === key);
}

function textOf(el: StorageElement | undefined): string {
  return el ? textContent(el).trim() : '';
}

/** The module key an extension key names (`…/static/<moduleKey>`, or the key itself). */
export function moduleKeyOf(extensionKey: string): string {
  const at = extensionKey.lastIndexOf('/static/');
  return at >= 0 ? extensionKey.slice(at + '/static/'.length) : extensionKey;
}

/** The ADF node of an `ac:adf-extension` (not its fallback copy). */
function adfNode(el: StorageElement): StorageElement | undefined {
  return childElements(el, 'ac:adf-node')[0];
}

/** Reads a Forge macro from an `ac:adf-extension` or `ac:structured-macro` element, else null. */
export function readForgeMacro(el: StorageElement): ForgeMacro | null {
  if (el.name === 'ac:adf-extension') {
    const node = adfNode(el);
    if (!node) return null;
    const extensionKey = textOf(keyed(node, 'ac:adf-attribute', 'extension-key'));
    const params = keyed(node, 'ac:adf-attribute', 'parameters');
    const nodeLocalId = textOf(keyed(node, 'ac:adf-attribute', 'local-id'));
    const localId =
      (params && textOf(keyed(params, 'ac:adf-parameter', 'local-id'))) || nodeLocalId;
    if (!extensionKey || !localId) return null;
    const config: Record<string, string> = {};
    const guest = params && keyed(params, 'ac:adf-parameter', 'guest-params');
    for (const p of guest ? childElements(guest, 'ac:adf-parameter') : []) {
      if (p.attrs.key) config[p.attrs.key] = textContent(p);
    }
    return {
      form: 'adf',
      extensionKey,
      moduleKey: moduleKeyOf(extensionKey),
      localId,
      nodeLocalId,
      config,
    };
  }
  if (el.name === 'ac:structured-macro') {
    const name = (el.attrs['ac:name'] ?? '').trim();
    const nodeLocalId = (el.attrs['ac:local-id'] ?? '').trim();
    const localId = (el.attrs['ac:macro-id'] ?? '').trim() || nodeLocalId;
    if (!name || !localId) return null;
    const config: Record<string, string> = {};
    for (const p of childElements(el, 'ac:parameter')) {
      const key = p.attrs['ac:name'];
      if (key) config[key] = textContent(p);
    }
    return {
      form: 'structured',
      extensionKey: name,
      moduleKey: name,
      localId,
      nodeLocalId,
      config,
    };
  }
  return null;
}

/** A Forge macro with the element it was read from. */
export type FoundMacro = { macro: ForgeMacro; element: StorageElement };

/** Every Forge macro in a forest, in document order (a macro's own content is not searched). */
export function findForgeMacros(nodes: readonly StorageNode[]): FoundMacro[] {
  const found: FoundMacro[] = [];
  const walk = (list: readonly StorageNode[]): void => {
    for (const n of list) {
      if (n.kind !== 'element') continue;
      const macro = readForgeMacro(n);
      if (macro) found.push({ macro, element: n });
      else walk(n.children);
    }
  };
  walk(nodes);
  return found;
}

function setText(el: StorageElement, value: string): void {
  el.children = [{ kind: 'text', text: value }];
}

/**
 * A copy of a macro element that Confluence will see as a new macro: the parameter local-id (and
 * a migrated macro's `macro-metadata` id) become `localId`, every node local-id (the node's and
 * its fallback copy's) becomes `nodeLocalId`; the key, extension id, environment, title, layout,
 * config and fallback are kept as they were.
 */
export function withFreshIds(
  element: StorageElement,
  ids: { localId: string; nodeLocalId: string },
): StorageElement {
  const copy = cloneElement(element);
  const before = readForgeMacro(element);
  if (copy.name === 'ac:structured-macro') {
    copy.attrs['ac:macro-id'] = ids.localId;
    if (copy.attrs['ac:local-id'] !== undefined) copy.attrs['ac:local-id'] = ids.nodeLocalId;
    return copy;
  }
  const walk = (el: StorageElement, parentKey: string | undefined): void => {
    const key = el.attrs.key;
    if (el.name === 'ac:adf-attribute' && key === 'local-id') setText(el, ids.nodeLocalId);
    else if (el.name === 'ac:adf-parameter' && key === 'local-id') setText(el, ids.localId);
    else if (
      el.name === 'ac:adf-parameter' &&
      key === 'value' &&
      parentKey === 'macro-id' &&
      before !== null &&
      textContent(el).trim() === before.localId
    ) {
      setText(el, ids.localId);
    } else for (const c of childElements(el)) walk(c, key);
  };
  walk(copy, undefined);
  return copy;
}
