import type { Impact } from '@domain/model/schema';
import { IMPACT_LABEL, keysOf } from '../labels';
import { useServices } from '../editor-context';
import type { CardSectionProps } from './card-section';

/** A pain point's impact and its dot votes. */
export function CardImpact({ card, disabled }: CardSectionProps) {
  const { store } = useServices();
  const { painPoint } = card;
  if (!painPoint) return null;
  return (
    <fieldset className="field">
      <legend>Impact</legend>
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
                  label: 'Change impact',
                })
              }
            />{' '}
            {IMPACT_LABEL[i]}
          </label>
        ))}
      </div>
      <div className="votes">
        <span>
          {painPoint.votes} {painPoint.votes === 1 ? 'vote' : 'votes'}
        </span>
        <button
          type="button"
          disabled={disabled}
          aria-label="+1: add a vote"
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/vote', id: card.id, delta: 1 }],
              label: 'Vote',
            })
          }
        >
          +1
        </button>
        <button
          type="button"
          disabled={disabled || painPoint.votes === 0}
          aria-label="−1: remove a vote"
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/vote', id: card.id, delta: -1 }],
              label: 'Unvote',
            })
          }
        >
          −1
        </button>
      </div>
    </fieldset>
  );
}
