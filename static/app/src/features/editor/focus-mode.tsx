/**
 * The focus-mode button and shortcut (Alt+Shift+F): in the page it opens the map full-screen
 * (bridge Modal, decision 0026); inside focus mode it closes back to the page at the same place,
 * as Escape does when nothing is being edited.
 */
import { useCallback, useEffect } from 'react';
import { closeFocusMode, openFocusMode } from '../../bridge/focus-mode';
import { useEditor, useServices } from './editor-context';
import type { Place, UiState } from './ui-state';
import { useUi } from './ui-state';
import { useT } from '../../i18n';

/** The shortcut, as `aria-keyshortcuts` spells it. */
export const FOCUS_SHORTCUT = 'Alt+Shift+F';

/** The grid's scroll offsets and zoom now. */
export function currentPlace(ui: UiState, root: ParentNode = document): Place {
  const scroller = root.querySelector<HTMLElement>('.grid-scroller');
  return {
    left: scroller?.scrollLeft ?? 0,
    top: scroller?.scrollTop ?? 0,
    zoom: ui.zoom.get(),
  };
}

/** Moves the grid to a place (after focus mode handed it back). */
export function goToPlace(ui: UiState, place: Place): void {
  ui.zoom.set(place.zoom);
  requestAnimationFrame(() => {
    document.querySelector('.grid-scroller')?.scrollTo({ left: place.left, top: place.top });
  });
}

/** Opens (page) or closes (focus mode) focus mode; the same function for button and keys. */
export function useFocusToggle(): () => void {
  const ui = useUi();
  const t = useT();
  const { address, engine, announce } = useServices();
  const title = useEditor((s) => s.map.title);
  return useCallback(() => {
    if (ui.view === 'focus') {
      void closeFocusMode(currentPlace(ui));
      return;
    }
    void openFocusMode({
      request: { ...address, place: currentPlace(ui) },
      title: title || t('editor.focus.defaultTitle'),
      onClose: (place) => {
        // Edits made in focus mode were saved there: fetch them, then go back to where it was.
        void engine.pollNow(true);
        if (place) goToPlace(ui, place);
        document.querySelector<HTMLElement>('.focus-toggle')?.focus();
      },
    }).then((opened) => {
      if (!opened) announce(t('editor.focus.couldNotOpen'));
    });
  }, [ui, address, engine, announce, title, t]);
}

/** Global keys of focus mode: the shortcut anywhere; Escape (not editing) closes it. */
export function useFocusKeys(toggle: () => void, view: UiState['view']): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === 'KeyF') {
        e.preventDefault();
        toggle();
        return;
      }
      if (view !== 'focus' || e.key !== 'Escape' || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      // Escape inside a field cancels that edit; a second Escape (on the grid) leaves.
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (t?.closest('[role="dialog"], .details-panel, .insert-menu')) return;
      e.preventDefault();
      toggle();
    };
    // Bubble phase: the grid's own Escape (cancel a move, leave a card) runs and marks it first.
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, view]);
}

/** The toolbar button. */
export function FocusButton(props: { onToggle: () => void }) {
  const t = useT();
  const ui = useUi();
  const focus = ui.view === 'focus';
  return (
    <button
      type="button"
      className="focus-toggle"
      aria-keyshortcuts={FOCUS_SHORTCUT}
      title={
        focus
          ? t('editor.focus.backTitle', { keys: FOCUS_SHORTCUT })
          : t('editor.focus.openTitle', { keys: FOCUS_SHORTCUT })
      }
      onClick={props.onToggle}
    >
      {focus ? t('editor.focus.back') : t('editor.focus.open')}
    </button>
  );
}
