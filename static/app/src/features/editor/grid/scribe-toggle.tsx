/**
 * The toolbar's scribe-mode switch (a toggle button): with it on, typing in a focused cell
 * starts a card there, Enter adds it and Tab goes to the next lane.
 */
import { useCanEdit, useServices } from '../editor-context';
import { useValue } from '../value-store';
import { useScribe } from './scribe-state';
import { useT } from '../../../i18n';

/** Toggles scribe mode (editors only). */
export function ScribeToggle() {
  const t = useT();
  const canEdit = useCanEdit();
  const scribe = useScribe();
  const on = useValue(scribe, (v) => v);
  const { announce } = useServices();
  if (!canEdit) return null;
  return (
    <button
      type="button"
      className={`scribe-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      title={t('editor.scribe.title')}
      onClick={() => {
        scribe.set(!on);
        announce(on ? t('editor.scribe.off') : t('editor.scribe.on'));
      }}
    >
      {t('editor.scribe.button')}
    </button>
  );
}
