/** Undo and redo, enabled by the editor's history. */
import { useEditor, useServices } from './editor-context';
import { useT } from '../../i18n';

/** The toolbar's undo / redo group (shown to editors). */
export function HistoryButtons() {
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const { store } = useServices();
  const t = useT();
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';
  return (
    <div className="toolbar-group">
      <button
        type="button"
        aria-keyshortcuts="Control+Z Meta+Z"
        title={t('editor.history.undoTitle', { mod })}
        disabled={!canUndo}
        onClick={() => store.dispatch({ type: 'undo' })}
      >
        <span aria-hidden="true">↶</span> {t('editor.history.undo')}
      </button>
      <button
        type="button"
        aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z"
        title={t('editor.history.redoTitle', { mod })}
        disabled={!canRedo}
        onClick={() => store.dispatch({ type: 'redo' })}
      >
        <span aria-hidden="true">↷</span> {t('editor.history.redo')}
      </button>
    </div>
  );
}
