/** The one escaping module and the element builder, with hostile input and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cdata,
  escapeAttr,
  escapeText,
  stripInvalidXmlChars,
} from '../../../../src/domain/storage-format/escape';
import { el, fragment, serialize } from '../../../../src/domain/storage-format/markup';
import { HOSTILE } from './fixtures';
import { checkStorage } from './xml-check';

function unescapeText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#9;/g, '\t')
    .replace(/&#10;/g, '\n')
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');
}

const unit = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('<', '>', '&', '"', "'", ']', ':', '=', '/'),
);
const hostileString = fc.string({ unit, maxLength: 30 });

describe('escape', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeText('<a & b>')).toBe('&lt;a &amp; b&gt;');
    expect(escapeAttr(`"x" 'y' <z>\n`)).toBe('&quot;x&quot; &#39;y&#39; &lt;z&gt;&#10;');
    expect(escapeText(']]>')).toBe(']]&gt;');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
  });

  it('removes characters XML 1.0 forbids, C1 controls and lone surrogates, keeps the rest', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\u000bd\u001fe\u007ff\u0085g\ufffeh')).toBe(
      'abcdefgh',
    );
    expect(stripInvalidXmlChars('x\ud800y\udc00z')).toBe('xyz');
    expect(stripInvalidXmlChars('tab\tnl\ncr\r 👩🏽‍💻 \u202e')).toBe('tab\tnl\ncr\r 👩🏽‍💻 \u202e');
  });

  it('keeps CDATA content from closing the section early', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('property: text round-trips and never contains a tag, a CDATA end or a bare ampersand', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeText(s);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped).not.toContain(']]>');
        expect(escaped).not.toMatch(/&(?!(amp|lt|gt);)/);
        expect(unescapeText(escaped)).toBe(stripInvalidXmlChars(s));
      }),
      { numRuns: 500 },
    );
  });

  it('property: attribute values cannot end their quotes or open a tag', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeAttr(s);
        expect(escaped).not.toMatch(/["'<>\n\r\t]/);
        expect(unescapeText(escaped)).toBe(stripInvalidXmlChars(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('element builder', () => {
  it('escapes children and attributes, self-closes empty elements', () => {
    expect(serialize(el('p', { title: 'a"b' }, '<x>', el('br')))).toBe(
      '<p title="a&quot;b">&lt;x&gt;<br/></p>',
    );
    expect(serialize(fragment('a', null, false, undefined, ['b', 1]))).toBe('ab1');
  });

  it('refuses invalid element and attribute names (names come from code)', () => {
    expect(() => el('p onclick')).toThrow();
    expect(() => el('p', { 'a"b': 'x' })).toThrow();
    expect(() => el('<script>')).toThrow();
  });

  it('property: a user string stays inside its element and opens nothing', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (content, attr) => {
        const xml = serialize(
          el(
            'td',
            {},
            el('p', { 'ac:alt': attr }, content),
            el('ri:page', { 'ri:content-title': attr }),
          ),
        );
        expect(checkStorage(xml)).toEqual(['td', 'p', 'ri:page']);
      }),
      { numRuns: 500 },
    );
  });
});
