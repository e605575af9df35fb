/**
 * Review dates (seeds 001, 003: journey maps go stale unless reviewed on a cadence). Dates are
 * calendar dates `YYYY-MM-DD`; `today` is always passed in so the domain stays clock-free.
 */
// Not date-fns's `format`/`parseISO`: the grid's first load reads review dates, and `format`
// brings its token table and the en-US locale (~8 KB gzip) for a fixed `yyyy-MM-dd`.
import { addMonths, differenceInCalendarDays } from 'date-fns';
import type { Cadence } from '../model/schema';

/** Months between reviews for each cadence. */
export const CADENCE_MONTHS: Readonly<Record<Cadence, number>> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

/** A review is "due soon" when it falls within this many days from today (inclusive). */
export const DUE_SOON_DAYS = 14;

/** Freshness of a map: ok, due within 14 days (or today), or stale (review date passed). */
export type ReviewStatus = 'ok' | 'dueSoon' | 'stale';

/**
 * Reads `YYYY-MM-DD` or an ISO instant as a local calendar date (the instant's own date part,
 * not converted to another zone, so every viewer sees the same day). Null when unreadable.
 */
function toCalendarDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  // Year 0000 is 1 BC, not a calendar year here (date-fns's `yyyy` read it as 0001).
  if (!match || match[1] === '0000') return null;
  const [day, y, m, d] = match;
  const date = new Date(0);
  // setFullYear, not the constructor: that maps years 0–99 to 1900–1999.
  date.setFullYear(Number(y), Number(m) - 1, Number(d));
  date.setHours(0, 0, 0, 0);
  return calendarDay(date) === day ? date : null;
}

/** `YYYY-MM-DD` of a local date (years 0–9999). */
function calendarDay(date: Date): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/**
 * The next review date: last review (or, when never reviewed, the fallback such as the
 * creation date) plus the cadence's months. Month ends clamp (Jan 31 + 1 month = Feb 28/29).
 * Null when neither date is readable.
 */
export function nextReviewDate(args: {
  cadence: Cadence;
  lastReviewed: string | null;
  createdFallback: string | null;
}): string | null {
  const from = toCalendarDate(args.lastReviewed) ?? toCalendarDate(args.createdFallback);
  if (!from) return null;
  return calendarDay(addMonths(from, CADENCE_MONTHS[args.cadence]));
}

/**
 * Status against `today`: stale once the review date has passed, due soon from 14 days before
 * it up to and including the day itself, ok otherwise (and when there is no review date).
 */
export function reviewStatus(args: { nextReview: string | null; today: string }): ReviewStatus {
  const next = toCalendarDate(args.nextReview);
  const today = toCalendarDate(args.today);
  if (!next || !today) return 'ok';
  const days = differenceInCalendarDays(next, today);
  if (days < 0) return 'stale';
  return days <= DUE_SOON_DAYS ? 'dueSoon' : 'ok';
}

/** Days from today until the review (negative when overdue); null without a review date. */
export function daysUntilReview(args: { nextReview: string | null; today: string }): number | null {
  const next = toCalendarDate(args.nextReview);
  const today = toCalendarDate(args.today);
  return next && today ? differenceInCalendarDays(next, today) : null;
}
