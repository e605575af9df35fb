import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restore } from '../../../../src/domain/model/restore';
import { apply, applyAll } from '../../../../src/domain/operations/apply';
import { OP_TYPES } from '../../../../src/domain/operations/registry';
import type { Op } from '../../../../src/domain/operations/op-types';
import { arbMap, arbOp } from '../arbitraries';

const FIELDS = [
  'id',
  'laneId',
  'stepId',
  'stageId',
  'pathId',
  'painPointId',
  'opportunityId',
  'attachmentId',
  'title',
  'name',
  'text',
  'label',
  'team',
  'notes',
  'date',
  'caption',
  'kind',
  'laneType',
  'zone',
  'state',
  'moment',
  'impact',
  'cadence',
  'lastReviewed',
  'list',
  'index',
  'toIndex',
  'delta',
  'sentiment',
  'hidden',
  'revealed',
  'linked',
  'votesPerPerson',
  'channels',
  'patch',
  'link',
  'writeUp',
  'channel',
  'photo',
  'agenda',
  'facilitator',
  'scribe',
  'participants',
  'initials',
  'topGoal',
  'story',
  'card',
  'step',
  'stage',
  'lane',
  'path',
  'cards',
  'steps',
  'refs',
] as const;

/** Ops of every known type whose fields are arbitrary JSON or real ids of the map. */
const hostile = arbMap.chain((map) => {
  const real = [
    ...map.cards.map((c) => c.id),
    ...map.steps.map((s) => s.id),
    ...map.stages.map((s) => s.id),
    ...map.lanes.map((l) => l.id),
    ...map.steps.flatMap((s) => s.paths.map((p) => p.id)),
    ...map.session.photos.map((p) => p.attachmentId),
    'web',
  ];
  const value = fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
    { arbitrary: fc.constantFrom(...real), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        ...map.cards.slice(0, 3),
        ...map.steps.slice(0, 2),
        ...map.lanes.slice(0, 1),
      ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(NaN, Infinity, -0, 1e308, '__proto__', 'constructor'), weight: 1 },
  );
  const op = fc
    .tuple(
      fc.constantFrom(...OP_TYPES),
      fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
    )
    .map(([type, fields]) => ({ ...fields, type }) as unknown as Op);
  return fc.tuple(fc.constant(map), op);
});

/** A valid op with one field (possibly nested one level) replaced by arbitrary JSON. */
const corrupted = arbMap.chain((map) =>
  fc.tuple(
    fc.constant(map),
    fc
      .tuple(arbOp(map), fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
      .map(([op, i, j, junk]) => {
        const copy = structuredClone(op) as unknown as Record<string, unknown>;
        const keys = Object.keys(copy).filter((k) => k !== 'type');
        const key = keys[i % Math.max(1, keys.length)];
        if (key === undefined) return op;
        const inner = copy[key];
        if (inner !== null && typeof inner === 'object' && !Array.isArray(inner) && j % 2 === 0) {
          const innerKeys = Object.keys(inner);
          const k2 = innerKeys[j % Math.max(1, innerKeys.length)];
          if (k2 !== undefined) (inner as Record<string, unknown>)[k2] = junk;
        } else {
          copy[key] = junk;
        }
        return copy as unknown as Op;
      }),
  ),
);

describe('ops with hostile payloads (they come from the network)', () => {
  it('a valid op with one corrupted field is applied safely or dropped', () => {
    fc.assert(
      fc.property(corrupted, ([map, op]) => {
        const result = apply(map, op);
        expect(result.dropped?.reason).not.toBe('malformed op');
        if (result.dropped) return;
        const restored = restore(result.map);
        expect(restored.ok && restored.repairs).toEqual([]);
        const back = applyAll(result.map, result.inverse);
        expect(back.map).toEqual(map);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('never throw and never produce a map that restore() would repair', () => {
    fc.assert(
      fc.property(hostile, ([map, op]) => {
        const result = apply(map, op);
        expect(result.dropped?.reason).not.toBe('malformed op');
        if (result.dropped) {
          expect(result.map).toBe(map);
          return;
        }
        const restored = restore(result.map);
        expect(restored.ok && restored.repairs).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('drops unknown op types and non-objects', () => {
    fc.assert(
      fc.property(arbMap, fc.string(), (map, type) => {
        fc.pre(!(OP_TYPES as readonly string[]).includes(type));
        expect(apply(map, { type } as unknown as Op).dropped?.reason).toMatch(/unknown op type/);
        expect(apply(map, null as unknown as Op).dropped).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe('applyAll with garbage entries', () => {
  it('reports null and unknown entries by index and applies the rest', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const ops = [
          null,
          { type: 'map/setTitle', title: 'T' },
          'x',
          { type: 'nope' },
        ] as unknown as Op[];
        const result = applyAll(map, ops);
        expect(result.map.title).toBe('T');
        expect(result.dropped.map((d) => d.index)).toEqual([0, 2, 3]);
      }),
      { numRuns: 20 },
    );
  });
});
