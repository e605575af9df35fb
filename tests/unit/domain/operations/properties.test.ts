import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restore } from '../../../../src/domain/model/restore';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { journeyMapSchema } from '../../../../src/domain/model/schema';
import type { Op } from '../../../../src/domain/operations/op-types';
import { apply, applyAll } from '../../../../src/domain/operations/apply';
import { arbMap, arbMapWithCards, arbOp } from '../arbitraries';

const mapAndOp = arbMap.chain((map) => fc.tuple(fc.constant(map), arbOp(map)));
const mapAndOps = arbMap.chain((map) =>
  fc.tuple(fc.constant(map), fc.array(arbOp(map), { maxLength: 6 })),
);

/** Runs `property` 300 times: these are the properties every op must keep. */
const check300 = <T>(property: fc.IProperty<T>): void => fc.assert(property, { numRuns: 300 });

/** Applying `done.inverse` to `done.map` gives `before` back, dropping nothing. */
function expectUndoneTo(before: JourneyMap, done: { map: JourneyMap; inverse: Op[] }): void {
  const back = applyAll(done.map, done.inverse);
  expect(back.dropped).toEqual([]);
  expect(back.map).toEqual(before);
}

describe('operation properties', { timeout: 60_000 }, () => {
  it('arbMap only builds maps that restore() accepts unchanged', () => {
    check300(
      fc.property(arbMap, (map) => {
        const result = restore(map);
        expect(result.ok && result.repairs).toEqual([]);
        expect(result.ok && result.map).toEqual(map);
      }),
    );
  });

  it('apply never mutates its input, and a dropped op returns the same map', () => {
    check300(
      fc.property(mapAndOp, ([map, op]) => {
        const frozen = structuredClone(map);
        const result = apply(map, op);
        expect(map).toEqual(frozen);
        if (result.dropped) {
          expect(result.map).toBe(map);
          expect(result.inverse).toEqual([]);
        }
      }),
    );
  });

  it('apply keeps the map valid: restore() finds nothing to repair', () => {
    check300(
      fc.property(mapAndOps, ([map, ops]) => {
        const { map: next } = applyAll(map, ops);
        expect(journeyMapSchema.safeParse(next).success).toBe(true);
        const restored = restore(next);
        expect(restored.ok && restored.repairs).toEqual([]);
      }),
    );
  });

  it('apply then its inverse is the identity', () => {
    check300(
      fc.property(mapAndOp, ([map, op]) => {
        expectUndoneTo(map, apply(map, op));
      }),
    );
  });

  it('the inverse of the inverse redoes the op', () => {
    check300(
      fc.property(mapAndOp, ([map, op]) => {
        const done = apply(map, op);
        const undone = applyAll(done.map, done.inverse);
        const redone = applyAll(undone.map, undone.inverse);
        expect(redone.map).toEqual(done.map);
      }),
    );
  });

  it('a batch and its inverse is the identity', () => {
    check300(
      fc.property(mapAndOps, ([map, ops]) => {
        expectUndoneTo(map, applyAll(map, ops));
      }),
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
    check300(
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
    );
  });

  it('concurrent random ops: applying remote first then local reaches a valid map', () => {
    const arb = arbMap.chain((map) => fc.tuple(fc.constant(map), arbOp(map), arbOp(map)));
    check300(
      fc.property(arb, ([base, local, remote]) => {
        const latest = apply(base, remote).map;
        const { map } = applyAll(latest, [local]);
        expect(restore(map).ok && (restore(map) as { repairs: unknown[] }).repairs).toEqual([]);
      }),
    );
  });
});
