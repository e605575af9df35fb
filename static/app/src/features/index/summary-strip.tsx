/** The strip above the table: maps, stale maps, the heaviest pain points, the teams they weigh on. */
import type { IndexStats, TopPainPoint } from './index-model';
import { ConfluenceLink } from './map-link';
import { useT } from '../../i18n';

/** Scores with at most one decimal (the exact score is in the title). */
function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** ", also in 2 copies and the future state" for a pain point other maps repeat; '' if none. */
function alsoIn(p: TopPainPoint, t: ReturnType<typeof useT>): string {
  if (p.copies > 0 && p.inFuture)
    return `, ${t('index.strip.alsoInCopiesAndFuture', { count: p.copies })}`;
  if (p.copies > 0) return `, ${t('index.strip.alsoInCopies', { count: p.copies })}`;
  if (p.inFuture) return `, ${t('index.strip.alsoInFuture')}`;
  return '';
}

/** Props of {@link SummaryStrip}. */
export type SummaryStripProps = {
  stats: IndexStats;
  siteUrl: string;
  filtered: boolean;
  /** Teams with open Jira work; null when no map links work or Jira could not say. */
  openWork: { team: string; open: number }[] | null;
  /** Why Jira could not say (absent, no access, busy), when it could not. */
  workUnavailable: string | null;
  /** Opens the create form for a top pain point (absent: it cannot be created from here). */
  onCreateWork?: (p: TopPainPoint) => void;
};

/** The summary strip. */
export function SummaryStrip(props: SummaryStripProps) {
  const { stats, siteUrl, filtered, openWork, onCreateWork } = props;
  const t = useT();
  return (
    <section
      className={`summary-strip${openWork || props.workUnavailable ? ' has-work' : ''}`}
      aria-label={t('index.strip.summary')}
    >
      <div className="stat-tile">
        <span className="stat-value">{stats.maps}</span>
        <span className="stat-label">
          {filtered
            ? t('index.strip.mapsMatching', { count: stats.maps })
            : t('index.strip.mapsInSpace', { count: stats.maps })}
        </span>
      </div>
      <div className={`stat-tile${stats.stale ? ' is-warning' : ''}`}>
        <span className="stat-value">{stats.stale}</span>
        <span className="stat-label">
          {t('index.strip.staleMaps', { count: stats.stale })}
          {stats.dueSoon > 0 && t('index.strip.dueForReviewSoon', { count: stats.dueSoon })}
        </span>
      </div>
      <div className="stat-list">
        <h3 id="top-pain-heading">{t('index.strip.highestScoredPainPoints')}</h3>
        {stats.topPainPoints.length === 0 ? (
          <p className="subtle">{t('index.strip.noPainPointsRecorded')}</p>
        ) : (
          <ol aria-labelledby="top-pain-heading">
            {stats.topPainPoints.map((p) => (
              <li key={p.row.key}>
                <span className="score" title={t('index.strip.impactScore', { score: p.score })}>
                  {formatScore(p.score)}
                </span>
                <span className="stat-text">
                  {p.text}{' '}
                  <span className="subtle">
                    {t('index.strip.in')}{' '}
                    <ConfluenceLink siteUrl={siteUrl} path={p.row.url}>
                      {p.row.title}
                    </ConfluenceLink>
                    {alsoIn(p, t)}
                  </span>
                </span>
                {onCreateWork && p.row.entry.map.topPainPoint?.cardId && (
                  <button
                    type="button"
                    className="link-button create-work"
                    aria-label={t('index.work.createFor', { text: p.text })}
                    onClick={() => onCreateWork(p)}
                  >
                    {t('work.card.create')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="stat-list">
        <h3 id="team-impact-heading">{t('index.strip.teamsWithTheMost')}</h3>
        {stats.teams.length === 0 ? (
          <p className="subtle">{t('index.strip.noTeamCarriesPain')}</p>
        ) : (
          <ol aria-labelledby="team-impact-heading">
            {stats.teams.map((team) => (
              <li key={team.team}>
                <span className="score" title={t('index.strip.teamImpactTitle')}>
                  {formatScore(team.impact)}
                </span>
                <span className="stat-text">
                  {team.team}{' '}
                  <span className="subtle">{t('index.strip.mapCount', { count: team.maps })}</span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      {(openWork || props.workUnavailable) && (
        <div className="stat-list open-work">
          <h3 id="open-work-heading">{t('index.work.teamsWithOpenWork')}</h3>
          {props.workUnavailable ? (
            <p className="subtle" role="note">
              {props.workUnavailable}
            </p>
          ) : openWork && openWork.length === 0 ? (
            <p className="subtle">{t('index.work.noOpenWork')}</p>
          ) : (
            <ol aria-labelledby="open-work-heading">
              {(openWork ?? []).slice(0, 5).map((w) => (
                <li key={w.team}>
                  <span className="score">{w.open}</span>
                  <span className="stat-text">
                    {w.team}{' '}
                    <span className="subtle">{t('index.work.openItems', { count: w.open })}</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
