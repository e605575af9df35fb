/**
 * `opsSince` reads the saves after a version from a chunked head's op log: the log's batches are
 * the head's last versions; before the base, on an inline head, or ahead of the head: null (load).
 */
import { describe, expect, it } from 'vitest';
import type { ChunkedHead } from '../../../../src/domain/codec';
import { appendToLog, encodeMap } from '../../../../src/domain/codec';
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

  it('answers null for a head it cannot read, or a log longer than the versions', () => {
    expect(opsSince({ headValue: { nonsense: true }, headVersion: 4, since: 3 })).toBeNull();
    expect(opsSince({ headValue: head, headVersion: 2, since: 1 })).toBeNull();
  });
});
