/**
 * At a card whose text I saved and someone else replaced without having seen it (or replaced
 * with "Use mine" after being told theirs stood): who, both versions, and one click to keep
 * theirs, use mine, or keep both (mine as a new card beside it). Each choice is said aloud.
 */
import type { Card } from '@domain/model/schema';
import type { CardConflict } from '../state/editor-state';
import { useEdit, useServices } from '../editor-context';
import { usePersonName } from '../../play/use-person-name';
import { useT } from '../../../i18n';
import { useAddCard } from '../use-add-card';
import { ConflictTheirs, ConflictVersion } from './conflict-theirs';

/** The conflict panel of one card. */
export function CardConflictPanel({ conflict, card }: { conflict: CardConflict; card: Card }) {
  const t = useT();
  const { store, announce } = useServices();
  const edit = useEdit();
  const addCard = useAddCard();
  const name = usePersonName(conflict.author || null) ?? t('editor.presence.someone');
  const resolve = (kept: 'theirs' | 'mine' | 'both') =>
    store.dispatch({ type: 'resolveConflict', id: conflict.id, kept });
  return (
    <div className="card-conflict" role="alert" onDoubleClick={(e) => e.stopPropagation()}>
      <ConflictTheirs name={name} theirs={conflict.theirs} />
      <ConflictVersion who={t('editor.conflict.yours')} text={conflict.mine} />
      <div className="actions">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            resolve('theirs');
            announce(t('editor.conflict.theirsKept'));
          }}
        >
          {t('editor.conflict.keepTheirs')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            edit([{ type: 'card/edit', id: card.id, patch: { text: conflict.mine } }]);
            resolve('mine');
            announce(t('editor.conflict.mineBack'));
          }}
        >
          {t('editor.conflict.useMine')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            addCard({
              at: { laneId: card.laneId, stepId: card.stepId, kind: card.kind },
              text: conflict.mine,
            });
            resolve('both');
            announce(t('editor.conflict.bothKept'));
          }}
        >
          {t('editor.conflict.keepBoth')}
        </button>
      </div>
    </div>
  );
}
