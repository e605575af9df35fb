/**
 * The storage form of our Forge macro on local pages: the form a real Confluence site writes
 * (see `src/domain/storage-format/forge-macro.ts` for the shape and dev/host/README.md), with a
 * PARAMETER `local-id` (the frame context's `localId`) and a different NODE `local-id`, the
 * context parameters (`extension-id`, `extension-title`, `layout`, `forge-environment`,
 * `render`) and an `ac:adf-fallback` copy of the node. Reading also accepts the older trimmed
 * form (one local-id) and hand-written `<ac:structured-macro ac:name="journey-map" ac:macro-id>`.
 * Parsing, escaping and macro reading come from the one toolkit in src/domain/storage-format.
 */
import type { Markup } from '../../../src/domain/storage-format';
import {
  el,
  findForgeMacros,
  parseStorage,
  serialize,
  serializeStorage,
} from '../../../src/domain/storage-format';
import type { ForgeMacro, StorageElement, StorageNode } from '../../../src/domain/storage-format';
import { readForgeMacro } from '../../../src/domain/storage-format';

/** The macro module key (fixed name, see the brief). */
export const MACRO_MODULE_KEY = 'journey-map';
/** The app and environment our local pages name in the extension key. */
const LOCAL_APP = 'local-app';
const LOCAL_ENVIRONMENT = 'local-environment';
/** The extension key our local pages carry. */
export const LOCAL_EXTENSION_KEY = `${LOCAL_APP}/${LOCAL_ENVIRONMENT}/static/${MACRO_MODULE_KEY}`;
/** The extension id (an ARI) a real site writes beside the key. */
export const LOCAL_EXTENSION_ID = `ari:cloud:ecosystem::extension/${LOCAL_EXTENSION_KEY}`;
const TITLE = 'Journey map';

/** A Forge macro found in a page body. */
export type MacroInstance = {
  moduleKey: string;
  /** The context's `localId` (the parameter local-id). */
  localId: string;
  /** The node's own local-id ('' in hand-written bodies). */
  nodeLocalId: string;
  config: Record<string, string>;
};

/** The node id a macro gets when the caller names none: stable, and never the parameter id. */
export function defaultNodeLocalId(localId: string): string {
  return `node-${localId}`;
}

function extensionNode(args: {
  localId: string;
  nodeLocalId: string;
  config: Record<string, string>;
}): Markup {
  const param = (key: string, value: string): Markup => el('ac:adf-parameter', { key }, value);
  const attr = (key: string, ...value: (Markup | string)[]): Markup =>
    el('ac:adf-attribute', { key }, ...value);
  return el(
    'ac:adf-node',
    { type: 'extension' },
    attr('extension-key', LOCAL_EXTENSION_KEY),
    attr('extension-type', 'com.atlassian.ecosystem'),
    attr(
      'parameters',
      param('local-id', args.localId),
      param('extension-id', LOCAL_EXTENSION_ID),
      param('extension-title', TITLE),
      param('layout', 'default'),
      param('forge-environment', 'DEVELOPMENT'),
      param('render', 'native'),
      el(
        'ac:adf-parameter',
        { key: 'guest-params' },
        Object.entries(args.config).map(([k, v]) => param(k, v)),
      ),
    ),
    attr('text', TITLE),
    attr('layout', 'default'),
    attr('local-id', args.nodeLocalId),
  );
}

/** Storage for a new macro instance, in the form a real site writes. */
export function buildMacroStorage(args: {
  localId: string;
  /** The node's own local-id; defaults to {@link defaultNodeLocalId}. */
  nodeLocalId?: string;
  config?: Record<string, string>;
}): string {
  const node = {
    localId: args.localId,
    nodeLocalId: args.nodeLocalId ?? defaultNodeLocalId(args.localId),
    config: args.config ?? {},
  };
  return serialize(
    el('ac:adf-extension', {}, extensionNode(node), el('ac:adf-fallback', {}, extensionNode(node))),
  );
}

function instanceOf(macro: ForgeMacro): MacroInstance {
  return {
    moduleKey: macro.moduleKey,
    localId: macro.localId,
    nodeLocalId: macro.nodeLocalId,
    config: macro.config,
  };
}

/** Reads a macro instance: any Forge `ac:adf-extension`, or a structured macro named ours. */
export function readMacro(element: StorageElement): MacroInstance | null {
  const macro = readForgeMacro(element);
  if (!macro) return null;
  if (macro.form === 'structured' && macro.moduleKey !== MACRO_MODULE_KEY) return null;
  return instanceOf(macro);
}

/** Every Forge macro in a page body, in document order. */
export function findMacros(storage: string): MacroInstance[] {
  return findForgeMacros(parseStorage(storage))
    .filter((f) => f.macro.form === 'adf' || f.macro.moduleKey === MACRO_MODULE_KEY)
    .map((f) => instanceOf(f.macro));
}

/** The body with one macro's config replaced (rewritten to the real form, its ids kept). */
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
        return parseStorage(
          buildMacroStorage({
            localId: args.localId,
            nodeLocalId: macro.nodeLocalId || defaultNodeLocalId(args.localId),
            config: args.config,
          }),
        );
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
