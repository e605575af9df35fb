/**
 * The save tail of an inline head (decision 0045): a save follows the previous tail only when it
 * is the next version, a save that cannot be replayed starts it again, the newest saves are the
 * ones kept in the bytes left, and a stored tail is read back as its newest consecutive run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TailSave } from '../../../../src/domain/codec';
import {
  SAVE_TAIL_MAX_ENTRIES,
  fitSaveTail,
  jsonByteLength,
  nextSaveTail,
  readSaveTail,
} from '../../../../src/domain/codec';

const batch = (title: string) => ({
  ops: [{ type: 'map/setTitle', title }],
  updatedAt: '2026-12-06T10:00:00.000Z',
});

describe('nextSaveTail', () => {
  const three: TailSave[] = [3, 4, 5].map((v) => ({ v, ops: [], at: null }));
  const cases: { name: string; version: number; replayable: boolean; want: number[] }[] = [
    { name: 'the next version follows the tail', version: 6, replayable: true, want: [3, 4, 5, 6] },
    { name: 'a gap starts it again', version: 8, replayable: true, want: [8] },
    { name: 'a save that cannot be replayed empties it', version: 6, replayable: false, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const next = nextSaveTail({
        previous: three,
        version: c.version,
        batch: c.replayable ? { ...batch('T'), by: 'acc-eddie' } : null,
      });
      expect(next.map((s) => s.v)).toEqual(c.want);
      if (c.want.length)
        expect(next.at(-1)).toMatchObject({ by: 'acc-eddie', at: batch('T').updatedAt });
    });
  }

  it(`keeps at most ${SAVE_TAIL_MAX_ENTRIES} saves`, () => {
    let tail: TailSave[] = [];
    for (let v = 1; v <= SAVE_TAIL_MAX_ENTRIES + 5; v++) {
      tail = nextSaveTail({ previous: tail, version: v, batch: batch(`T${v}`) });
    }
    expect(tail).toHaveLength(SAVE_TAIL_MAX_ENTRIES);
    expect(tail.at(-1)?.v).toBe(SAVE_TAIL_MAX_ENTRIES + 5);
  });
});

describe('fitSaveTail', () => {
  it('keeps the newest saves that fit, never more bytes than allowed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 3_000 }),
        (titles, maxBytes) => {
          let tail: TailSave[] = [];
          titles.forEach((t, i) => {
            tail = nextSaveTail({ previous: tail, version: i + 1, batch: batch(t) });
          });
          const fitted = fitSaveTail(tail, maxBytes);
          if (fitted.length) expect(jsonByteLength(fitted)).toBeLessThanOrEqual(maxBytes);
          expect(fitted).toEqual(tail.slice(tail.length - fitted.length));
          // One more (older) save would not have fitted.
          if (fitted.length < tail.length) {
            expect(jsonByteLength(tail.slice(tail.length - fitted.length - 1))).toBeGreaterThan(
              maxBytes,
            );
          }
        },
      ),
    );
  });
});

describe('readSaveTail', () => {
  const cases: { name: string; value: unknown; want: number[] }[] = [
    { name: 'no tail', value: { codec: 'cjm/1' }, want: [] },
    { name: 'not a list', value: { tail: 'x' }, want: [] },
    { name: 'a bad entry', value: { tail: [{ v: 0, ops: [], at: null }] }, want: [] },
    {
      name: 'consecutive',
      value: { tail: [1, 2, 3].map((v) => ({ v, ops: [], at: null })) },
      want: [1, 2, 3],
    },
    {
      name: 'a gap: the newest run',
      value: { tail: [1, 3, 4].map((v) => ({ v, ops: [], at: null })) },
      want: [3, 4],
    },
    { name: 'not an object', value: null, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(readSaveTail(c.value).map((s) => s.v)).toEqual(c.want);
    });
  }
});
