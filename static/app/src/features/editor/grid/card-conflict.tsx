/**
 * At a card whose text I saved and someone else replaced without having seen it: who, both
 * versions, and one click to keep theirs, use mine, or keep both (mine as a new card beside it).
 */
import type { Card } from '@domain/model/schema';
import type { CardConflict } from '../state/editor-state';
import { useServices } from '../editor-context';
import { useNameOf } from '../presence/use-presence';
import { useT } from '../../../i18n';

/** The conflict panel of one card. */
export function CardConflictPanel({ conflict, card }: { conflict: CardConflict; card: Card }) {
  const t = useT();
  const { store, newId, announce } = useServices();
  const name = useNameOf(conflict.author);
  const resolve = () => store.dispatch({ type: 'resolveConflict', id: conflict.id });
  return (
    <div className="card-conflict" role="alert" onDoubleClick={(e) => e.stopPropagation()}>
      <p>
        <strong>{name}</strong> {t('editor.conflict.changed')}
      </p>
      <p className="version">
        <span className="who">{t('editor.conflict.theirs')}</span>{' '}
        {conflict.theirs || t('editor.conflict.empty')}
      </p>
      <p className="version">
        <span className="who">{t('editor.conflict.yours')}</span>{' '}
        {conflict.mine || t('editor.conflict.empty')}
      </p>
      <div className="actions">
        <button type="button" className="link-button" onClick={resolve}>
          {t('editor.conflict.keepTheirs')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/edit', id: card.id, patch: { text: conflict.mine } }],
            });
            resolve();
            announce(t('editor.conflict.mineBack'));
          }}
        >
          {t('editor.conflict.useMine')}
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
            });
            resolve();
            announce(t('editor.conflict.bothKept'));
          }}
        >
          {t('editor.conflict.keepBoth')}
        </button>
      </div>
    </div>
  );
}
