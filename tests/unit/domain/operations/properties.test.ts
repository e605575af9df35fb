import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restore } from '../../../../src/domain/model/restore';
import { journeyMapSchema } from '../../../../src/domain/model/schema';
import { apply, applyAll } from '../../../../src/domain/operations/apply';
import { arbMap, arbMapWithCards, arbOp } from '../arbitraries';

const mapAndOp = arbMap.chain((map) => fc.tuple(fc.constant(map), arbOp(map)));
const mapAndOps = arbMap.chain((map) =>
  fc.tuple(fc.constant(map), fc.array(arbOp(map), { maxLength: 6 })),
);

describe('operation properties', { timeout: 60_000 }, () => {
  it('arbMap only builds maps that restore() accepts unchanged', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const result = restore(map);
        expect(result.ok && result.repairs).toEqual([]);
        expect(result.ok && result.map).toEqual(map);
      }),
      { numRuns: 300 },
    );
  });

  it('apply never mutates its input, and a dropped op returns the same map', () => {
    fc.assert(
      fc.property(mapAndOp, ([map, op]) => {
        const frozen = structuredClone(map);
        const result = apply(map, op);
        expect(map).toEqual(frozen);
        if (result.dropped) {
          expect(result.map).toBe(map);
          expect(result.inverse).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('apply keeps the map valid: restore() finds nothing to repair', () => {
    fc.assert(
      fc.property(mapAndOps, ([map, ops]) => {
        const { map: next } = applyAll(map, ops);
        expect(journeyMapSchema.safeParse(next).success).toBe(true);
        const restored = restore(next);
        expect(restored.ok && restored.repairs).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('apply then its inverse is the identity', () => {
    fc.assert(
      fc.property(mapAndOp, ([map, op]) => {
        const result = apply(map, op);
        const back = applyAll(result.map, result.inverse);
        expect(back.dropped).toEqual([]);
        expect(back.map).toEqual(map);
      }),
      { numRuns: 300 },
    );
  });

  it('the inverse of the inverse redoes the op', () => {
    fc.assert(
      fc.property(mapAndOp, ([map, op]) => {
        const done = apply(map, op);
        const undone = applyAll(done.map, done.inverse);
        const redone = applyAll(undone.map, undone.inverse);
        expect(redone.map).toEqual(done.map);
      }),
      { numRuns: 300 },
    );
  });

  it('a batch and its inverse is the identity', () => {
    fc.assert(
      fc.property(mapAndOps, ([map, ops]) => {
        const result = applyAll(map, ops);
        const back = applyAll(result.map, result.inverse);
        expect(back.dropped).toEqual([]);
        expect(back.map).toEqual(map);
      }),
      { numRuns: 300 },
    );
  });

  it('concurrent edits of different cards rebase so both survive', () => {
    const arb = arbMapWithCards(2).chain((map) =>
      fc.tuple(
        fc.constant(map),
        fc.uniqueArray(fc.constantFrom(...map.cards.map((c) => c.id)), {
          minLength: 2,
          maxLength: 2,
        }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.string({ minLength: 1, maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([base, [a, b], textA, textB]) => {
        const mine = { type: 'card/edit' as const, id: a ?? '', patch: { text: `A${textA}` } };
        const theirs = { type: 'card/edit' as const, id: b ?? '', patch: { text: `B${textB}` } };
        const remote = apply(base, theirs).map;
        const result = applyAll(remote, [mine]);
        const byId = new Map(result.map.cards.map((c) => [c.id, c]));
        expect(byId.get(a ?? '')?.text).toBe(`A${textA}`);
        expect(byId.get(b ?? '')?.text).toBe(`B${textB}`);
        expect(result.dropped).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('concurrent random ops: applying remote first then local reaches a valid map', () => {
    const arb = arbMap.chain((map) => fc.tuple(fc.constant(map), arbOp(map), arbOp(map)));
    fc.assert(
      fc.property(arb, ([base, local, remote]) => {
        const latest = apply(base, remote).map;
        const { map } = applyAll(latest, [local]);
        expect(restore(map).ok && (restore(map) as { repairs: unknown[] }).repairs).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
