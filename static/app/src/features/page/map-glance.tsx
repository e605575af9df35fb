/** One map of the page at a glance: title, persona, state, pain counts and review. */
import type { PageMaps } from '@contract';

type MapSummary = PageMaps['maps'][number];
import { reviewStatus } from '@domain/review/review-dates';
import { ReviewLozenge } from '../index/lozenges';

/** A map's summary line in the byline panel and the page actions. */
export function MapGlance({ map, today }: { map: MapSummary; today: string }) {
  const persona = map.persona.role ? `${map.persona.name} (${map.persona.role})` : map.persona.name;
  const pains = map.pain.trivial + map.pain.workaround + map.pain.abandon;
  return (
    <div className="page-map-glance">
      <strong className="page-map-title">{map.title || 'Untitled journey map'}</strong>
      <div className="page-map-facts">
        {persona ? <span>{persona}</span> : null}
        <span>{map.state === 'future' ? 'Future state' : 'Current state'}</span>
        <span>
          {pains} pain point{pains === 1 ? '' : 's'}
          {map.pain.abandon > 0 ? ` · ${map.pain.abandon} cause abandonment` : ''}
        </span>
        <ReviewLozenge
          status={reviewStatus({ nextReview: map.nextReview, today })}
          nextReview={map.nextReview}
        />
      </div>
      {map.topPainPoint ? (
        <div className="page-map-top">Top pain point: {map.topPainPoint.text}</div>
      ) : null}
    </div>
  );
}
