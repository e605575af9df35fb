/** The strip above the table: maps, stale maps, the heaviest pain points, the teams they weigh on. */
import type { IndexStats } from './index-model';
import { ConfluenceLink } from './map-link';

/** Scores with at most one decimal (the exact score is in the title). */
function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** Props of {@link SummaryStrip}. */
export type SummaryStripProps = { stats: IndexStats; siteUrl: string; filtered: boolean };

/** The summary strip. */
export function SummaryStrip({ stats, siteUrl, filtered }: SummaryStripProps) {
  const scope = filtered ? 'matching the filters' : 'in this space';
  return (
    <section className="summary-strip" aria-label="Summary">
      <div className="stat-tile">
        <span className="stat-value">{stats.maps}</span>
        <span className="stat-label">
          {stats.maps === 1 ? 'map' : 'maps'} {scope}
        </span>
      </div>
      <div className={`stat-tile${stats.stale ? ' is-warning' : ''}`}>
        <span className="stat-value">{stats.stale}</span>
        <span className="stat-label">
          stale {stats.stale === 1 ? 'map' : 'maps'}
          {stats.dueSoon > 0 && <>, {stats.dueSoon} due for review soon</>}
        </span>
      </div>
      <div className="stat-list">
        <h3 id="top-pain-heading">Highest-scored pain points</h3>
        {stats.topPainPoints.length === 0 ? (
          <p className="subtle">No pain points recorded yet.</p>
        ) : (
          <ol aria-labelledby="top-pain-heading">
            {stats.topPainPoints.map((p) => (
              <li key={p.row.key}>
                <span className="score" title={`Impact score ${p.score}`}>
                  {formatScore(p.score)}
                </span>
                <span className="stat-text">
                  {p.text}{' '}
                  <span className="subtle">
                    in{' '}
                    <ConfluenceLink siteUrl={siteUrl} path={p.row.url}>
                      {p.row.title}
                    </ConfluenceLink>
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="stat-list">
        <h3 id="team-impact-heading">Teams with the most pain-point impact</h3>
        {stats.teams.length === 0 ? (
          <p className="subtle">No team carries pain points yet.</p>
        ) : (
          <ol aria-labelledby="team-impact-heading">
            {stats.teams.map((t) => (
              <li key={t.team}>
                <span className="score" title="Abandon × 9 + workaround × 3 + trivial × 1">
                  {t.impact}
                </span>
                <span className="stat-text">
                  {t.team}{' '}
                  <span className="subtle">
                    ({t.maps} {t.maps === 1 ? 'map' : 'maps'})
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
