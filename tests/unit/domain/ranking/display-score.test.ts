/** Scores as people read them in the write-up: at most one decimal, never a changed integer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayScore, formatScore } from '../../../../src/domain/ranking/pain-point-score';

describe('displayScore', () => {
  it.each([
    [101.25, '101.3'],
    [0.875, '0.9'],
    [27, '27'],
    [11.8125, '11.8'],
    [0, '0'],
    [2.1, '2.1'],
    [9.96, '10'],
  ])('%s reads as %s', (score, want) => {
    expect(displayScore(score)).toBe(want);
  });

  it('has at most one decimal and stays within 0.05 of the exact score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (score) => {
        const shown = displayScore(score);
        expect(shown).toMatch(/^\d+(\.\d)?$/);
        expect(Math.abs(Number(shown) - score)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it('leaves whole scores as formatScore writes them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        expect(displayScore(n)).toBe(formatScore(n));
      }),
    );
  });
});
