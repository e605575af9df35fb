/**
 * `opsSince` reads the saves after a version from a chunked head's op log (the log's batches are
 * the head's last versions) or an inline head's save tail (decision 0045); before the base or the
 * tail, on an inline head without one, or ahead of the head: null (load). Each save names its
 * author and, while the batch log remembers it, what it overwrote.
 */
import { describe, expect, it } from 'vitest';
import type { ChunkedHead } from '../../../../src/domain/codec';
import type { TailSave } from '../../../../src/domain/codec';
import { appendToLog, encodeMap, nextSaveTail } from '../../../../src/domain/codec';
import { opsSince } from '../../../../src/domain/live/ops-since';
import { generateMap } from '../../../support/generate-map';

function chunkedHead(batches: number): ChunkedHead {
  const { head } = encodeMap(generateMap({ cards: 800, seed: 7 }), { generation: 'g1' });
  if (head.encoding !== 'deflate-chunks') throw new Error('expected a chunked head');
  let next: ChunkedHead = head;
  for (let i = 1; i <= batches; i++) {
    const logged = appendToLog(next, {
      ops: [{ type: 'map/setTitle', title: `T${i}` }],
      updatedAt: `2026-12-06T10:00:0${i}.000Z`,
      ...(i === 3 ? { by: 'acc-eddie' } : {}),
    });
    if (!logged) throw new Error('log full');
    next = logged;
  }
  return next;
}

const titles = (saves: ReturnType<typeof opsSince>) =>
  saves?.map((s) => [s.version, (s.ops[0] as { title: string }).title]) ?? null;

describe('opsSince', () => {
  // Head at version 13 with 3 logged batches: base = version 10, batches make 11, 12, 13.
  const head = chunkedHead(3);
  const cases: { since: number; want: [number, string][] | null }[] = [
    { since: 13, want: [] },
    { since: 12, want: [[13, 'T3']] },
    {
      since: 10,
      want: [
        [11, 'T1'],
        [12, 'T2'],
        [13, 'T3'],
      ],
    },
    { since: 9, want: null }, // past the horizon
    { since: 0, want: null },
    { since: 14, want: null }, // ahead of the head (it was recreated): load
  ];
  for (const c of cases) {
    it(`since ${c.since} → ${JSON.stringify(c.want)}`, () => {
      expect(titles(opsSince({ headValue: head, headVersion: 13, since: c.since }))).toEqual(
        c.want,
      );
    });
  }

  it('carries each batch’s updatedAt', () => {
    const saves = opsSince({ headValue: head, headVersion: 13, since: 12 });
    expect(saves?.[0]?.updatedAt).toBe('2026-12-06T10:00:03.000Z');
  });

  it('answers null for an inline head (no log) unless nothing is missing', () => {
    const { head: inline } = encodeMap(generateMap({ cards: 3, seed: 1 }), { generation: 'g' });
    expect(inline.encoding).not.toBe('deflate-chunks');
    expect(opsSince({ headValue: inline, headVersion: 4, since: 3 })).toBeNull();
    expect(opsSince({ headValue: inline, headVersion: 4, since: 4 })).toEqual([]);
  });

  it('names who saved (null for a batch logged without)', () => {
    const saves = opsSince({ headValue: head, headVersion: 13, since: 11 });
    expect(saves?.map((s) => s.author)).toEqual([null, 'acc-eddie']);
  });

  it('says what a save overwrote while the batch log remembers its answer, else null', () => {
    const withBatches = {
      ...head,
      batches: [{ id: 'batch-0003', a: '0000abcd', v: 13, o: ['title'] }],
    };
    const saves = opsSince({ headValue: withBatches, headVersion: 13, since: 11 });
    expect(saves?.map((s) => s.overwritten)).toEqual([null, ['title']]);
  });

  it('answers null for a head it cannot read, or a log longer than the versions', () => {
    expect(opsSince({ headValue: { nonsense: true }, headVersion: 4, since: 3 })).toBeNull();
    expect(opsSince({ headValue: head, headVersion: 2, since: 1 })).toBeNull();
  });
});

describe('opsSince on an inline head (its save tail)', () => {
  const { head: inline } = encodeMap(generateMap({ cards: 3, seed: 1 }), { generation: 'g' });
  /** A tail of saves 5..8 (set title T5..T8), save 7 by Eddie. */
  let tail: TailSave[] = [];
  for (let v = 5; v <= 8; v++) {
    tail = nextSaveTail({
      previous: tail,
      version: v,
      batch: {
        ops: [{ type: 'map/setTitle', title: `T${v}` }],
        updatedAt: null,
        ...(v === 7 ? { by: 'acc-eddie' } : {}),
      },
    });
  }
  const headValue = { ...inline, tail };
  const cases: { since: number; version?: number; want: [number, string][] | null }[] = [
    { since: 8, want: [] },
    {
      since: 6,
      want: [
        [7, 'T7'],
        [8, 'T8'],
      ],
    },
    {
      since: 4,
      want: [
        [5, 'T5'],
        [6, 'T6'],
        [7, 'T7'],
        [8, 'T8'],
      ],
    },
    { since: 3, want: null }, // before the tail
    { since: 7, version: 9, want: null }, // a save at 9 was not recorded: the tail is stale
  ];
  for (const c of cases) {
    it(`since ${c.since} at head ${c.version ?? 8} → ${JSON.stringify(c.want)}`, () => {
      const saves = opsSince({ headValue, headVersion: c.version ?? 8, since: c.since });
      expect(titles(saves)).toEqual(c.want);
    });
  }

  it('names who saved', () => {
    const saves = opsSince({ headValue, headVersion: 8, since: 6 });
    expect(saves?.map((s) => s.author)).toEqual(['acc-eddie', null]);
  });

  it('reads only the newest run of consecutive versions', () => {
    const gappy = { ...inline, tail: [tail[0], ...tail.slice(2)] };
    expect(titles(opsSince({ headValue: gappy, headVersion: 8, since: 6 }))).toEqual([
      [7, 'T7'],
      [8, 'T8'],
    ]);
    expect(opsSince({ headValue: gappy, headVersion: 8, since: 5 })).toBeNull();
  });
});
