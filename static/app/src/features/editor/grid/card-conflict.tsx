/**
 * At a card whose text I saved and someone else replaced without having seen it: who, both
 * versions, and one click to keep theirs, use mine, or keep both (mine as a new card beside it).
 */
import type { Card } from '@domain/model/schema';
import type { CardConflict } from '../state/editor-state';
import { useServices } from '../editor-context';
import { useNameOf } from '../presence/use-presence';

/** The conflict panel of one card. */
export function CardConflictPanel({ conflict, card }: { conflict: CardConflict; card: Card }) {
  const { store, newId, announce } = useServices();
  const name = useNameOf(conflict.author);
  const resolve = () => store.dispatch({ type: 'resolveConflict', id: conflict.id });
  return (
    <div className="card-conflict" role="alert" onDoubleClick={(e) => e.stopPropagation()}>
      <p>
        <strong>{name}</strong> changed this while you were typing.
      </p>
      <p className="version">
        <span className="who">Theirs:</span> {conflict.theirs || '(empty)'}
      </p>
      <p className="version">
        <span className="who">Yours:</span> {conflict.mine || '(empty)'}
      </p>
      <div className="actions">
        <button type="button" className="link-button" onClick={resolve}>
          Keep theirs
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/edit', id: card.id, patch: { text: conflict.mine } }],
              label: 'Use my text',
            });
            resolve();
            announce('Your text is back on the card.');
          }}
        >
          Use mine
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            store.dispatch({
              type: 'edit',
              ops: [
                {
                  type: 'card/add',
                  id: newId('card'),
                  laneId: card.laneId,
                  stepId: card.stepId,
                  kind: card.kind,
                  text: conflict.mine,
                },
              ],
              label: 'Keep both texts',
            });
            resolve();
            announce('Both kept: your text is a new card in the same cell.');
          }}
        >
          Keep both
        </button>
      </div>
    </div>
  );
}
