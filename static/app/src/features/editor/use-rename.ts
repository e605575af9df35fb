/**
 * Renaming a stage, step or lane, wherever its name is edited (its grid header, its details
 * panel): the field's accessible name, its name on the presence channel, and the edit (one
 * undoable step).
 */
import { useT } from '../../i18n';
import { useEdit } from './editor-context';
import type { FieldPath } from './presence/field-path';
import { itemField } from './presence/field-path';

/** What can be renamed in place. */
export type Renamable = { type: 'stage' | 'step' | 'lane'; id: string };

/** The name field's label, presence name and a `commit(name)` recording one undoable edit. */
export function useRename(item: Renamable): {
  label: string;
  presence: FieldPath;
  commit: (name: string) => void;
} {
  const t = useT();
  const edit = useEdit();
  const { type, id } = item;
  const label =
    type === 'stage'
      ? t('editor.header.stageName')
      : type === 'step'
        ? t('editor.step.nameLabel')
        : t('editor.lane.nameLabel');
  return {
    label,
    presence: itemField(type, id),
    commit: (name) => edit([{ type: `${type}/rename`, id, name }]),
  };
}
