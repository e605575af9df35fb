/** The decision tracks drawn across a step header (see `decision-tracks.ts`). */
import { memo } from 'react';
import type { Track } from './decision-tracks';
import { useT } from '../../../i18n';

const GAP = 8;

/** One column's part of the tracks: lines per path, the active one bold, forks and rejoins. */
export const DecisionTrackView = memo(function DecisionTrackView({ track }: { track: Track }) {
  const t = useT();
  const n = track.paths.length;
  const height = 6 + GAP * (n - 1);
  const y = (i: number) => 3 + GAP * i;
  const mid = height / 2;
  const label = track.role === 'on' ? track.paths[track.active]?.label : undefined;
  const splits = t('editor.track.splits', { paths: track.paths.map((p) => p.label).join(' / ') });
  return (
    <div className={`decision-track is-${track.role}`}>
      <svg
        viewBox={`0 0 100 ${height}`}
        preserveAspectRatio="none"
        height={height}
        aria-hidden="true"
      >
        {track.paths.map((p, i) => {
          const cls = `track-line t${i % 4}${i === track.active ? ' is-active' : ''}`;
          if (track.role === 'fork')
            return (
              <path key={p.id} className={cls} d={`M50 ${mid} C75 ${mid} 75 ${y(i)} 100 ${y(i)}`} />
            );
          if (track.role === 'rejoin')
            return (
              <path key={p.id} className={cls} d={`M0 ${y(i)} C25 ${y(i)} 25 ${mid} 50 ${mid}`} />
            );
          return <path key={p.id} className={cls} d={`M0 ${y(i)} L100 ${y(i)}`} />;
        })}
        {track.role === 'rejoin' && (
          <path className="track-line t-joined" d={`M50 ${mid} L100 ${mid}`} />
        )}
      </svg>
      {track.role === 'fork' && (
        <span className="track-note" title={splits}>
          {splits}
        </span>
      )}
      {track.role === 'rejoin' && <span className="track-note">{t('editor.track.rejoin')}</span>}
      {label && track.starts && (
        <span className={`track-note t${track.active % 4}`}>
          {t('editor.track.path', { label })}
        </span>
      )}
    </div>
  );
});
