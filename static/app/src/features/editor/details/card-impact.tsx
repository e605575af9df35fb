import type { Impact } from '@domain/model/schema';
import { IMPACT_LABEL, keysOf } from '../labels';
import { useServices } from '../editor-context';
import { useT } from '../../../i18n';
import type { CardSectionProps } from './card-section';

/** A pain point's impact and its dot votes. */
export function CardImpact({ card, disabled }: CardSectionProps) {
  const t = useT();
  const { store } = useServices();
  const { painPoint } = card;
  if (!painPoint) return null;
  return (
    <fieldset className="field">
      <legend>{t('editor.card.impact')}</legend>
      <div className="checks">
        {keysOf(IMPACT_LABEL).map((i: Impact) => (
          <label key={i}>
            <input
              type="radio"
              name="impact"
              disabled={disabled}
              checked={card.painPoint?.impact === i}
              onChange={() =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'card/setImpact', id: card.id, impact: i }],
                  label: t('editor.op.changeImpact'),
                })
              }
            />{' '}
            {t(`vocabulary.impact.${i}`)}
          </label>
        ))}
      </div>
      <div className="votes">
        <span>{t('editor.card.votes', { count: painPoint.votes })}</span>
        <button
          type="button"
          disabled={disabled}
          aria-label={t('editor.card.addVote')}
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/vote', id: card.id, delta: 1 }],
              label: t('editor.op.vote'),
            })
          }
        >
          +1
        </button>
        <button
          type="button"
          disabled={disabled || painPoint.votes === 0}
          aria-label={t('editor.card.removeVote')}
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/vote', id: card.id, delta: -1 }],
              label: t('editor.op.unvote'),
            })
          }
        >
          −1
        </button>
      </div>
    </fieldset>
  );
}
