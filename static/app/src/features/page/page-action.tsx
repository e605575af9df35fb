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

/** Which action this modal is. */
export type PageActionKind = 'writeUp' | 'futureState';

type Outcome =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; title: string; path: string; note?: string }
  | { status: 'error'; error: ResolverError };

const HEADINGS: Record<PageActionKind, string> = {
  writeUp: 'Generate journey-map write-up',
  futureState: 'Create future-state map',
};

async function runAction(args: {
  kind: PageActionKind;
  pageId: string;
  localId: string;
  placement: 'samePage' | 'childPage';
}): Promise<Outcome> {
  if (args.kind === 'writeUp') {
    const result = await call('writeup/generate', { pageId: args.pageId, localId: args.localId });
    if (!result.ok) return { status: 'error', error: result.error };
    return {
      status: 'done',
      title: result.data.title,
      path: result.data.url,
      note: result.data.created ? 'Write-up page created.' : 'Write-up page updated.',
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
      (result.data.created ? 'Future-state map created.' : 'The future-state map already exists.'),
  };
}

function ActionForm(props: {
  kind: PageActionKind;
  data: PageMaps;
  siteUrl: string;
  today: string;
}) {
  const { data, kind } = props;
  const candidates =
    kind === 'futureState' ? data.maps.filter((m) => m.state === 'current') : data.maps;
  const [chosen, setChosen] = useState(candidates[0]?.macroId ?? '');
  const [placement, setPlacement] = useState<'samePage' | 'childPage'>('childPage');
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  if (candidates.length === 0) {
    return (
      <p data-testid="page-action-empty">
        {data.maps.length === 0
          ? 'This page has no journey map, so there is nothing to do here. Insert a journey map on the page first.'
          : 'Every journey map on this page is a future-state map already. Create future-state maps from a current-state map.'}
      </p>
    );
  }
  const go = async (): Promise<void> => {
    setOutcome({ status: 'running' });
    setOutcome(await runAction({ kind, pageId: data.pageId, localId: chosen, placement }));
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
        <legend>{candidates.length === 1 ? 'Journey map' : 'Which journey map?'}</legend>
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
          Put the future-state map{' '}
          <select
            value={placement}
            onChange={(e) => setPlacement(e.target.value === 'samePage' ? 'samePage' : 'childPage')}
          >
            <option value="childPage">on a new child page</option>
            <option value="samePage">on this page, after the current map</option>
          </select>
        </label>
      ) : null}
      <button
        type="submit"
        className="page-primary-button"
        disabled={outcome.status === 'running'}
        data-testid="page-action-run"
      >
        {outcome.status === 'running' ? 'Working…' : HEADINGS[kind]}
      </button>
      {outcome.status === 'done' ? (
        <p role="status" data-testid="page-action-done">
          {outcome.note}{' '}
          <ConfluenceLink siteUrl={props.siteUrl} path={outcome.path}>
            Open “{outcome.title}”
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
  const state = usePageMaps(props.pageId);
  return (
    <section className="page-panel" aria-label={HEADINGS[props.kind]}>
      <h2 className="page-panel-title">{HEADINGS[props.kind]}</h2>
      {state.status === 'loading' ? <p role="status">Loading…</p> : null}
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
