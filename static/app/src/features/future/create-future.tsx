/**
 * "Create future-state map": choose the same page or a new child page, save pending edits (the
 * copy is made from the stored map), call the resolver, then merge the linked current map. When
 * the copy was made but linking this map failed, the message says so and "Link again" repeats the
 * call, which finds the copy instead of making a second one.
 */
import { useId, useState } from 'react';
import type { FutureStateResult } from '@contract';
import { flag } from '../../bridge/client';
import { useServices } from '../editor/editor-context';
import { PageLink } from '../session/write-up';
import { waitUntilSaved } from '../session/wait-saved';

type Placement = 'samePage' | 'childPage';
type Phase =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; result: FutureStateResult }
  | { kind: 'error'; message: string };

/** The create menu (editors of a current-state map without a link). */
export function CreateFuture() {
  const { store, engine, address, transport, announce } = useServices();
  const [placement, setPlacement] = useState<Placement>('childPage');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const name = useId();

  const run = async () => {
    setPhase({ kind: 'working' });
    if (!(await waitUntilSaved({ store, engine }))) {
      setPhase({
        kind: 'error',
        message:
          'Your latest changes are not saved yet, so they would be missing from the copy. Try again in a moment.',
      });
      return;
    }
    const out = await transport.call('map/createFutureState', { ...address, placement });
    if (!out.ok) {
      setPhase({ kind: 'error', message: out.error.message });
      announce(`Future-state map not created: ${out.error.message}`);
      return;
    }
    setPhase({ kind: 'done', result: out.data });
    // Pick up the link the resolver saved on this map.
    await engine.pollNow(true);
    const what = out.data.created ? 'Future-state map created' : 'Future-state map found';
    announce(out.data.linked ? `${what} and linked.` : `${what}, but not linked.`);
    flag({
      id: 'future-state',
      title: out.data.linked ? what : 'Future-state map not linked',
      description: out.data.linked ? `On ${out.data.pageTitle}.` : (out.data.linkError ?? ''),
      type: out.data.linked ? 'success' : 'warning',
    });
  };

  return (
    <details className="menu future-create">
      <summary>Create future-state map</summary>
      <div className="future-menu" role="group" aria-label="Create future-state map">
        <fieldset>
          <legend>Put the copy</legend>
          <label>
            <input
              type="radio"
              name={name}
              checked={placement === 'childPage'}
              onChange={() => setPlacement('childPage')}
            />{' '}
            On a new child page
          </label>
          <label>
            <input
              type="radio"
              name={name}
              checked={placement === 'samePage'}
              onChange={() => setPlacement('samePage')}
            />{' '}
            On this page, below this map
          </label>
        </fieldset>
        <p className="subtle">
          Copies stages, steps, lanes and cards. Session notes, photos, votes and the write-up stay
          with this map.
        </p>
        <button
          type="button"
          className="primary-button"
          disabled={phase.kind === 'working'}
          onClick={() => void run()}
        >
          {phase.kind === 'working' ? 'Creating…' : 'Create copy'}
        </button>
        <div aria-live="polite">
          {phase.kind === 'error' && <p className="future-error">{phase.message}</p>}
          {phase.kind === 'done' && phase.result.linked && (
            <p>
              {phase.result.created ? 'Created' : 'Found'}
              {phase.result.future.pageId === address.pageId ? (
                <>
                  {' '}
                  below this map. <PageLink path={phase.result.pageUrl}>
                    Reload the page
                  </PageLink>{' '}
                  to see it.
                </>
              ) : (
                <>
                  : <PageLink path={phase.result.pageUrl}>{phase.result.pageTitle}</PageLink>
                </>
              )}
            </p>
          )}
          {phase.kind === 'done' && !phase.result.linked && (
            <div className="future-error">
              <p>
                {phase.result.linkError}{' '}
                <PageLink path={phase.result.pageUrl}>Open the copy</PageLink>
              </p>
              <button type="button" onClick={() => void run()}>
                Link again
              </button>
            </div>
          )}
        </div>
      </div>
    </details>
  );
}
