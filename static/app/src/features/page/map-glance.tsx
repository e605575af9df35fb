/** One map of the page at a glance: title, persona, state, pain counts and review. */
import type { PageMaps } from '@contract';

type MapSummary = PageMaps['maps'][number];
import { reviewStatus } from '@domain/review/review-dates';
import { ReviewLozenge } from '../index/lozenges';
import { useT } from '../../i18n';

/** A map's summary line in the byline panel and the page actions. */
export function MapGlance({ map, today }: { map: MapSummary; today: string }) {
  const persona = map.persona.role ? `${map.persona.name} (${map.persona.role})` : map.persona.name;
  const t = useT();
  const pains = map.pain.trivial + map.pain.workaround + map.pain.abandon;
  return (
    <div className="page-map-glance">
      <strong className="page-map-title">{map.title || t('editor.summary.untitled')}</strong>
      <div className="page-map-facts">
        {persona ? <span>{persona}</span> : null}
        <span>{map.state === 'future' ? t('editor.scope.future') : t('editor.scope.current')}</span>
        <span>
          {t('page.glance.painPoints', { count: pains })}
          {map.pain.abandon > 0 ? t('page.glance.abandon', { count: map.pain.abandon }) : ''}
        </span>
        <ReviewLozenge
          status={reviewStatus({ nextReview: map.nextReview, today })}
          nextReview={map.nextReview}
        />
      </div>
      {map.topPainPoint ? (
        <div className="page-map-top">
          {t('page.glance.topPainPoint', { text: map.topPainPoint.text })}
        </div>
      ) : null}
    </div>
  );
}
