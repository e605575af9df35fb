/** The one parser: tolerant on any input, and a faithful round trip with the one escaper. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StorageElement } from '../../../../src/domain/storage-format';
import {
  cdata,
  el,
  escapeAttr,
  escapeText,
  parseStorage,
  serialize,
  serializeStorage,
  stripInvalidXmlChars,
  textContent,
} from '../../../../src/domain/storage-format';

/** Strings that stress storage: markup, CDATA ends, controls, RTL marks, emoji, references. */
const hostileUnit = fc.oneof(
  fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&#99999999;', '&amp;', '\u0000'),
  fc.constantFrom('\u0001', '\u001f', '\u007f', '\u0085', '\t', '\n', '\r', '\u202e', '\u200f'),
  fc.constantFrom('👩🏽‍💻', '🧩', 'عربى', 'שלום', '\ud800', '\udc00', '\ufffe'),
  fc.string({ maxLength: 3 }),
);
const hostile = fc.string({ unit: hostileUnit, maxLength: 25 });

function only(storage: string): StorageElement {
  const [first] = parseStorage(storage);
  if (first?.kind !== 'element') throw new Error('no element');
  return first;
}

describe('parseStorage', () => {
  it('reads elements, decoded attributes, CDATA verbatim, void elements and spans', () => {
    const source = '<p Title="a &amp; b">x<br>y<![CDATA[<&amp;>]]></p><ac:x/>';
    const nodes = parseStorage(source);
    const p = nodes[0] as StorageElement;
    expect(p.name).toBe('p');
    expect(p.attrs.title).toBe('a & b');
    expect(textContent(p)).toBe('xy<&amp;>');
    expect(p.children.map((c) => (c.kind === 'element' ? c.name : 'text'))).toEqual([
      'text',
      'br',
      'text',
    ]);
    expect(source.slice(p.span?.start, p.span?.end)).toBe(
      '<p Title="a &amp; b">x<br>y<![CDATA[<&amp;>]]></p>',
    );
    const x = nodes[1] as StorageElement;
    expect(source.slice(x.span?.start, x.span?.end)).toBe('<ac:x/>');
  });

  it('attribute lookups never reach Object.prototype', () => {
    const p = only('<p>t</p>');
    expect(p.attrs.constructor).toBeUndefined();
    expect(p.attrs.__proto__).toBeUndefined();
    expect(Object.getPrototypeOf(p.attrs)).toBeNull();
  });

  it('property: never throws on any input, and serialising is stable', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string()), (s) => {
        const once = serializeStorage(parseStorage(s));
        expect(serializeStorage(parseStorage(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('property: escaped text and attributes parse back to exactly what was escaped', () => {
    fc.assert(
      fc.property(hostile, hostile, (text, attr) => {
        const p = only(`<p title="${escapeAttr(attr)}">${escapeText(text)}</p>`);
        expect(textContent(p)).toBe(stripInvalidXmlChars(text));
        expect(p.attrs.title).toBe(stripInvalidXmlChars(attr));
        // The builder, and CDATA split around `]]>`, round-trip too.
        expect(textContent(only(serialize(el('td', { title: attr }, text))))).toBe(
          stripInvalidXmlChars(text),
        );
        expect(textContent(only(`<p>${cdata(text)}</p>`))).toBe(stripInvalidXmlChars(text));
      }),
      { numRuns: 500 },
    );
  });
});
