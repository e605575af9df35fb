import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../../src/domain/exchange/json-exchange';
import { detectFormat, importFile } from '../../../../src/domain/exchange/import-file';
import { IMPORT_MAX_BYTES } from '../../../../src/domain/exchange/import-limits';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import { generateMap } from '../../../support/generate-map';

const newId = (() => {
  let n = 0;
  return (p: string) => `${p}-f${n++}`;
})();

/** A map's link to its write-up page, generated on 1 November 2026. */
const writeUpRecord = (w: { pageId: string; title: string; version: number }) => ({
  ...w,
  generatedAt: '2026-11-01T00:00:00.000Z',
});

describe('importFile', () => {
  it('picks the format by name, then by the first character', () => {
    expect(detectFormat('a.JSON', 'x')).toBe('json');
    expect(detectFormat('a.csv', '{')).toBe('sheet');
    expect(detectFormat('clipboard', '\uFEFF  {"a":1}')).toBe('json');
    expect(detectFormat('clipboard', 'Stage,Step')).toBe('sheet');
  });

  it("keeps this page's write-up, link and photos, not the file's", () => {
    const current = createEmptyMap({ title: 'Here' });
    current.writeUp = writeUpRecord({ pageId: '42', title: 'Our write-up', version: 3 });
    current.session.photos = [
      { attachmentId: 'att1', fileName: 'wall.jpg', caption: '', stepId: null },
    ];
    const file = createEmptyMap({ title: 'From elsewhere' });
    file.writeUp = writeUpRecord({ pageId: '999', title: 'Someone else', version: 9 });
    file.linkedMap = { pageId: '998', localId: 'x' };
    file.persona.photo = { attachmentId: 'att-other', fileName: 'p.png' };
    const out = importFile({ fileName: 'm.json', text: exportJson(file), current, newId });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.map.title).toBe('From elsewhere');
    expect(out.map.writeUp).toEqual(current.writeUp);
    expect(out.map.linkedMap).toBeNull();
    expect(out.map.persona.photo).toBeNull();
    expect(out.map.session.photos).toEqual(current.session.photos);
    expect(out.notes.map((n) => n.path)).toEqual(['writeUp', 'linkedMap', 'persona.photo']);
  });

  it('refuses a map too big to send, with its size', () => {
    const big = generateMap({ cards: 2600, seed: 1 });
    const text = exportJson(big);
    expect(text.length).toBeGreaterThan(IMPORT_MAX_BYTES);
    const out = importFile({
      fileName: 'big.json',
      text,
      current: createEmptyMap({ title: 'x' }),
      newId,
    });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toMatch(/KB; at most 480 KB/);
  });
});
