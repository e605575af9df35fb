/**
 * Renaming a stage, step or lane, wherever its name is edited (its grid header, its details
 * panel): the field's accessible name, and the edit with its undo label.
 */
import { useT } from '../../i18n';
import { useEdit } from './editor-context';

/** What can be renamed in place. */
export type Renamable = { type: 'stage' | 'step' | 'lane'; id: string };

/** The name field's label and a `commit(name)` that records the rename as one undoable edit. */
export function useRename(item: Renamable): { label: string; commit: (name: string) => void } {
  const t = useT();
  const edit = useEdit();
  const { type, id } = item;
  const words =
    type === 'stage'
      ? { label: t('editor.header.stageName'), undo: t('editor.op.renameStage') }
      : type === 'step'
        ? { label: t('editor.step.nameLabel'), undo: t('editor.op.renameStep') }
        : { label: t('editor.lane.nameLabel'), undo: t('editor.op.renameLane') };
  return {
    label: words.label,
    commit: (name) => edit([{ type: `${type}/rename`, id, name }], words.undo),
  };
}
