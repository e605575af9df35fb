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
import { useT } from '../../i18n';

type Placement = 'samePage' | 'childPage';
type Phase =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; result: FutureStateResult }
  | { kind: 'error'; message: string };

/** The create menu (editors of a current-state map without a link). */
export function CreateFuture() {
  const t = useT();
  const { store, engine, address, transport, announce } = useServices();
  const [placement, setPlacement] = useState<Placement>('childPage');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const name = useId();

  const run = async () => {
    setPhase({ kind: 'working' });
    if (!(await waitUntilSaved({ store, engine }))) {
      setPhase({
        kind: 'error',
        message: t('future.create.notSaved'),
      });
      return;
    }
    const out = await transport.call('map/createFutureState', { ...address, placement });
    if (!out.ok) {
      setPhase({ kind: 'error', message: out.error.message });
      announce(t('future.create.failed', { error: out.error.message }));
      return;
    }
    setPhase({ kind: 'done', result: out.data });
    // Pick up the link the resolver saved on this map.
    await engine.pollNow(true);
    const what = out.data.created ? t('future.create.created') : t('future.create.found');
    announce(
      out.data.linked
        ? t('future.create.andLinked', { what })
        : t('future.create.butNotLinked', { what }),
    );
    flag({
      id: 'future-state',
      title: out.data.linked ? what : t('future.create.notLinked'),
      description: out.data.linked
        ? t('future.create.onPage', { page: out.data.pageTitle })
        : (out.data.linkError ?? ''),
      type: out.data.linked ? 'success' : 'warning',
    });
  };

  return (
    <details className="menu future-create">
      <summary>{t('future.create.menu')}</summary>
      <div className="future-menu" role="group" aria-label={t('future.create.menu')}>
        <fieldset>
          <legend>{t('future.create.putCopy')}</legend>
          <label>
            <input
              type="radio"
              name={name}
              checked={placement === 'childPage'}
              onChange={() => setPlacement('childPage')}
            />{' '}
            {t('future.create.childPage')}
          </label>
          <label>
            <input
              type="radio"
              name={name}
              checked={placement === 'samePage'}
              onChange={() => setPlacement('samePage')}
            />{' '}
            {t('future.create.samePage')}
          </label>
        </fieldset>
        <p className="subtle">{t('future.create.copies')}</p>
        <button
          type="button"
          className="primary-button"
          disabled={phase.kind === 'working'}
          onClick={() => void run()}
        >
          {phase.kind === 'working' ? t('future.create.creating') : t('future.create.createCopy')}
        </button>
        <div aria-live="polite">
          {phase.kind === 'error' && <p className="future-error">{phase.message}</p>}
          {phase.kind === 'done' && phase.result.linked && (
            <p>
              {phase.result.created
                ? t('future.create.createdShort')
                : t('future.create.foundShort')}
              {phase.result.future.pageId === address.pageId ? (
                <>
                  {' '}
                  {t('future.create.belowThisMap')}{' '}
                  <PageLink path={phase.result.pageUrl}>{t('future.create.reload')}</PageLink>{' '}
                  {t('future.create.toSeeIt')}
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
                <PageLink path={phase.result.pageUrl}>{t('future.create.openCopy')}</PageLink>
              </p>
              <button type="button" onClick={() => void run()}>
                {t('future.create.linkAgain')}
              </button>
            </div>
          )}
        </div>
      </div>
    </details>
  );
}
