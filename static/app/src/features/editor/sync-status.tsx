/**
 * Save status in words ("Saved", "Saving…", "Not saved yet — N changes kept…, retrying",
 * "Not saved — …") and
 * the notes about conflicts and dropped edits, each with what happened and what to do.
 */
import { useCanEdit, useEditor, useServices } from './editor-context';
import { unsentOps } from './state/editor-state';
import { ConfirmButton } from './confirm-button';

/** The status line. */
export function SyncStatus() {
  const canEdit = useCanEdit();
  const phase = useEditor((s) => s.phase);
  const unsent = useEditor((s) => unsentOps(s).length);
  const error = useEditor((s) => s.lastError);
  const { engine, store } = useServices();
  if (!canEdit) return <span className="status">Read-only</span>;
  const changes = `${unsent} ${unsent === 1 ? 'change' : 'changes'}`;
  return (
    <span className={`status is-${phase}`} role="status" aria-live="polite">
      {phase === 'saved' && '✓ Saved'}
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
