import { describe, expect, it } from 'vitest';
import {
  CADENCE_MONTHS,
  daysUntilReview,
  DUE_SOON_DAYS,
  nextReviewDate,
  reviewStatus,
} from '../../../../src/domain/review';

describe('nextReviewDate', () => {
  it.each([
    ['monthly', '2026-03-10', '2026-04-10'],
    ['quarterly', '2026-03-10', '2026-06-10'],
    ['semiannual', '2026-03-10', '2026-09-10'],
    ['annual', '2026-03-10', '2027-03-10'],
    // Month ends clamp to the last day of the shorter month.
    ['monthly', '2026-01-31', '2026-02-28'],
    ['monthly', '2028-01-31', '2028-02-29'], // leap year
    ['monthly', '2026-03-31', '2026-04-30'],
    ['quarterly', '2026-11-30', '2027-02-28'],
    ['quarterly', '2027-11-30', '2028-02-29'],
    ['semiannual', '2026-08-31', '2027-02-28'],
    // Leap day.
    ['annual', '2028-02-29', '2029-02-28'],
    ['annual', '2027-02-28', '2028-02-28'],
    ['semiannual', '2028-02-29', '2028-08-29'],
    // Year rollover.
    ['monthly', '2026-12-15', '2027-01-15'],
  ] as const)('%s from %s → %s', (cadence, lastReviewed, expected) => {
    expect(nextReviewDate({ cadence, lastReviewed, createdFallback: null })).toBe(expected);
  });

  it('falls back to the creation date, which may be an instant', () => {
    expect(
      nextReviewDate({
        cadence: 'monthly',
        lastReviewed: null,
        createdFallback: '2026-05-31T23:30:00-07:00',
      }),
    ).toBe('2026-06-30');
    expect(
      nextReviewDate({
        cadence: 'annual',
        lastReviewed: '2026-01-01',
        createdFallback: '2020-01-01',
      }),
    ).toBe('2027-01-01');
  });

  it('is null without a readable date', () => {
    expect(
      nextReviewDate({ cadence: 'monthly', lastReviewed: null, createdFallback: null }),
    ).toBeNull();
    expect(
      nextReviewDate({ cadence: 'monthly', lastReviewed: '2026-02-30', createdFallback: 'soon' }),
    ).toBeNull();
  });

  it('knows the cadences in months', () => {
    expect(CADENCE_MONTHS).toEqual({ monthly: 1, quarterly: 3, semiannual: 6, annual: 12 });
  });
});

describe('reviewStatus', () => {
  it.each([
    ['2026-03-01', '2026-01-01', 'ok'],
    ['2026-03-01', '2026-02-14', 'ok'], // 15 days ahead
    ['2026-03-01', '2026-02-15', 'dueSoon'], // 14 days ahead (leap-free February)
    ['2028-03-01', '2028-02-16', 'dueSoon'], // 14 days ahead across a leap day
    ['2028-03-01', '2028-02-15', 'ok'], // 15 days ahead across a leap day
    ['2026-03-01', '2026-03-01', 'dueSoon'], // due today
    ['2026-03-01', '2026-03-02', 'stale'], // one day late
    ['2026-12-31', '2027-01-01', 'stale'],
    ['2027-01-01', '2026-12-31', 'dueSoon'],
  ] as const)('review %s seen on %s → %s', (nextReview, today, expected) => {
    expect(reviewStatus({ nextReview, today })).toBe(expected);
  });

  it('is ok when there is no review date', () => {
    expect(reviewStatus({ nextReview: null, today: '2026-01-01' })).toBe('ok');
  });

  it('counts days until the review', () => {
    expect(DUE_SOON_DAYS).toBe(14);
    expect(daysUntilReview({ nextReview: '2026-03-01', today: '2026-02-27' })).toBe(2);
    expect(daysUntilReview({ nextReview: '2026-03-01', today: '2026-03-04' })).toBe(-3);
    expect(daysUntilReview({ nextReview: null, today: '2026-03-04' })).toBeNull();
  });
});
