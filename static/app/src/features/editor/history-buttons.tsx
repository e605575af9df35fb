/** Undo and redo, enabled by the editor's history. */
import { useEditor, useServices } from './editor-context';
import { useT } from '../../i18n';

/** The toolbar's undo / redo group (shown to editors). */
export function HistoryButtons() {
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';
  return (
    <div className="toolbar-group">
      <HistoryButton action="undo" enabled={canUndo} mod={mod} />
      <HistoryButton action="redo" enabled={canRedo} mod={mod} />
    </div>
  );
}

const LOOK = {
  undo: { glyph: '↶', keys: 'Control+Z Meta+Z' },
  redo: { glyph: '↷', keys: 'Shift+Control+Z Shift+Meta+Z' },
} as const;

/** Undo or redo, titled with its shortcut (`mod`: ⌘ on a Mac, else Ctrl). */
function HistoryButton(props: { action: 'undo' | 'redo'; enabled: boolean; mod: string }) {
  const { store } = useServices();
  const t = useT();
  const { action, mod } = props;
  const words =
    action === 'undo'
      ? { label: t('editor.history.undo'), title: t('editor.history.undoTitle', { mod }) }
      : { label: t('editor.history.redo'), title: t('editor.history.redoTitle', { mod }) };
  return (
    <button
      type="button"
      aria-keyshortcuts={LOOK[action].keys}
      title={words.title}
      disabled={!props.enabled}
      onClick={() => store.dispatch({ type: action })}
    >
      <span aria-hidden="true">{LOOK[action].glyph}</span> {words.label}
    </button>
  );
}
