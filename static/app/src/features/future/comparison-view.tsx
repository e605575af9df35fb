/**
 * The comparison, presentational: a summary line, pain points removed / added / changed,
 * sentiment per stage before and after (a table, each row with a small −2…+2 scale drawing the
 * move; the numbers carry the meaning, the drawing is decorative), and the opportunities of the
 * current map with what the future state does to their pain points. All text is rendered by
 * React (escaped); nothing here builds markup from map text.
 */
import type {
  MapComparison,
  OpportunityOutcome,
  PainPointRef,
  StageSentimentChange,
} from '@domain/compare';
import { useT } from '../../i18n';
import { ColumnHeads } from '../../ui/column-heads';

/** A sentiment value or change as text: "+1.5", "−0.5", "0", or `notCharted` when none. */
export function formatSentiment(value: number | null, signed = false, notCharted = ''): string {
  if (value === null) return notCharted;
  const abs = Math.abs(value).toString();
  if (value === 0) return '0';
  if (value < 0) return `−${abs}`;
  return signed ? `+${abs}` : abs;
}

function PainList(props: { items: PainPointRef[]; empty: string; testId: string }) {
  const t = useT();
  if (props.items.length === 0) return <p className="subtle">{props.empty}</p>;
  return (
    <ul className="future-list" data-testid={props.testId}>
      {props.items.map((p) => (
        <li key={p.id}>
          <span className="future-item-text">{p.text || t('future.noText')}</span>{' '}
          <span className="subtle">
            · {t(`vocabulary.impact.${p.impact}`)} · {p.stageName} › {p.stepName}
          </span>
        </li>
      ))}
    </ul>
  );
}

const SCALE = { width: 120, height: 16, pad: 6 } as const;
function x(value: number): number {
  return SCALE.pad + ((value + 2) / 4) * (SCALE.width - 2 * SCALE.pad);
}

function MoveScale(props: { row: StageSentimentChange }) {
  const { before, after, change } = props.row;
  const tone = change === null || change === 0 ? 'same' : change > 0 ? 'up' : 'down';
  return (
    <svg
      className={`future-scale is-${tone}`}
      width={SCALE.width}
      height={SCALE.height}
      aria-hidden="true"
      focusable="false"
    >
      <line className="axis" x1={x(-2)} x2={x(2)} y1={8} y2={8} />
      <line className="zero" x1={x(0)} x2={x(0)} y1={3} y2={13} />
      {before !== null && after !== null && (
        <line className="move" x1={x(before)} x2={x(after)} y1={8} y2={8} />
      )}
      {before !== null && <circle className="before" cx={x(before)} cy={8} r={4} />}
      {after !== null && <circle className="after" cx={x(after)} cy={8} r={4} />}
    </svg>
  );
}

