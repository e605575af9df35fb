import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EncodedMap, HeadValue } from '../../../../src/domain/codec';
import {
  decodeMap,
  encodeMap,
  jsonByteLength,
  PROPERTY_VALUE_MAX_BYTES,
  requiredChunkSuffixes,
} from '../../../../src/domain/codec';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { journeyMapSchema } from '../../../../src/domain/model/schema';
import { generateMap } from '../../../support/generate-map';

function chunksOf(encoded: EncodedMap): Record<string, unknown> {
  return Object.fromEntries(encoded.chunks.map((c) => [c.suffix, c.value]));
}

function roundTrip(map: unknown, generation = 'g1'): unknown {
  const encoded = encodeMap(map, { generation });
  const decoded = decodeMap(JSON.parse(JSON.stringify(encoded.head)), chunksOf(encoded));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

function expectAllWithinLimit(encoded: EncodedMap): void {
  expect(jsonByteLength(encoded.head)).toBeLessThanOrEqual(PROPERTY_VALUE_MAX_BYTES);
  for (const chunk of encoded.chunks) {
    expect(jsonByteLength(chunk.value)).toBeLessThanOrEqual(PROPERTY_VALUE_MAX_BYTES);
  }
}

/** A map with unique, hard-to-compress text so it needs chunks. */
function incompressibleMap(cards: number): JourneyMap {
  const map = generateMap({ cards, seed: 99 });
  let state = 12345;
  for (const card of map.cards) {
    let text = '';
    for (let i = 0; i < 400; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      text += String.fromCodePoint(0x4e00 + (state % 20_000));
    }
    card.text = text;
  }
  return map;
}

describe('encodeMap', { timeout: 60_000 }, () => {
  it('stores a small map inline as plain, readable JSON without chunks', () => {
    const map = createEmptyMap({ title: 'Small' });
    const encoded = encodeMap(map, { generation: 'g1' });
    expect(encoded.chunks).toEqual([]);
    expect(encoded.head).toEqual({ codec: 'cjm/1', encoding: 'json', map });
    expect(encoded.head.encoding === 'json' && encoded.head.map).not.toBe(map); // no aliasing
  });

  it('deflates a medium map inline when it then fits', () => {
    const map = generateMap({ cards: 300, seed: 1 });
    expect(jsonByteLength(map)).toBeGreaterThan(PROPERTY_VALUE_MAX_BYTES);
    const encoded = encodeMap(map, { generation: 'g1' });
    expect(encoded.head.encoding).toBe('deflate');
    expect(encoded.chunks).toEqual([]);
    expectAllWithinLimit(encoded);
    expect(roundTrip(map)).toEqual(map);
  });

  it('splits a 5,000-card map into chunks, each within the limit, named by the head', () => {
    const map = generateMap({ cards: 5_000, seed: 2026 });
    expect(journeyMapSchema.safeParse(map).success).toBe(true);
    const encoded = encodeMap(map, { generation: 'gen-42' });
    expect(encoded.head.encoding).toBe('deflate-chunks');
    expect(encoded.chunks.length).toBeGreaterThan(1);
    expectAllWithinLimit(encoded);
    expect(encoded.chunks.map((c) => c.suffix)).toEqual(requiredChunkSuffixes(encoded.head));
    expect(encoded.chunks[0]?.suffix).toBe('_c0_gen42');
    const head = encoded.head as Extract<HeadValue, { encoding: 'deflate-chunks' }>;
    expect(head).toMatchObject({ generation: 'gen42', count: encoded.chunks.length });
    expect(head.bytes).toBe(encoded.chunks.reduce((n, c) => n + c.value.data.length, 0));
    expect(roundTrip(map)).toEqual(map);
  });

  it('keeps every value within the limit even for incompressible text', () => {
    const map = incompressibleMap(400);
    const encoded = encodeMap(map, { generation: 'x' });
    expect(encoded.chunks.length).toBeGreaterThan(10);
    expectAllWithinLimit(encoded);
    expect(roundTrip(map)).toEqual(map);
  });

  it('is deterministic', () => {
    const map = generateMap({ cards: 1_000, seed: 5 });
    expect(encodeMap(map, { generation: 'a' })).toEqual(encodeMap(map, { generation: 'a' }));
  });
});

describe('decodeMap', { timeout: 60_000 }, () => {
  const big = encodeMap(generateMap({ cards: 2_000, seed: 3 }), { generation: 'g2' });

  it('reports a missing chunk (torn read: head written, chunk not visible yet)', () => {
    const chunks = chunksOf(big);
    delete chunks['_c1_g2'];
    expect(decodeMap(big.head, chunks)).toMatchObject({
      ok: false,
      error: { code: 'missingChunk', index: 1, suffix: '_c1_g2' },
    });
  });

  it('reports a chunk of another generation as missing', () => {
    const chunks = chunksOf(big);
    const first = big.chunks[0]?.value;
    chunks['_c0_g2'] = { ...first, generation: 'g1' };
    expect(decodeMap(big.head, chunks)).toMatchObject({
      ok: false,
      error: { code: 'missingChunk', index: 0 },
    });
  });

  it('reports a checksum mismatch when chunk content does not match the head', () => {
    const chunks = chunksOf(big);
    const first = big.chunks[0]?.value;
    if (!first) throw new Error('no chunk');
    const data = (first.data.startsWith('A') ? 'B' : 'A') + first.data.slice(1);
    chunks['_c0_g2'] = { ...first, data };
    expect(decodeMap(big.head, chunks)).toMatchObject({
      ok: false,
      error: { code: 'checksumMismatch' },
    });
  });

  it('reports a length mismatch as a checksum mismatch', () => {
    const chunks = chunksOf(big);
    const last = big.chunks[big.chunks.length - 1];
    if (!last) throw new Error('no chunk');
    chunks[last.suffix] = { ...last.value, data: last.value.data.slice(4) };
    const result = decodeMap(big.head, chunks);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'checksumMismatch') {
      expect(result.error.actual.bytes).toBe(result.error.expected.bytes - 4);
    } else throw new Error('expected checksumMismatch');
  });

  it('reports bad encoding for a payload that is not deflate', () => {
    const data = 'bm90IGRlZmxhdGU='; // "not deflate"
    const head = {
      codec: 'cjm/1',
      encoding: 'deflate',
      data,
      bytes: data.length,
      checksum: fnv(data),
      rawBytes: 11,
    };
    const result = decodeMap(head, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'badEncoding' } });
  });

  it.each([
    ['null', null],
    ['a string', 'cjm'],
    ['an array', []],
    ['unknown codec', { codec: 'cjm/9', encoding: 'json', map: {} }],
    ['unknown encoding', { codec: 'cjm/1', encoding: 'gzip', data: '' }],
    [
      'chunk count 0',
      {
        codec: 'cjm/1',
        encoding: 'deflate-chunks',
        generation: 'g',
        count: 0,
        bytes: 0,
        checksum: '811c9dc5',
        rawBytes: 0,
      },
    ],
  ])('refuses a head that is %s', (_name, head) => {
    expect(decodeMap(head, {})).toMatchObject({ ok: false, error: { code: 'badHead' } });
  });

  it('accepts a bare map stored before the codec existed', () => {
    const map = createEmptyMap({ title: 'Legacy' });
    expect(decodeMap(map, {})).toEqual({ ok: true, value: map });
  });

  it('ignores extra chunks of other generations (left over before collection)', () => {
    const chunks = { ...chunksOf(big), _c0_old: { generation: 'old', index: 0, data: 'AAAA' } };
    expect(decodeMap(big.head, chunks).ok).toBe(true);
  });
});

