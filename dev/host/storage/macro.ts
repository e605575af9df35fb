/**
 * The storage form of our Forge macro on local pages. Real Confluence stores a Forge macro as an
 * `ac:adf-extension` wrapping an ADF extension node; we write a trimmed version of that shape so
 * pages read like the real thing:
 *
 *   <ac:adf-extension><ac:adf-node type="extension">
 *     <ac:adf-attribute key="extension-key">local-app/local-environment/static/journey-map</ac:adf-attribute>
 *     <ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>
 *     <ac:adf-attribute key="parameters">
 *       <ac:adf-parameter key="local-id">LOCALID</ac:adf-parameter>
 *       <ac:adf-parameter key="extension-title">Journey map</ac:adf-parameter>
 *       <ac:adf-parameter key="guest-params"><ac:adf-parameter key="k">v</ac:adf-parameter></ac:adf-parameter>
 *     </ac:adf-attribute>
 *     <ac:adf-attribute key="local-id">LOCALID</ac:adf-attribute>
 *   </ac:adf-node></ac:adf-extension>
 *
 * For hand-written bodies the host also accepts
 * `<ac:structured-macro ac:name="journey-map" ac:macro-id="LOCALID">` with `ac:parameter`s as config.
 */
import type { StorageElement, StorageNode } from './parse';
import { childElements, escapeXml, parseStorage, serializeStorage, textContent } from './parse';

/** The macro module key (fixed name, see the brief). */
export const MACRO_MODULE_KEY = 'journey-map';
/** The extension key our local pages carry. */
export const LOCAL_EXTENSION_KEY = `local-app/local-environment/static/${MACRO_MODULE_KEY}`;

/** A Forge macro found in a page body. */
export type MacroInstance = {
  moduleKey: string;
  localId: string;
  config: Record<string, string>;
};

/** Storage for a new macro instance. */
export function buildMacroStorage(args: {
  localId: string;
  config?: Record<string, string>;
}): string {
  const id = escapeXml(args.localId);
  const params = Object.entries(args.config ?? {})
    .map(([k, v]) => `<ac:adf-parameter key="${escapeXml(k)}">${escapeXml(v)}</ac:adf-parameter>`)
    .join('');
  return (
    '<ac:adf-extension><ac:adf-node type="extension">' +
    `<ac:adf-attribute key="extension-key">${LOCAL_EXTENSION_KEY}</ac:adf-attribute>` +
    '<ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>' +
    '<ac:adf-attribute key="parameters">' +
    `<ac:adf-parameter key="local-id">${id}</ac:adf-parameter>` +
    '<ac:adf-parameter key="extension-title">Journey map</ac:adf-parameter>' +
    `<ac:adf-parameter key="guest-params">${params}</ac:adf-parameter>` +
    '</ac:adf-attribute>' +
    `<ac:adf-attribute key="local-id">${id}</ac:adf-attribute>` +
    '</ac:adf-node></ac:adf-extension>'
  );
}

/** The module key an extension key names (`…/static/<moduleKey>` or a bare key). */
function moduleKeyOf(extensionKey: string): string {
  const at = extensionKey.lastIndexOf('/static/');
  return at >= 0 ? extensionKey.slice(at + '/static/'.length) : extensionKey;
}

/** Reads a macro instance from an `ac:adf-extension` or `ac:structured-macro` element. */
export function readMacro(el: StorageElement): MacroInstance | null {
  if (el.name === 'ac:adf-extension') {
    const node = childElements(el, 'ac:adf-node').find((n) => n.attrs.type === 'extension');
    if (!node) return null;
    const attr = (key: string): StorageElement | undefined =>
      childElements(node, 'ac:adf-attribute').find((a) => a.attrs.key === key);
    const extensionKey = textContent(attr('extension-key') ?? emptyEl()).trim();
    const params = attr('parameters');
    const param = (key: string): StorageElement | undefined =>
      params
        ? childElements(params, 'ac:adf-parameter').find((p) => p.attrs.key === key)
        : undefined;
    const localId = (
      textContent(param('local-id') ?? emptyEl()) || textContent(attr('local-id') ?? emptyEl())
    ).trim();
    if (!extensionKey || !localId) return null;
    const config: Record<string, string> = {};
    const guest = param('guest-params');
    for (const p of guest ? childElements(guest, 'ac:adf-parameter') : []) {
      if (p.attrs.key) config[p.attrs.key] = textContent(p);
    }
    return { moduleKey: moduleKeyOf(extensionKey), localId, config };
  }
  if (el.name === 'ac:structured-macro' && el.attrs['ac:name'] === MACRO_MODULE_KEY) {
    const localId = (el.attrs['ac:macro-id'] ?? el.attrs['ac:local-id'] ?? '').trim();
    if (!localId) return null;
    const config: Record<string, string> = {};
    for (const p of childElements(el, 'ac:parameter')) {
      const key = p.attrs['ac:name'];
      if (key) config[key] = textContent(p);
    }
    return { moduleKey: MACRO_MODULE_KEY, localId, config };
  }
  return null;
}

function emptyEl(): StorageElement {
  return { kind: 'element', name: '#empty', attrs: {}, children: [] };
}

/** Every Forge macro in a page body, in document order. */
export function findMacros(storage: string): MacroInstance[] {
  const found: MacroInstance[] = [];
  const walk = (nodes: StorageNode[]): void => {
    for (const n of nodes) {
      if (n.kind !== 'element') continue;
      const macro = readMacro(n);
      if (macro) found.push(macro);
      else walk(n.children);
    }
  };
  walk(parseStorage(storage));
  return found;
}

/** The body with one macro's config replaced (the form is rewritten to our adf-extension form). */
export function replaceMacroConfig(args: {
  storage: string;
  localId: string;
  config: Record<string, string>;
}): { storage: string; found: boolean } {
  let found = false;
  const rewrite = (nodes: StorageNode[]): StorageNode[] =>
    nodes.flatMap((n): StorageNode[] => {
      if (n.kind !== 'element') return [n];
      const macro = readMacro(n);
      if (macro && macro.localId === args.localId) {
        found = true;
        return parseStorage(buildMacroStorage({ localId: args.localId, config: args.config }));
      }
      return [{ ...n, children: rewrite(n.children) }];
    });
  const storage = serializeStorage(rewrite(parseStorage(args.storage)));
  return { storage, found };
}

/** Flattens a config object into the string values storage can hold. */
export function toStorageConfig(config: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (config && typeof config === 'object' && !Array.isArray(config)) {
    for (const [k, v] of Object.entries(config as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
  }
  return out;
}
