import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, detectDelimiter, parseCsv, serialiseCsv } from '../../../../src/domain/exchange/csv';

describe('CSV (RFC 4180)', () => {
  it('serialises with a BOM, CRLF and quotes where needed', () => {
    expect(serialiseCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' edge']])).toBe(
      `${BOM}a,"b,c","say ""hi""","two\nlines"," edge"\r\n`,
    );
  });

  it('parses what it serialises (any text, any shape)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 5 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (rows) => {
          const parsed = parseCsv(serialiseCsv(rows), ',');
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.records.map((r) => r.cells)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers records by the line they start on, across quoted line breaks', () => {
    const parsed = parseCsv('h1,h2\r\n"a\nb",c\nd,e\n');
    expect(parsed.ok && parsed.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['a\nb', 'c']],
      [4, ['d', 'e']],
    ]);
  });

  it('reads a last record without a line break, and LF or CR endings', () => {
    const parsed = parseCsv('a,b\rc,d');
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('detects semicolon and tab separated sheets from the header', () => {
    expect(detectDelimiter('Stage;Step;Text\n1,5;x;y')).toBe(';');
    expect(detectDelimiter('Stage\tStep\tText')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it.each([
    ['an unclosed quote', 'a,b\nc,"d\ne,f\n', 2, /never closed/],
    ['text after a closing quote', 'a,b\n"c"x,d\n', 2, /after a closing quote/],
    ['a quote inside an unquoted value', 'a,b\nc,d\nxy"z,1\n', 3, /quote inside/],
  ])('%s is an error naming its line', (_name, text, line, message) => {
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.line).toBe(line);
      expect(parsed.error.message).toMatch(new RegExp(`^Line ${line}:`));
      expect(parsed.error.message).toMatch(message);
    }
  });
});
