/** Reading Forge macros: the parameter local-id is the context's, in every stored form. */
import { describe, expect, it } from 'vitest';
import { buildMacroStorage } from '../../../../dev/host/storage/macro';
import { findForgeMacros, parseStorage } from '../../../../src/domain/storage-format';

const node = (params: string, attrs: string): string =>
  '<ac:adf-node type="extension">' +
  '<ac:adf-attribute key="extension-key">app/env/static/journey-map</ac:adf-attribute>' +
  `<ac:adf-attribute key="parameters">${params}</ac:adf-attribute>${attrs}</ac:adf-node>`;

describe('findForgeMacros', () => {
  it.each([
    [
      'real form (parameter ≠ node, fallback copy)',
      `<ac:adf-extension>${node(
        '<ac:adf-parameter key="local-id">ctx-1</ac:adf-parameter><ac:adf-parameter key="forge-environment">PRODUCTION</ac:adf-parameter>',
        '<ac:adf-attribute key="local-id">node-1</ac:adf-attribute>',
      )}<ac:adf-fallback>${node(
        '<ac:adf-parameter key="local-id">ctx-1</ac:adf-parameter>',
        '<ac:adf-attribute key="local-id">node-1</ac:adf-attribute>',
      )}</ac:adf-fallback></ac:adf-extension>`,
      [{ localId: 'ctx-1', nodeLocalId: 'node-1', moduleKey: 'journey-map', form: 'adf' }],
    ],
    [
      'trimmed form with only a node id',
      `<ac:adf-extension>${node('', '<ac:adf-attribute key="local-id">only-node</ac:adf-attribute>')}</ac:adf-extension>`,
      [{ localId: 'only-node', nodeLocalId: 'only-node' }],
    ],
    [
      'escaped ids are decoded',
      `<ac:adf-extension>${node('<ac:adf-parameter key="local-id">a&amp;b&#99999999;</ac:adf-parameter>', '')}</ac:adf-extension>`,
      [{ localId: 'a&b\ufffd', nodeLocalId: '' }],
    ],
    [
      'structured macro: macro-id is the context id, local-id the node id',
      '<ac:structured-macro ac:name="journey-map" ac:local-id="n-2" ac:macro-id="m-2"/>',
      [{ localId: 'm-2', nodeLocalId: 'n-2', form: 'structured' }],
    ],
    ['text that merely mentions local-id', '<p>local-id journey-map</p>', []],
  ])('%s', (_name, storage, expected) => {
    expect(findForgeMacros(parseStorage(storage)).map((f) => f.macro)).toMatchObject(expected);
  });

  it('the host writes the real form: one macro per block, its fallback not counted twice', () => {
    const body =
      buildMacroStorage({ localId: 'p1', nodeLocalId: 'n1' }) +
      buildMacroStorage({ localId: 'p2' });
    expect(
      findForgeMacros(parseStorage(body)).map((f) => [f.macro.localId, f.macro.nodeLocalId]),
    ).toEqual([
      ['p1', 'n1'],
      ['p2', 'node-p2'],
    ]);
  });
});
