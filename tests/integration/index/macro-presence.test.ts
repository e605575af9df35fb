/** Reading the journey-map macros out of a page's storage body. */
import { describe, expect, it } from 'vitest';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { macroLocalIds } from '../../../src/confluence/macro-presence';

describe('macroLocalIds', () => {
  it('finds Forge macros in their adf-extension form, keyed by the sanitised localId', () => {
    const body = `<p>a</p>${buildMacroStorage({ localId: 'a1b2-c3' })}<p>b</p>${buildMacroStorage({ localId: 'x&y' })}`;
    expect([...macroLocalIds(body)]).toEqual([
      ['a1b2_c3', 'a1b2-c3'],
      ['x_y', 'x&y'],
    ]);
  });

  it('reads hand-written structured macros and ignores other macros and text', () => {
    const body =
      '<ac:structured-macro ac:name="journey-map" ac:macro-id="hand-1"><ac:parameter ac:name="k">v</ac:parameter></ac:structured-macro>' +
      '<ac:structured-macro ac:name="info" ac:macro-id="not-ours"></ac:structured-macro>' +
      '<ac:adf-extension><ac:adf-node type="extension"><ac:adf-attribute key="extension-key">other-app/env/static/chart</ac:adf-attribute><ac:adf-attribute key="local-id">chart-1</ac:adf-attribute></ac:adf-node></ac:adf-extension>' +
      '<p>local-id journey-map hand-2</p>';
    expect([...macroLocalIds(body).keys()]).toEqual(['hand_1']);
  });

  it('finds nothing in an empty or macro-less body', () => {
    expect(macroLocalIds('').size).toBe(0);
    expect(macroLocalIds('<p>Notes only</p>').size).toBe(0);
  });
});
