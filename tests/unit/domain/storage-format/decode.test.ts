/** The one entity decoder: table of hostile references, and a property that it never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeStorageText,
  parseStorage,
  textContent,
} from '../../../../src/domain/storage-format';

describe('decodeStorageText', () => {
  it.each([
    ['&#99999999;', '\ufffd'],
    ['&#x110000;', '\ufffd'],
    ['&#0;', '\ufffd'],
    ['&#xD800;', '\ufffd'],
    ['&#1234567890123456789012;', '\ufffd'],
    ['a & b', 'a & b'],
    ['&', '&'],
    ['&;', '&;'],
    ['&#;', '&#;'],
    ['&#x;', '&#x;'],
    ['&bogus;', '&bogus;'],
    ['&amp', '&amp'],
    ['&amp;amp;', '&amp;'],
    ['&lt;&gt;&quot;&apos;&#39;', `<>"''`],
    ['&nbsp;&rsquo;&mdash;&hellip;', '\u00a0’—…'],
    ['&#x1F9E9;&#129513;', '🧩🧩'],
    ['no references', 'no references'],
  ])('%j → %j', (raw, decoded) => {
    expect(decodeStorageText(raw)).toBe(decoded);
  });

  const referenceish = fc.string({
    unit: fc.constantFrom(
      '&',
      '#',
      'x',
      'X',
      ';',
      '0',
      '1',
      '9',
      'f',
      'D',
      'amp',
      'lt',
      'nbsp',
      'a',
      ' ',
      '<',
    ),
    maxLength: 40,
  });

  it('property: never throws, on reference-like and any input (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.oneof(referenceish, fc.string({ unit: 'binary' })), (raw) => {
        expect(() => decodeStorageText(raw)).not.toThrow();
        expect(() => parseStorage(`<p title="${raw.replace(/"/g, '')}">${raw}</p>`)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('property: references never produce a lone surrogate from well-formed input', () => {
    fc.assert(
      fc.property(fc.oneof(referenceish, fc.string({ unit: 'grapheme' })), (raw) => {
        expect(decodeStorageText(raw)).not.toMatch(
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('property: numeric references to any integer decode to one character or U+FFFD', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.boolean(), (n, hex) => {
        const ref = hex ? `&#x${n.toString(16)};` : `&#${n.toString(10)};`;
        const [p] = parseStorage(`<p>${ref}</p>`);
        const text = p ? textContent(p) : '';
        const valid = n > 0n && n <= 0x10ffffn && !(n >= 0xd800n && n <= 0xdfffn);
        if (!valid) expect(text).toBe('\ufffd');
        else expect([...text]).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
