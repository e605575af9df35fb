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

function writeUpPath(pageId: string): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
}

function MapRow(props: { map: MapSummary; pageId: string; siteUrl: string; today: string }) {
  const { map } = props;
  const focus = (): Promise<void> =>
    openInFocusMode({ address: { pageId: props.pageId, localId: map.macroId }, title: map.title });
  return (
    <li className="page-map-row" data-testid="byline-map">
      <MapGlance map={map} today={props.today} />
      <div className="page-map-actions">
        {map.writeUp ? (
          <ConfluenceLink siteUrl={props.siteUrl} path={writeUpPath(map.writeUp.pageId)}>
            Write-up: {map.writeUp.title}
          </ConfluenceLink>
        ) : (
          <span className="page-muted">
            No write-up yet (page ••• → Generate journey-map write-up)
          </span>
        )}
        <button type="button" onClick={() => void focus()}>
          Open in focus mode
        </button>
      </div>
    </li>
  );
}

/** The popup of the byline item. */
export function BylinePanel(props: { pageId: string; siteUrl: string; today: string }) {
  const state = usePageMaps(props.pageId);
  if (state.status === 'loading') return <p role="status">Loading…</p>;
  if (state.status === 'error') {
    return (
      <p className="banner is-error" role="alert">
        {state.error.message}
      </p>
    );
  }
  const { data } = state;
  return (
    <section className="page-panel" aria-label="Journey maps on this page">
      <h2 className="page-panel-title" data-testid="byline-title">
        {data.byline.title}
      </h2>
      {data.maps.length === 0 ? (
        <p data-testid="byline-empty">
          This page has no journey map yet. Insert one with “Insert journey map” while editing.
        </p>
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
        <p className="page-muted">{data.hiddenMaps} more maps are on the page.</p>
      ) : null}
    </section>
  );
}
