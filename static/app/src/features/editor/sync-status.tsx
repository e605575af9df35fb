/**
 * Save status in words ("Saved", "Saving…", "Not saved yet — N changes kept…, retrying",
 * "Not saved — …") and
 * the notes about conflicts and dropped edits, each with what happened and what to do.
 */
import { useSyncExternalStore } from 'react';
import { useCanEdit, useEditor, useServices } from './editor-context';
import type { LiveState } from './state/editor-state';
import { unsentOps } from './state/editor-state';
import { ConfirmButton } from './confirm-button';

/** The status line. */
export function SyncStatus() {
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
        <span className="status">Read-only</span>
        <LiveBadge />
      </>
    );
  const changes = `${unsent} ${unsent === 1 ? 'change' : 'changes'}`;
  return (
    <>
      <span className={`status is-${phase}`} role="status" aria-live="polite">
        {phase === 'saved' && (typing ? 'Editing…' : '✓ Saved')}
        {phase === 'saving' && 'Saving…'}
        {phase === 'offline' && (
          <>
            {/* Say what happened: "offline" alone would hide a failing server behind a guess. */}
            Not saved yet — {changes} kept on this device, retrying
            {error ? `: ${error}` : '.'}{' '}
            <button type="button" className="link-button" onClick={() => engine.retryNow()}>
              Retry now
            </button>
          </>
        )}
        {phase === 'blocked' && (
          <>
            Not saved — {changes} kept{error ? `: ${error}` : ''}{' '}
            <button type="button" className="link-button" onClick={() => engine.retryNow()}>
              Retry
            </button>{' '}
            <ConfirmButton
              className="link-button"
              label="Discard them"
              confirmLabel="Discard"
              question={`Discard ${changes} that could not be saved?`}
              onConfirm={() => store.dispatch({ type: 'discardUnsent' })}
            />
          </>
        )}
      </span>
      <LiveBadge />
    </>
  );
}

const LIVE_LABEL: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  off: 'Not live',
};

const LIVE_TITLE: Record<LiveState, string> = {
  connecting: 'Connecting to live updates.',
  live: "Other people's edits appear as they save them.",
  reconnecting: 'The live connection dropped; reconnecting. Your edits are still saved.',
  off: "Live updates are not available; other people's edits are checked every 45 seconds. Your edits are still saved.",
};

/** Whether others' edits arrive live. */
export function LiveBadge() {
  const live = useEditor((s) => s.live);
  return (
    <span className={`live-badge is-${live}`} title={LIVE_TITLE[live]} data-live={live}>
      <span className="dot" aria-hidden="true" />
      {LIVE_LABEL[live]}
    </span>
  );
}

/** Notes about the last saves: conflicts and dropped edits. */
export function SyncNotes() {
  const notes = useEditor((s) => s.notes);
  const { store } = useServices();
  if (!notes.length) return null;
  return (
    <ul className="notes" aria-label="Save notes">
      {notes.map((n) => (
        <li key={n.id} className={`note is-${n.kind}`} role="alert">
          <span>{n.message}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => store.dispatch({ type: 'dismissNote', id: n.id })}
          >
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
