/**
 * Storage helpers for placing a second journey-map macro: finding our macro's block by its
 * parameter local-id (real, trimmed and structured forms; other apps' extensions ignored), cloning
 * it with a fresh parameter local-id AND a fresh node local-id (everything else kept, hostile ids
 * escaped), inserting after it, and the child page's escaped body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMacroStorage, defaultNodeLocalId, findMacros } from '../../../dev/host/storage/macro';
import type { StorageElement, StorageNode } from '../../../src/domain/storage-format';
import {
  findForgeMacros,
  parseStorage,
  readForgeMacro,
  serializeStorage,
  textContent,
} from '../../../src/domain/storage-format';
import {
  childPageBody,
  cloneMacroBlock,
  findMacroBlock,
  insertAfterBlock,
} from '../../../src/confluence/macro-placement';

/** What Confluence Cloud stores for a Forge macro: parameter local-id ≠ node local-id, a fallback. */
function realNode(args: { paramId: string; nodeId: string }): string {
  return (
    '<ac:adf-node type="extension">' +
    '<ac:adf-attribute key="extension-key">a1b2/e3f4/static/journey-map</ac:adf-attribute>' +
    '<ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>' +
    `<ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">${args.paramId}</ac:adf-parameter>` +
    '<ac:adf-parameter key="extension-id">ari:cloud:ecosystem::extension/a1b2/e3f4/static/journey-map</ac:adf-parameter>' +
    '<ac:adf-parameter key="extension-title">Journey map</ac:adf-parameter>' +
    '<ac:adf-parameter key="layout">default</ac:adf-parameter>' +
    '<ac:adf-parameter key="forge-environment">PRODUCTION</ac:adf-parameter>' +
    '<ac:adf-parameter key="render">native</ac:adf-parameter>' +
    '<ac:adf-parameter key="guest-params"><ac:adf-parameter key="theme">e3f4-journey-map</ac:adf-parameter></ac:adf-parameter>' +
    '</ac:adf-attribute>' +
    '<ac:adf-attribute key="text">Journey map</ac:adf-attribute>' +
    '<ac:adf-attribute key="layout">default</ac:adf-attribute>' +
    `<ac:adf-attribute key="local-id">${args.nodeId}</ac:adf-attribute>` +
    '</ac:adf-node>'
  );
}
const CLOUD_BLOCK =
  '<ac:adf-extension>' +
  realNode({ paramId: 'e3f4-journey-map', nodeId: '5c2ef91d-node' }) +
  '<ac:adf-fallback>' +
  realNode({ paramId: 'e3f4-journey-map', nodeId: '5c2ef91d-node' }) +
  '</ac:adf-fallback></ac:adf-extension>';

/** The trimmed form older local pages carry (one id, no fallback, no context parameters). */
const TRIMMED_BLOCK =
  '<ac:adf-extension><ac:adf-node type="extension">' +
  '<ac:adf-attribute key="extension-key">local-app/local-environment/static/journey-map</ac:adf-attribute>' +
  '<ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">t1</ac:adf-parameter></ac:adf-attribute>' +
  '<ac:adf-attribute key="local-id">t1</ac:adf-attribute>' +
  '</ac:adf-node></ac:adf-extension>';

const OTHER_APP =
  '<ac:adf-extension><ac:adf-node type="extension">' +
  '<ac:adf-attribute key="extension-key">zz/yy/static/other-macro</ac:adf-attribute>' +
  '<ac:adf-attribute key="local-id">e3f4-journey-map</ac:adf-attribute>' +
  '</ac:adf-node></ac:adf-extension>';

describe('findMacroBlock', () => {
  it.each([
    ['local (real) form', `<p>a</p>${buildMacroStorage({ localId: 'm1' })}<p>b</p>`, 'm1', true],
    [
      'cloud form with fallback, by parameter local-id',
      `<p>a</p>${CLOUD_BLOCK}`,
      'e3f4-journey-map',
      true,
    ],
    ['cloud form, by node local-id', CLOUD_BLOCK, '5c2ef91d-node', false],
    ['older trimmed form', TRIMMED_BLOCK, 't1', true],
    ['another app with the same local id', OTHER_APP, 'e3f4-journey-map', false],
    [
      'structured macro',
      '<ac:structured-macro ac:name="journey-map" ac:macro-id="s1"/>',
      's1',
      true,
    ],
    [
      'structured macro with body',
      '<ac:structured-macro ac:name="journey-map" ac:macro-id="s2"><ac:parameter ac:name="x">1</ac:parameter></ac:structured-macro>',
      's2',
      true,
    ],
    ['other id', buildMacroStorage({ localId: 'm1' }), 'm2', false],
    ['a reference outside Unicode in the body', `<p>&#99999999;</p>${TRIMMED_BLOCK}`, 't1', true],
  ])('%s', (_name, storage, id, found) => {
    const at = findMacroBlock(storage, id);
    expect(at !== null).toBe(found);
    if (at) expect(storage.slice(at.start, at.start + at.block.length)).toBe(at.block);
  });
});

/** Every `local-id` value in a block: parameters and node attributes, with the element names. */
function localIds(block: string): string[] {
  const out: string[] = [];
  const walk = (nodes: StorageNode[]): void => {
    for (const n of nodes) {
      if (n.kind !== 'element') continue;
      if (n.attrs.key === 'local-id') out.push(`${n.name}=${textContent(n)}`);
      walk(n.children);
    }
  };
  walk(parseStorage(block));
  return out;
}

