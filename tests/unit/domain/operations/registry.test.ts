import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from '../../../../src/domain/operations/apply';
import {
  definitionOf,
  OP_DEFINITIONS,
  OP_TYPES,
  opSchema,
} from '../../../../src/domain/operations/registry';
import { arbMap, arbOp } from '../arbitraries';

describe('the op registry', () => {
  it('defines each op type once, and finds each by its type', () => {
    expect(new Set(OP_TYPES).size).toBe(OP_DEFINITIONS.length);
    for (const type of OP_TYPES) expect(definitionOf(type)?.type).toBe(type);
    expect(definitionOf('card/explode')).toBeUndefined();
  });

  it('every op the UI makes, and every inverse apply answers, passes the payload schema', () => {
    // Undo sends inverse ops to the server: one the resolver refused would make undo fail.
    fc.assert(
      fc.property(
        arbMap.chain((map) => fc.tuple(fc.constant(map), arbOp(map))),
        ([map, op]) => {
          expect(opSchema.safeParse(op).success).toBe(true);
          for (const inverse of apply(map, op).inverse) {
            const parsed = opSchema.safeParse(inverse);
            expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a malformed field is dropped naming the field', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const result = apply(map, { type: 'map/setTitle', title: 7 as unknown as string });
        expect(result.dropped?.reason).toBe('title must be text');
        expect(result.map).toBe(map);
      }),
      { numRuns: 5 },
    );
  });
});
