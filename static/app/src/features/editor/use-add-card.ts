/** Adding a card with a given text, as one undoable edit (a kept draft, "keep both" in a conflict). */
import type { CardKind } from '@domain/model/schema';
import { useEdit, useServices } from './editor-context';

/** Where a new card goes. */
export type NewCardPlace = { laneId: string; stepId: string; kind: CardKind };

/** A function that adds a card with `text` at `at`, recorded under the undo label `label`. */
export function useAddCard(): (args: { at: NewCardPlace; text: string; label: string }) => void {
  const { newId } = useServices();
  const edit = useEdit();
  return ({ at, text, label }) =>
    edit([{ type: 'card/add', id: newId('card'), ...at, text }], label);
}
