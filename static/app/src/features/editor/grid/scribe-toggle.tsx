/**
 * The toolbar's scribe-mode switch (a toggle button): with it on, typing in a focused cell
 * starts a card there, Enter adds it and Tab goes to the next lane.
 */
import { useCanEdit, useServices } from '../editor-context';
import { useValue } from '../value-store';
import { useScribe } from './scribe-state';

/** Toggles scribe mode (editors only). */
export function ScribeToggle() {
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
      title="Scribe mode: focus a cell and type; Enter adds the card, Tab goes to the next lane"
      onClick={() => {
        scribe.set(!on);
        announce(
          on
            ? 'Scribe mode off.'
            : 'Scribe mode on. Focus a cell and type a card; Enter adds it, Tab goes to the next lane, Escape cancels.',
        );
      }}
    >
      ✎ Scribe
    </button>
  );
}
