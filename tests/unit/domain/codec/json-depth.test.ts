import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../../src/domain/codec/json-depth';
import { importJson } from '../../../../src/domain/exchange/json-exchange';
import { generateMap } from '../../../support/generate-map';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe('nestsDeeperThan', () => {
  it.each([
    [null, 0, false],
    ['text', 0, false],
    [{}, 1, false],
    [{}, 0, true],
    [[[]], 1, true],
    [[[]], 2, false],
    [nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH, false],
    [nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH, true],
  ] as const)('%j within %i levels → deeper: %s', (value, max, deeper) => {
    expect(nestsDeeperThan(value, max)).toBe(deeper);
  });

  it('measures 100,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(100_000))).toBe(true);
  });

  it('no real map comes near the limit', () => {
    expect(nestsDeeperThan(generateMap({ cards: 200, seed: 3 }), 12)).toBe(false);
  });

  it('agrees with a recursive depth on random JSON', () => {
    const depth = (v: unknown): number =>
      v === null || typeof v !== 'object'
        ? 0
        : 1 + Math.max(0, ...(Array.isArray(v) ? v : Object.values(v)).map(depth));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(10), (value, max) => {
        expect(nestsDeeperThan(value, max)).toBe(depth(value) > max);
      }),
    );
  });
});

describe('importJson of a deeply nested file', () => {
  it('is refused with a clear message, not a stack overflow', () => {
    const text = `${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    const outcome = importJson(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/nests more than 64 levels/);
  });
});
