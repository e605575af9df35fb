/**
 * The page byline's glance at the page's journey maps ("Journey map · 2 cause abandonment ·
 * review due 3 Mar"), built from the page summary alone so the byline costs one property read.
 */
import { format, parseISO } from 'date-fns';
import { reviewStatus } from '../review/review-dates';
import type { PageSummary } from './page-summary-schema';

/** What the byline item shows: its title and tooltip, and the state a host may colour. */
export type BylineLabel = {
  title: string;
  tooltip: string;
  /** `none`: no map; `stale`: a review date has passed; `dueSoon`: within 14 days; else `ok`. */
  status: 'none' | 'ok' | 'dueSoon' | 'stale';
};

/** Title of the byline item on a page without a journey map. */
export const NO_MAP_TITLE = 'Journey map';

function shortDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMM');
}

/**
 * The label for a page summary (null: the page has no summary). `today` is `YYYY-MM-DD`.
 * Pain counts are over every map of the page; the review is the earliest of them.
 */
export function bylineLabel(summary: PageSummary | null, today: string): BylineLabel {
  if (!summary || summary.mapCount === 0) {
    return { title: NO_MAP_TITLE, tooltip: 'No journey map on this page yet', status: 'none' };
  }
  const parts = [summary.mapCount === 1 ? 'Journey map' : `${summary.mapCount} journey maps`];
  if (summary.abandon > 0) parts.push(`${summary.abandon} cause abandonment`);
  const status = reviewStatus({ nextReview: summary.nextReview, today });
  if (summary.nextReview && status === 'stale') {
    parts.push(`review overdue since ${shortDate(summary.nextReview)}`);
  } else if (summary.nextReview && status === 'dueSoon') {
    parts.push(`review due ${shortDate(summary.nextReview)}`);
  }
  const state = summary.state === 'mixed' ? 'current and future state' : `${summary.state} state`;
  const tooltip = [
    `${summary.painPoints} pain point${summary.painPoints === 1 ? '' : 's'}`,
    state,
    summary.nextReview ? `next review ${summary.nextReview}` : 'no review date',
  ].join(' · ');
  return { title: parts.join(' · '), tooltip, status };
}
