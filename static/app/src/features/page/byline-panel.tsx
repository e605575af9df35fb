/**
 * The byline item's popup: the page's maps from the summary, each with its write-up link and
 * "Open in focus mode" (the map in the full-screen focus modal: decision 0034).
 */
import type { PageMaps } from '@contract';

type MapSummary = PageMaps['maps'][number];
import { ConfluenceLink } from '../index/map-link';
import { MapGlance } from './map-glance';
import { openInFocusMode } from './open-in-focus';
import { usePageMaps } from './use-page-maps';
import { useT } from '../../i18n';

function writeUpPath(pageId: string): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
}

function MapRow(props: { map: MapSummary; pageId: string; siteUrl: string; today: string }) {
  const t = useT();
  const { map } = props;
  const focus = (): Promise<void> =>
    openInFocusMode({ address: { pageId: props.pageId, localId: map.macroId }, title: map.title });
  return (
    <li className="page-map-row" data-testid="byline-map">
      <MapGlance map={map} today={props.today} />
      <div className="page-map-actions">
        {map.writeUp ? (
          <ConfluenceLink siteUrl={props.siteUrl} path={writeUpPath(map.writeUp.pageId)}>
            {t('page.byline.writeUp', { title: map.writeUp.title })}
          </ConfluenceLink>
        ) : (
          <span className="page-muted">{t('page.byline.noWriteUp')}</span>
        )}
        <button type="button" onClick={() => void focus()}>
          {t('page.byline.openFocus')}
        </button>
      </div>
    </li>
  );
}

/** The popup of the byline item. */
export function BylinePanel(props: { pageId: string; siteUrl: string; today: string }) {
  const t = useT();
  const state = usePageMaps(props.pageId);
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') {
    return (
      <p className="banner is-error" role="alert">
        {state.error.message}
      </p>
    );
  }
  const { data } = state;
  return (
    <section className="page-panel" aria-label={t('page.byline.label')}>
      <h2 className="page-panel-title" data-testid="byline-title">
        {data.byline.title}
      </h2>
      {data.maps.length === 0 ? (
        <p data-testid="byline-empty">{t('page.byline.empty')}</p>
      ) : (
        <ul className="page-map-list">
          {data.maps.map((map) => (
            <MapRow
              key={map.localId}
              map={map}
              pageId={data.pageId}
              siteUrl={props.siteUrl}
              today={props.today}
            />
          ))}
        </ul>
      )}
      {data.hiddenMaps > 0 ? (
        <p className="page-muted">{t('page.byline.hiddenMaps', { count: data.hiddenMaps })}</p>
      ) : null}
    </section>
  );
}
