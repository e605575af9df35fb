import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportJson, importJson, lineColumn } from '../../../../src/domain/exchange/json-exchange';
import { findJsonError } from '../../../../src/domain/exchange/json-locate';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import { SCHEMA_VERSION } from '../../../../src/domain/model/schema';
import { render } from '../../../../src/domain/i18n/message';
import { translatorForTest } from '../../../support/i18n';
import { generateMap } from '../../../support/generate-map';
import { arbMap } from '../arbitraries';

describe('JSON export and import', () => {
  it('export → import gives the same map, with nothing repaired', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const text = exportJson(map);
        const back = importJson(text);
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(back.map).toEqual(map);
          expect(back.notes).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips a big generated map, pretty-printed with schemaVersion', () => {
    const map = generateMap({ cards: 800, seed: 7 });
    const text = exportJson(map);
    expect(text).toMatch(new RegExp(`^\\{\\n  "schemaVersion": ${SCHEMA_VERSION},`));
    const back = importJson(`\uFEFF${text}`);
    expect(back.ok && back.map).toEqual(map);
  });

  it('reports what restore() repaired, by field path', () => {
    const map = createEmptyMap({ title: 'T' }) as unknown as Record<string, unknown>;
    const back = importJson(JSON.stringify({ ...map, state: 'sideways' }));
    expect(back.ok && back.notes.map((n) => n.path)).toEqual(['state']);
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 1],
    ['a truncated file', '{\n  "title": "x",\n  "stages": [', 3, 14],
    ['a bare word', '{\n  "title": tru\n}', 2, 15],
    ['text after the document', '{}\nx', 2, 1],
    ['an unescaped line break in a string', '{"a": "x\ny"}', 1, 9],
    ['an empty file', '', 1, 1],
  ])('%s is refused with its line and column', (_name, text, line, column) => {
    const out = importJson(text);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect([out.error.line, out.error.column]).toEqual([line, column]);
      expect(out.error.message).toMatch(
        new RegExp(`^Line ${line}, column ${column}: not valid JSON`),
      );
    }
  });

  it.each([
    ['not an object', '[1, 2]', /the map" is not an object|the map is not an object/],
    [
      'no stages',
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        title: 'x',
        steps: [],
        lanes: [],
        cards: [],
      }),
      /stages/,
    ],
    [
      'a newer schema',
      JSON.stringify({ ...createEmptyMap({ title: 'x' }), schemaVersion: 99 }),
      /newer version/,
    ],
  ])('a document restore() refuses (%s) is an error', (_name, text, message) => {
    const out = importJson(text);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toMatch(message);
  });

  it('says why in catalogue words: Chinese for a zh-CN reader, the field name kept (0050)', () => {
    const out = importJson(JSON.stringify({ ...createEmptyMap({ title: 'x' }), title: 7 }));
    if (out.ok || !out.error.said) throw new Error('expected a refusal with catalogue words');
    expect(out.error.said.key).toBe('exchange.fileUnreadable');
    const zh = render(out.error.said, translatorForTest('zh-CN'));
    expect(zh).toBe('无法读取此文件（“title”必须是文本）。');
    expect(render(out.error.said, translatorForTest('en-US'))).toBe(
      'This file cannot be read (“title” must be text).',
    );
  });

  it('the locator agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 20 })), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findJsonError(text) === null).toBe(parses);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('ab', 1)).toEqual({ line: 1, column: 2 });
  });
});
