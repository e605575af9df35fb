/**
 * The ••• page actions "Generate journey-map write-up" and "Create future-state map": the same
 * resolver keys (and so the same use cases) as the macro's buttons, addressed at a map of the
 * page the action is on (the server checks it against the context: decision 0032). On a page
 * without a map they say so.
 */
import { useState } from 'react';
import type { PageMaps, ResolverError } from '@contract';
import { call } from '../../bridge/client';
import { ConfluenceLink } from '../index/map-link';
import { MapGlance } from './map-glance';
import { usePageMaps } from './use-page-maps';
import { useT } from '../../i18n';

/** Which action this modal is. */
export type PageActionKind = 'writeUp' | 'futureState';

type Outcome =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; title: string; path: string; note?: string }
  | { status: 'error'; error: ResolverError };

/** A translate function (the one `useT` answers). */
type Translate = ReturnType<typeof useT>;

async function runAction(args: {
  kind: PageActionKind;
  pageId: string;
  localId: string;
  placement: 'samePage' | 'childPage';
  t: Translate;
}): Promise<Outcome> {
  const { t } = args;
  if (args.kind === 'writeUp') {
    const result = await call('writeup/generate', {
      pageId: args.pageId,
      localId: args.localId,
    });
    if (!result.ok) return { status: 'error', error: result.error };
    return {
      status: 'done',
      title: result.data.title,
      path: result.data.url,
      note: result.data.created ? t('page.action.writeUpCreated') : t('page.action.writeUpUpdated'),
    };
  }
  const result = await call('map/createFutureState', {
    pageId: args.pageId,
    localId: args.localId,
    placement: args.placement,
  });
  if (!result.ok) return { status: 'error', error: result.error };
  return {
    status: 'done',
    title: result.data.pageTitle,
    path: result.data.pageUrl,
    note:
      result.data.linkError ??
      (result.data.created ? t('page.action.futureCreated') : t('page.action.futureExists')),
  };
}

function ActionForm(props: {
  kind: PageActionKind;
  data: PageMaps;
  siteUrl: string;
  today: string;
}) {
  const t = useT();
  const { data, kind } = props;
  const candidates =
    kind === 'futureState' ? data.maps.filter((m) => m.state === 'current') : data.maps;
  const [chosen, setChosen] = useState(candidates[0]?.macroId ?? '');
  const [placement, setPlacement] = useState<'samePage' | 'childPage'>('childPage');
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  if (candidates.length === 0) {
    return (
      <p data-testid="page-action-empty">
        {data.maps.length === 0 ? t('page.action.noMap') : t('page.action.allFuture')}
      </p>
    );
  }
  const go = async (): Promise<void> => {
    setOutcome({ status: 'running' });
    setOutcome(await runAction({ kind, pageId: data.pageId, localId: chosen, placement, t }));
  };
  return (
    <form
      className="page-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void go();
      }}
    >
      <fieldset>
        <legend>
          {candidates.length === 1 ? t('page.action.journeyMap') : t('page.action.whichMap')}
        </legend>
        {candidates.map((map) => (
          <label key={map.macroId} className="page-map-choice">
            <input
              type="radio"
              name="map"
              value={map.macroId}
              checked={chosen === map.macroId}
              onChange={() => setChosen(map.macroId)}
            />
            <MapGlance map={map} today={props.today} />
          </label>
        ))}
      </fieldset>
      {kind === 'futureState' ? (
        <label className="page-action-placement">
          {t('page.action.putFuture')}{' '}
          <select
            value={placement}
            onChange={(e) => setPlacement(e.target.value === 'samePage' ? 'samePage' : 'childPage')}
          >
            <option value="childPage">{t('page.action.childPage')}</option>
            <option value="samePage">{t('page.action.samePage')}</option>
          </select>
        </label>
      ) : null}
      <button
        type="submit"
        className="page-primary-button"
        disabled={outcome.status === 'running'}
        data-testid="page-action-run"
      >
        {outcome.status === 'running' ? t('page.action.working') : t(`page.action.heading.${kind}`)}
      </button>
      {outcome.status === 'done' ? (
        <p role="status" data-testid="page-action-done">
          {outcome.note}{' '}
          <ConfluenceLink siteUrl={props.siteUrl} path={outcome.path}>
            {t('page.action.open', { title: outcome.title })}
          </ConfluenceLink>
        </p>
      ) : null}
      {outcome.status === 'error' ? (
        <p className="banner is-error" role="alert">
          {outcome.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** The modal of a ••• page action. */
export function PageAction(props: {
  kind: PageActionKind;
  pageId: string;
  siteUrl: string;
  today: string;
}) {
  const t = useT();
  const state = usePageMaps(props.pageId);
  const heading = t(`page.action.heading.${props.kind}`);
  return (
    <section className="page-panel" aria-label={heading}>
      <h2 className="page-panel-title">{heading}</h2>
      {state.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {state.status === 'error' ? (
        <p className="banner is-error" role="alert">
          {state.error.message}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <ActionForm
          kind={props.kind}
          data={state.data}
          siteUrl={props.siteUrl}
          today={props.today}
        />
      ) : null}
    </section>
  );
}