function SentimentTable(props: { rows: StageSentimentChange[] }) {
  const t = useT();
  if (props.rows.length === 0) return <p className="subtle">{t('future.noStages')}</p>;
  return (
    <table className="future-table" data-testid="sentiment-by-stage">
      <caption className="visually-hidden">{t('future.sentimentCaption')}</caption>
      <ColumnHeads
        labels={[
          t('future.col.stage'),
          t('future.col.current'),
          t('future.col.future'),
          t('future.col.change'),
          <>
            <span className="visually-hidden">{t('future.col.scale')}</span>
            <span aria-hidden="true" className="subtle">
              −2 · 0 · +2
            </span>
          </>,
        ]}
      />
      <tbody>
        {props.rows.map((r) => (
          <tr key={`${r.presence}-${r.stageId}`}>
            <th scope="row">
              {r.stageName || t('future.unnamedStage')}
              {r.presence !== 'both' && (
                <span className="subtle">
                  {' '}
                  {r.presence === 'currentOnly' ? t('future.stageRemoved') : t('future.stageNew')}
                </span>
              )}
            </th>
            <td>{formatSentiment(r.before, false, t('future.compare.notCharted'))}</td>
            <td>{formatSentiment(r.after, false, t('future.compare.notCharted'))}</td>
            <td
              className={
                r.change === null || r.change === 0 ? '' : r.change > 0 ? 'is-up' : 'is-down'
              }
            >
              {r.change === null ? '—' : formatSentiment(r.change, true)}
              {r.change !== null && r.change !== 0 && (
                <span className="visually-hidden">
                  {r.change > 0 ? t('future.better') : t('future.worse')}
                </span>
              )}
            </td>
            <td>
              <MoveScale row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Addressed first: the section answers "which opportunities does the future state address?". */
const STATUS_ORDER: Record<OpportunityOutcome['status'], number> = {
  addressed: 0,
  partly: 1,
  open: 2,
};

function Opportunities(props: { items: OpportunityOutcome[] }) {
  const t = useT();
  if (props.items.length === 0) {
    return <p className="subtle">{t('future.noLinkedOpportunities')}</p>;
  }
  return (
    <ul className="future-list" data-testid="opportunities">
      {[...props.items]
        .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
        .map((o) => (
          <li key={o.id}>
            <span className={`lozenge future-status is-${o.status}`}>
              {t(`future.status.${o.status}`)}
            </span>{' '}
            <span className="future-item-text">{o.text || t('future.noText')}</span>
            {o.painPoints.length > 0 && (
              <span className="subtle">
                {' '}
                —{' '}
                {o.painPoints
                  .map(
                    (p) => `${p.text || t('future.noText')}: ${t(`future.outcome.${p.outcome}`)}`,
                  )
                  .join('; ')}
              </span>
            )}
          </li>
        ))}
    </ul>
  );
}

/** The comparison of a current-state map with its future-state map. */
export function ComparisonView(props: {
  comparison: MapComparison;
  currentTitle: string;
  futureTitle: string;
  /** Both maps have the same state: the link is odd, the comparison still reads current → future. */
  mismatch: boolean;
}) {
  const t = useT();
  const { painPoints, stages, opportunities } = props.comparison;
  const changed = [...painPoints.improved, ...painPoints.worsened];
  const up = stages.filter((s) => (s.change ?? 0) > 0).length;
  const down = stages.filter((s) => (s.change ?? 0) < 0).length;
  const addressed = opportunities.filter((o) => o.status === 'addressed').length;
  return (
    <div className="future-compare" data-testid="comparison">
      <p className="subtle">
        {t('future.from')} <strong>{props.currentTitle || t('future.untitled')}</strong>{' '}
        {t('future.to')} <strong>{props.futureTitle || t('future.untitled')}</strong>
      </p>
      {props.mismatch && <p className="future-warning">{t('future.mismatch')}</p>}
      <p className="future-summary" data-testid="comparison-summary">
        {t('future.summary', {
          removed: t('future.painPointsRemoved', { count: painPoints.removed.length }),
          added: painPoints.added.length,
          improved: painPoints.improved.length,
          up,
          down,
          stages: stages.length,
          addressed,
          opportunities: opportunities.length,
        })}
      </p>
      <div className="future-columns">
        <section aria-labelledby="fs-removed">
          <h3 id="fs-removed">{t('future.removedHeading')}</h3>
          <PainList
            items={painPoints.removed}
            empty={t('future.none')}
            testId="removed-pain-points"
          />
        </section>
        <section aria-labelledby="fs-added">
          <h3 id="fs-added">{t('future.addedHeading')}</h3>
          <PainList items={painPoints.added} empty={t('future.none')} testId="added-pain-points" />
        </section>
      </div>
      {changed.length > 0 && (
        <section aria-labelledby="fs-changed">
          <h3 id="fs-changed">{t('future.changedHeading')}</h3>
          <ul className="future-list">
            {changed.map((c) => (
              <li key={c.before.id}>
                <span className="future-item-text">{c.after.text || t('future.noText')}</span>{' '}
                <span className="subtle">
                  · {t(`vocabulary.impact.${c.before.impact}`)} →{' '}
                  {t(`vocabulary.impact.${c.after.impact}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="fs-sentiment">
        <h3 id="fs-sentiment">{t('future.sentimentHeading')}</h3>
        <SentimentTable rows={stages} />
      </section>
      <section aria-labelledby="fs-opps">
        <h3 id="fs-opps">{t('future.oppsHeading')}</h3>
        <Opportunities items={opportunities} />
      </section>
    </div>
  );
}
