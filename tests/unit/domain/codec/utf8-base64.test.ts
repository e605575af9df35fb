import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../../src/domain/codec/base64';
import { fnv1a32 } from '../../../../src/domain/codec/checksum';
import {
  jsonByteLength,
  truncateJsonString,
  utf8ByteLength,
} from '../../../../src/domain/codec/utf8';

const encoder = new TextEncoder();

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['🎉', 4],
    ['\ud800', 3], // lone surrogate → U+FFFD
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it('agrees with TextEncoder on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8ByteLength(s)).toBe(encoder.encode(s).length);
      }),
    );
  });
});

describe('truncateJsonString', () => {
  it('leaves strings that fit alone', () => {
    expect(truncateJsonString('hello', 7)).toBe('hello');
  });

  it('cuts by JSON bytes, appends an ellipsis, never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 2, max: 80 }), (s, max) => {
        const out = truncateJsonString(s, max);
        if (jsonByteLength(s) <= max) expect(out).toBe(s);
        else {
          expect(jsonByteLength(out)).toBeLessThanOrEqual(max);
          if (out !== '') expect(out.endsWith('…')).toBe(true);
          expect(s.startsWith(out.slice(0, -1))).toBe(true);
          expect(/[\ud800-\udbff]$/.test(out.slice(0, -1))).toBe(false);
        }
      }),
    );
  });

  it('counts control characters as their six-byte escapes', () => {
    const controls = '\u0001'.repeat(10);
    expect(jsonByteLength(controls)).toBe(62);
    expect(jsonByteLength(truncateJsonString(controls, 30))).toBeLessThanOrEqual(30);
  });
});

describe('base64', () => {
  it('matches Node’s Buffer both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it.each([['abc'], ['ab!='], ['===='], ['A==='], ['QQ=A'], ['QR==']])('rejects %j', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});

describe('fnv1a32', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });
});
