/**
 * Save status in words ("Saved", "Saving…", "Not saved yet — N changes kept…, retrying",
 * "Not saved — …") and
 * the notes about conflicts and dropped edits, each with what happened and what to do.
 */
import { useSyncExternalStore } from 'react';
import { useCanEdit, useEditor, useServices } from './editor-context';
import { unsentOps } from './state/editor-state';
import { ConfirmButton } from './confirm-button';
import { useT } from '../../i18n';

/** The status line. */
export function SyncStatus() {
  const t = useT();
  const canEdit = useCanEdit();
  const phase = useEditor((s) => s.phase);
  const unsent = useEditor((s) => unsentOps(s).length);
  const error = useEditor((s) => s.lastError);
  const { engine, store, drafts } = useServices();
  // Text typed but not sent yet (a field still open with a change): not "Saved".
  const typing = useSyncExternalStore(drafts.subscribe, () =>
    Object.keys(drafts.all()).some((k) => drafts.isOpen(k)),
  );
  if (!canEdit)
    return (
      <>
        <span className="status">{t('editor.sync.readOnly')}</span>
        <LiveBadge />
      </>
    );
  const changes = t('editor.sync.changes', { count: unsent });
  return (
    <>
      <span className={`status is-${phase}`} role="status" aria-live="polite">
        {phase === 'saved' && (typing ? t('editor.sync.editing') : t('editor.sync.saved'))}
        {phase === 'saving' && t('editor.sync.saving')}
        {phase === 'offline' && (
          <>
            {/* Say what happened: "offline" alone would hide a failing server behind a guess. */}
            {error
              ? t('editor.sync.offlineError', { changes, error })
              : t('editor.sync.offline', { changes })}{' '}
            <button type="button" className="link-button" onClick={() => engine.retryNow()}>
              {t('editor.sync.retryNow')}
            </button>
          </>
        )}
        {phase === 'blocked' && (
          <>
            {error
              ? t('editor.sync.blockedError', { changes, error })
              : t('editor.sync.blocked', { changes })}{' '}
            <button type="button" className="link-button" onClick={() => engine.retryNow()}>
              {t('editor.sync.retry')}
            </button>{' '}
            <ConfirmButton
              className="link-button"
              label={t('editor.sync.discardThem')}
              confirmLabel={t('editor.sync.discard')}
              question={t('editor.sync.discardQuestion', { changes })}
              onConfirm={() => store.dispatch({ type: 'discardUnsent' })}
            />
          </>
        )}
      </span>
      <LiveBadge />
    </>
  );
}

/** Whether others' edits arrive live. */
export function LiveBadge() {
  const t = useT();
  const live = useEditor((s) => s.live);
  return (
    <span
      className={`live-badge is-${live}`}
      title={t(`editor.sync.live.${live}.title`)}
      data-live={live}
    >
      <span className="dot" aria-hidden="true" />
      {t(`editor.sync.live.${live}.label`)}
    </span>
  );
}

/** Notes about the last saves: conflicts and dropped edits. */
export function SyncNotes() {
  const t = useT();
  const notes = useEditor((s) => s.notes);
  const { store } = useServices();
  if (!notes.length) return null;
  return (
    <ul className="notes" aria-label={t('editor.sync.saveNotes')}>
      {notes.map((n) => (
        <li key={n.id} className={`note is-${n.kind}`} role="alert">
          <span>{n.message}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => store.dispatch({ type: 'dismissNote', id: n.id })}
          >
            {t('editor.sync.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