/** The block's tree with both kinds of local-id blanked: what must be preserved by a clone. */
function withoutIds(block: string): string {
  const blank = (nodes: StorageNode[]): StorageNode[] =>
    nodes.map((n) =>
      n.kind !== 'element'
        ? n
        : n.attrs.key === 'local-id'
          ? { ...n, span: undefined, children: [{ kind: 'text', text: '' }] }
          : { ...n, span: undefined, children: blank(n.children) },
    );
  return serializeStorage(blank(parseStorage(block)));
}

describe('cloneMacroBlock + insertAfterBlock', () => {
  it('clones the real cloud form: both ids fresh and different, everything else kept', () => {
    const storage = `<p>a</p>${OTHER_APP}${CLOUD_BLOCK}<p>z</p>`;
    const at = findMacroBlock(storage, 'e3f4-journey-map');
    expect(at?.block).toBe(CLOUD_BLOCK);
    const clone = cloneMacroBlock({
      block: CLOUD_BLOCK,
      localId: 'new1',
      nodeLocalId: 'node-new1',
    });
    const macro = readForgeMacro(parseStorage(clone)[0] as StorageElement);
    expect(macro).toMatchObject({
      localId: 'new1',
      nodeLocalId: 'node-new1',
      extensionKey: 'a1b2/e3f4/static/journey-map',
      config: { theme: 'e3f4-journey-map' },
    });
    // Node and fallback both carry the fresh ids; none of the source's is left.
    expect(localIds(clone)).toEqual([
      'ac:adf-parameter=new1',
      'ac:adf-attribute=node-new1',
      'ac:adf-parameter=new1',
      'ac:adf-attribute=node-new1',
    ]);
    expect(clone).not.toContain(
      'e3f4-journey-map</ac:adf-parameter><ac:adf-parameter key="extension-id"',
    );
    expect(clone).not.toContain('5c2ef91d-node');
    // Extension id (which contains the old id), environment, title, layout, render, config and
    // fallback are exactly as they were.
    expect(withoutIds(clone)).toBe(withoutIds(CLOUD_BLOCK));
    expect(clone).toContain('extension/a1b2/e3f4/static/journey-map<');
    expect(clone).toContain('<ac:adf-parameter key="forge-environment">PRODUCTION<');
    expect(clone).toContain('<ac:adf-fallback>');

    const body = insertAfterBlock(storage, at!, clone);
    expect(body).toBe(`<p>a</p>${OTHER_APP}${CLOUD_BLOCK}${clone}<p>z</p>`);
    const macros = findForgeMacros(parseStorage(body)).map((f) => f.macro);
    const before = findForgeMacros(parseStorage(storage)).map((f) => f.macro);
    expect(macros).toHaveLength(before.length + 1);
    expect(macros.map((m) => m.localId)).toEqual(['e3f4-journey-map', 'e3f4-journey-map', 'new1']);
  });

  it('clones the older trimmed form with both ids fresh', () => {
    const clone = cloneMacroBlock({ block: TRIMMED_BLOCK, localId: 'p2', nodeLocalId: 'n2' });
    expect(localIds(clone)).toEqual(['ac:adf-parameter=p2', 'ac:adf-attribute=n2']);
    expect(withoutIds(clone)).toBe(withoutIds(TRIMMED_BLOCK));
  });

  it('clones a hand-written structured macro by its id attributes only', () => {
    const block =
      '<ac:structured-macro ac:name="journey-map" ac:local-id="node-0" ac:macro-id="journey-map"><ac:parameter ac:name="k">journey-map</ac:parameter></ac:structured-macro>';
    const clone = cloneMacroBlock({ block, localId: 'n2', nodeLocalId: 'node-2' });
    expect(clone).toBe(
      '<ac:structured-macro ac:name="journey-map" ac:local-id="node-2" ac:macro-id="n2"><ac:parameter ac:name="k">journey-map</ac:parameter></ac:structured-macro>',
    );
  });

  it('property: for any ids the host finds both macros, in order, and no source id is copied', () => {
    const id = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(id, id, id, (from, to, node) => {
        fc.pre(from !== to && to !== node && node !== defaultNodeLocalId(from));
        const storage = `<p>x</p>${buildMacroStorage({ localId: from })}`;
        const at = findMacroBlock(storage, from);
        expect(at).not.toBeNull();
        const body = insertAfterBlock(
          storage,
          at!,
          cloneMacroBlock({ block: at!.block, localId: to, nodeLocalId: node }),
        );
        const macros = findMacros(body);
        expect(macros.map((m) => m.localId)).toEqual([from, to]);
        expect(macros.map((m) => m.nodeLocalId)).toEqual([defaultNodeLocalId(from), node]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('childPageBody', () => {
  it.each([
    '<script>alert(1)</script>',
    ']]><ac:structured-macro ac:name="x"/>',
    '"quoted" & \u202eRTL 😀',
    'a\u0001b',
  ])('escapes the parent title %j', (title) => {
    const block = buildMacroStorage({ localId: 'k1' });
    const body = childPageBody({ parentTitle: title, intro: 'The future state of', block });
    expect(body.endsWith(block)).toBe(true);
    const head = body.slice(0, body.length - block.length);
    expect(head).not.toMatch(/<script|<ac:structured-macro/);
    const elements: string[] = [];
    const walk = (nodes: ReturnType<typeof parseStorage>): void => {
      for (const n of nodes) {
        if (n.kind === 'element') {
          elements.push(n.name);
          walk(n.children);
        }
      }
    };
    walk(parseStorage(head));
    expect(elements).toEqual(['p', 'ac:link', 'ri:page']);
  });
});
