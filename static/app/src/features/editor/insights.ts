/**
 * Read-only views the editor shows next to the map, computed by the domain: sentiment pattern
 * markers per step, the validated share and the review status.
 */
import type { Translate } from '@domain/i18n';
import type { JourneyMap, Step } from '@domain/model/schema';
import { validatedShare } from '@domain/ranking/validated-share';
import { nextReviewDate, reviewStatus } from '@domain/review/review-dates';
import type { ReviewStatus } from '@domain/review/review-dates';
import { sentimentPatterns } from '@domain/sentiment/sentiment-patterns';

/** Marker words per step id, for the steps in journey order given, in the person's language. */
export function sentimentMarkers(steps: readonly Step[], t: Translate): Map<string, string[]> {
  const patterns = sentimentPatterns(steps.map((s) => s.sentiment));
  const out = new Map<string, string[]>();
  const add = (index: number, word: string) => {
    const step = steps[index];
    if (!step) return;
    const list = out.get(step.id) ?? [];
    if (!list.includes(word)) list.push(word);
    out.set(step.id, list);
  };
  for (const run of patterns.sawtooth) {
    for (let i = run.from; i <= run.to; i++) add(i, t('editor.marker.sawtooth'));
  }
  for (const drop of patterns.rapidDrops) add(drop.to, t('editor.marker.rapidDrop'));
  for (const i of patterns.troughs) add(i, t('editor.marker.trough'));
  for (const i of patterns.peaks) add(i, t('editor.marker.peak'));
  return out;
}

/** Percentage (0–100, whole) of cards resting on validated evidence. */
export function validatedPercent(map: JourneyMap): number {
  return Math.round(validatedShare(map) * 100);
}

/** The next review date and how it stands today. */
export function reviewInfo(
  map: Pick<JourneyMap, 'review' | 'updatedAt'>,
  today: string,
): { next: string | null; status: ReviewStatus } {
  const next = nextReviewDate({
    cadence: map.review.cadence,
    lastReviewed: map.review.lastReviewed,
    createdFallback: map.updatedAt,
  });
  return { next, status: reviewStatus({ nextReview: next, today }) };
}
