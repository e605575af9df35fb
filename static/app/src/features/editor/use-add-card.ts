/** Adding a card with a given text, as one undoable edit (a kept draft, "keep both" in a conflict). */
import type { CardKind } from '@domain/model/schema';
import { useEdit, useServices } from './editor-context';

/** Where a new card goes. */
export type NewCardPlace = { laneId: string; stepId: string; kind: CardKind };

/** A function that adds a card with `text` at `at` (one undoable edit). */
export function useAddCard(): (args: { at: NewCardPlace; text: string }) => void {
  const { newId } = useServices();
  const edit = useEdit();
  return ({ at, text }) => edit([{ type: 'card/add', id: newId('card'), ...at, text }]);
}
