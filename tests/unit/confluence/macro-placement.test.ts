/**
 * Storage helpers for placing a second journey-map macro: finding our macro's block by local id
 * (both stored forms, other apps' extensions ignored), cloning it with a new id (only whole
 * values replaced, hostile ids escaped), inserting after it, and the child page's escaped body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMacroStorage, findMacros } from '../../../dev/host/storage/macro';
import { parseStorage } from '../../../dev/host/storage/parse';
import {
  childPageBody,
  cloneMacroBlock,
  findMacroBlock,
  insertAfterBlock,
} from '../../../src/confluence/macro-placement';

/** Roughly what Confluence Cloud stores for a Forge macro (with a fallback rendering). */
const CLOUD_BLOCK =
  '<ac:adf-extension><ac:adf-node type="extension">' +
  '<ac:adf-attribute key="extension-key">a1b2/e3f4/static/journey-map</ac:adf-attribute>' +
  '<ac:adf-attribute key="extension-type">com.atlassian.ecosystem</ac:adf-attribute>' +
  '<ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">e3f4-journey-map</ac:adf-parameter>' +
  '<ac:adf-parameter key="extension-id">ari:cloud:ecosystem::extension/a1b2/e3f4/static/journey-map</ac:adf-parameter>' +
  '<ac:adf-parameter key="extension-title">Journey map</ac:adf-parameter></ac:adf-attribute>' +
  '<ac:adf-attribute key="text">Journey map</ac:adf-attribute>' +
  '<ac:adf-attribute key="layout">default</ac:adf-attribute>' +
  '<ac:adf-attribute key="local-id">e3f4-journey-map</ac:adf-attribute>' +
  '</ac:adf-node><ac:adf-fallback><div><p>Journey map</p></div></ac:adf-fallback></ac:adf-extension>';

const OTHER_APP =
  '<ac:adf-extension><ac:adf-node type="extension">' +
  '<ac:adf-attribute key="extension-key">zz/yy/static/other-macro</ac:adf-attribute>' +
  '<ac:adf-attribute key="local-id">e3f4-journey-map</ac:adf-attribute>' +
  '</ac:adf-node></ac:adf-extension>';

describe('findMacroBlock', () => {
  it.each([
    ['local adf form', `<p>a</p>${buildMacroStorage({ localId: 'm1' })}<p>b</p>`, 'm1', true],
    ['cloud form with fallback', `<p>a</p>${CLOUD_BLOCK}`, 'e3f4-journey-map', true],
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
  ])('%s', (_name, storage, id, found) => {
    const at = findMacroBlock(storage, id);
    expect(at !== null).toBe(found);
    if (at) expect(storage.slice(at.start, at.start + at.block.length)).toBe(at.block);
  });
});

describe('cloneMacroBlock + insertAfterBlock', () => {
  it('clones the cloud form with the new id everywhere it stood, keeping the rest', () => {
    const storage = `<p>a</p>${OTHER_APP}${CLOUD_BLOCK}<p>z</p>`;
    const at = findMacroBlock(storage, 'e3f4-journey-map');
    expect(at?.block).toBe(CLOUD_BLOCK);
    const clone = cloneMacroBlock({ block: CLOUD_BLOCK, from: 'e3f4-journey-map', to: 'new1' });
    expect(clone).toBe(CLOUD_BLOCK.split('>e3f4-journey-map<').join('>new1<'));
    // The extension id, which contains the old id as a substring, is untouched.
    expect(clone).toContain('extension/a1b2/e3f4/static/journey-map<');
    const body = insertAfterBlock(storage, at!, clone);
    expect(body).toBe(`<p>a</p>${OTHER_APP}${CLOUD_BLOCK}${clone}<p>z</p>`);
  });

  it('clones a hand-written structured macro by its id attribute only', () => {
    const block =
      '<ac:structured-macro ac:name="journey-map" ac:macro-id="journey-map"><ac:parameter ac:name="k">journey-map</ac:parameter></ac:structured-macro>';
    expect(cloneMacroBlock({ block, from: 'journey-map', to: 'n2' })).toBe(
      block.replace('ac:macro-id="journey-map"', 'ac:macro-id="n2"'),
    );
  });

  it('local form: the host finds both macros, in order, for any ids', () => {
    const id = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(id, id, (from, to) => {
        fc.pre(from !== to);
        const storage = `<p>x</p>${buildMacroStorage({ localId: from })}`;
        const at = findMacroBlock(storage, from);
        expect(at).not.toBeNull();
        const body = insertAfterBlock(
          storage,
          at!,
          cloneMacroBlock({ block: at!.block, from, to }),
        );
        expect(findMacros(body).map((m) => m.localId)).toEqual([from, to]);
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