/** FNV-1a, reimplemented here so the test does not trust the code under test. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('codec properties', () => {
  it('round-trips generated maps exactly, every value within the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 2_000 }), { maxLength: 8 }),
        fc.stringMatching(/^[A-Za-z0-9-]{1,60}$/),
        (cards, seed, texts, generation) => {
          const map = generateMap({ cards, seed });
          // Hostile text (controls, lone surrogates, emoji) on some cards.
          texts.forEach((text, i) => {
            const card = map.cards[i % Math.max(1, map.cards.length)];
            if (card) card.text = text;
            else map.title = text.slice(0, 200);
          });
          const encoded = encodeMap(map, { generation });
          expectAllWithinLimit(encoded);
          const decoded = decodeMap(JSON.parse(JSON.stringify(encoded.head)), chunksOf(encoded));
          expect(decoded).toEqual({ ok: true, value: JSON.parse(JSON.stringify(map)) as unknown });
        },
      ),
      { numRuns: 25, endOnFailure: true },
    );
  }, 60_000);

  it('keeps every chunk within the limit for maps up to 5,000 cards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2_000, max: 5_000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (cards, seed) => {
          const map = generateMap({ cards, seed });
          const encoded = encodeMap(map, { generation: 'p' });
          expectAllWithinLimit(encoded);
          expect(roundTrip(map)).toEqual(map);
        },
      ),
      { numRuns: 6, endOnFailure: true },
    );
  }, 60_000);
});
