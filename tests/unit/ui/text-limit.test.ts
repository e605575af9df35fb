/** The counter near a field's limit, and how far past it a text is (text-limit.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitState } from '../../../static/app/src/features/editor/text-limit';

describe('limitState', () => {
  it.each([
    [0, 2000, { show: false, over: 0 }],
    [1799, 2000, { show: false, over: 0 }],
    [1800, 2000, { show: true, over: 0 }],
    [2000, 2000, { show: true, over: 0 }],
    [2130, 2000, { show: true, over: 130 }],
    [180, 200, { show: true, over: 0 }],
  ])('%i of %i characters', (length, limit, expected) => {
    expect(limitState(length, limit)).toEqual(expected);
  });

  it('past the limit the counter always shows, and over + limit is the length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30_000 }), fc.nat(40_000), (limit, length) => {
        const s = limitState(length, limit);
        if (length > limit) {
          expect(s.show).toBe(true);
          expect(s.over + limit).toBe(length);
        } else expect(s.over).toBe(0);
      }),
    );
  });
});
