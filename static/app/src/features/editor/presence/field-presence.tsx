/**
 * The one place a text field other than a card's takes part in presence (decision 0054): focus
 * inside says "I am typing here", leaving it (blur, or the field going away) says "no longer",
 * and others typing in the same field are marked on it as on a card.
 */
import type { ReactNode } from 'react';
import { useContext, useEffect } from 'react';
import { useT } from '../../../i18n';
import type { UiState } from '../ui-state';
import { UiContext } from '../ui-state';
import type { FieldPath } from './field-path';
import { PresenceBadges, presenceMark } from './presence-badges';
import { useEditorsOf } from './use-presence';

/** Focus left `path`: nothing is typed in (unless focus already moved to another field). */
function release(ui: UiState | null, path: FieldPath): void {
  if (ui?.editingField.get() === path) ui.editingField.set(null);
}

/** Wraps a field (`children`) named `path`: tells presence while focus is inside, marks others. */
export function FieldPresence(props: { path: FieldPath; children: ReactNode }) {
  const t = useT();
  const ui = useContext(UiContext);
  const { path } = props;
  const others = useEditorsOf({ field: path });
  const mark = presenceMark(others);
  // A field unmounted while focused (its panel closed, its item deleted) fires no blur.
  useEffect(() => () => release(ui, path), [ui, path]);
  return (
    <span
      className={`field-presence${mark.className}`}
      style={mark.style}
      onFocus={() => ui?.editingField.set(path)}
      onBlur={() => release(ui, path)}
    >
      {props.children}
      <PresenceBadges
        people={others}
        title={(name) => t('editor.presence.isEditingField', { name })}
      />
    </span>
  );
}
