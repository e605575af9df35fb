/** Atlassian-style lozenges and small badges used in the index table. */
import type { ReviewStatus } from '@domain/review/review-dates';
import { useT } from '../../i18n';

const REVIEW_TONE: Record<ReviewStatus, string> = {
  ok: 'success',
  dueSoon: 'moved',
  stale: 'removed',
};

/** A review status lozenge with the next review date in its title. */
export function ReviewLozenge({
  status,
  nextReview,
}: {
  status: ReviewStatus;
  nextReview: string | null;
}) {
  const t = useT();
  const when = nextReview
    ? status === 'stale'
      ? t('index.review.wasDue', { date: nextReview })
      : t('index.review.next', { date: nextReview })
    : t('index.review.none');
  return (
    <span className={`lozenge is-${REVIEW_TONE[status]}`} title={when}>
      {t(`index.review.${status}`)}
    </span>
  );
}

/** Current / future state lozenge. */
export function StateLozenge({ state }: { state: 'current' | 'future' }) {
  const t = useT();
  return (
    <span className={`lozenge ${state === 'future' ? 'is-new' : 'is-default'}`}>
      {state === 'future' ? t('index.lozenges.future') : t('index.lozenges.current')}
    </span>
  );
}

/** Pain-point counts by impact: abandon / workaround / trivial. */
export function PainCounts({
  pain,
}: {
  pain: { abandon: number; workaround: number; trivial: number };
}) {
  const t = useT();
  const label = t('index.lozenges.painCounts', pain);
  // The label is text, not aria-label: a span without a role may not carry one (axe
  // aria-prohibited-attr), and screen readers would read the bare digits instead.
  return (
    <span className="pain-counts" title={label}>
      <span className="visually-hidden">{label}</span>
      <span className={`count is-abandon${pain.abandon ? '' : ' is-zero'}`} aria-hidden="true">
        {pain.abandon}
      </span>
      <span
        className={`count is-workaround${pain.workaround ? '' : ' is-zero'}`}
        aria-hidden="true"
      >
        {pain.workaround}
      </span>
      <span className={`count is-trivial${pain.trivial ? '' : ' is-zero'}`} aria-hidden="true">
        {pain.trivial}
      </span>
    </span>
  );
}

/** Validated share as a small meter and a percentage. */
export function ValidatedMeter({ share }: { share: number }) {
  const t = useT();
  const pct = Math.round(share * 100);
  return (
    <span className="validated" title={t('index.lozenges.evidence', { pct })}>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      <span>{pct}%</span>
    </span>
  );
}
