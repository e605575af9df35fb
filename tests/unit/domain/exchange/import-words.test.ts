/**
 * What an import tells a person (its notes and refusals) is catalogue words with values
 * (decision 0050): the English unchanged, Chinese for a zh-CN reader.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/domain/exchange/import-file';
import { exportJson } from '../../../../src/domain/exchange/json-exchange';
import { importSheet } from '../../../../src/domain/exchange/sheet-import';
import { render } from '../../../../src/domain/i18n/message';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import { generateMap } from '../../../support/generate-map';
import { translatorForTest } from '../../../support/i18n';
import { expectSaidInBoth } from '../../../support/import-words';

const newId = (() => {
  let n = 0;
  return (p: string) => `${p}-w${n++}`;
})();
const zh = translatorForTest('zh-CN');

/** A long sheet with one of each guess the sheet import notes. */
const longSheet = [
  'Stage,Step,Kind,Text,Impact,Votes,Evidence,Source,Channels,Colour',
  'Discover,Search,banana,Googles,,,,,Fax,blue',
  'Discover,Search,painPoint,Too many ads,huge,1200,rumour,psychic,,',
  'Buy,Pay,opportunity,One-click,9,,,,,',
  `Buy,Pay,note,${'x'.repeat(3000)},,,,,,`,
].join('\n');

/** A wide sheet (one row per step, one column per lane) with emotions to read and to doubt. */
const wideSheet = [
  'Phase,Touchpoint,Customer action,Pain point,Emotion,Gadgets',
  'Discover,Ad,Clicks the ad,Slow page,frustrated,phone',
  'Discover,Pricing,Compares plans,,7,',
  'Buy,Checkout,Pays,Declined,blue,',
  'Buy,Checkout,,,2,',
].join('\n');

describe('import notes in catalogue words', () => {
  it('every note of a long sheet reads the same in English and in Chinese for zh-CN', () => {
    const out = importSheet({ text: longSheet, base: createEmptyMap({ title: 'x' }), newId });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.notes.length).toBeGreaterThanOrEqual(8);
    expectSaidInBoth(out.notes);
    const banana = out.notes.find((n) => n.message.startsWith('kind "banana"'));
    if (!banana) throw new Error('expected the unknown kind to be noted');
    expect(render(banana.said, zh)).toBe(
      '类型“banana”无法识别；已创建为 note 卡片（该泳道的默认类型）',
    );
  });

  it('every note of a wide sheet, the column list included, is said in both languages', () => {
    const out = importSheet({ text: wideSheet, base: createEmptyMap({ title: 'x' }), newId });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.notes.some((n) => n.message.startsWith('one row per step'))).toBe(true);
    expectSaidInBoth(out.notes);
    const columns = out.notes.find((n) => n.said.key === 'exchange.sheet.wideColumns');
    if (!columns) throw new Error('expected the column mapping');
    expect(render(columns.said, zh)).toMatch(/^每个步骤一行，每个泳道一列：“Phase” → 阶段，/);
  });

  it("a file's page-bound parts and a corrupt map's repairs are noted in both languages", () => {
    const file = createEmptyMap({ title: 'From elsewhere' });
    file.linkedMap = { pageId: '7', localId: 'm' };
    const doc = JSON.parse(exportJson(file)) as Record<string, unknown>;
    doc.title = 'a\u0007b';
    doc.steps = [5];
    const out = importFile({
      fileName: 'map.json',
      text: JSON.stringify(doc),
      current: createEmptyMap({ title: 'Here' }),
      newId,
    });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.notes.map((n) => n.path)).toEqual(
      expect.arrayContaining(['title', 'steps[0]', 'linkedMap']),
    );
    expectSaidInBoth(out.notes);
    const title = out.notes.find((n) => n.path === 'title');
    expect(title && render(title.said, zh)).toBe('已移除控制字符');
  });
});

describe('import refusals in catalogue words', () => {
  const current = createEmptyMap({ title: 'x' });
  const refusal = (fileName: string, text: string) => {
    const out = importFile({ fileName, text, current, newId });
    if (out.ok) throw new Error(`expected ${fileName} to be refused`);
    return out.error;
  };

  it.each([
    ['bad.json', '{\n  "title": }'],
    ['short.json', '{"title": "x"'],
    ['deep.json', `${'['.repeat(200)}${']'.repeat(200)}`],
    ['open.csv', 'Stage,Step,Text\nA,B,"never closed'],
    ['after.csv', 'Stage,Step,Text\nA,B,"x"y'],
    ['stray.csv', 'Stage,Step,Text\nA,B,x"y'],
    ['empty.csv', '\n\n'],
    ['extra.csv', 'Stage,Step,Text\nA,B,c,d'],
    ['photo.png', '\u0089PNG\r\n\u001a\n'],
    ['noText.csv', 'Stage,Colour\nA,blue'],
    ['rows.csv', `Stage,Step,Text\n${'A,B,c\n'.repeat(10_001)}`],
  ])('%s: the English is unchanged and a zh-CN reader gets Chinese', (fileName, text) => {
    expectSaidInBoth([refusal(fileName, text)]);
  });

  it('says where JSON breaks in Chinese, the line and column kept as numbers', () => {
    const error = refusal('bad.json', '{\n  "title": }');
    expect(error.said && render(error.said, zh)).toBe(
      '第 2 行第 12 列：不是有效的 JSON（意外的 "}"）。',
    );
  });

  it('a map too big to send is refused with its size in either language', () => {
    const error = refusal('big.json', exportJson(generateMap({ cards: 2600, seed: 1 })));
    expectSaidInBoth([error]);
    expect(error.said && render(error.said, zh)).toMatch(
      /^导入后的地图将为 \d+ KB；一次最多可导入 480 KB。/,
    );
  });
});
