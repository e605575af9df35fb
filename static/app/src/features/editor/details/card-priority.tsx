import { classifyOpportunity } from '@domain/ranking/opportunities';
import { useT } from '../../../i18n';
import { useServices } from '../editor-context';
import type { CardSectionProps } from './card-section';

/** An opportunity's impact × feasibility and the pain points it answers. */
export function CardPriority({ card, map, patch, disabled }: CardSectionProps) {
  const t = useT();
  const { store } = useServices();
  const { opportunity } = card;
  if (!opportunity) return null;
  const painPoints = map.cards.filter((c) => c.kind === 'painPoint');
  return (
    <fieldset className="field">
      <legend>{t('editor.card.priority')}</legend>
      {(['impact', 'feasibility'] as const).map((k) => (
        <div key={k}>
          <label htmlFor={`opp-${k}`}>
            {k === 'impact' ? t('editor.card.impactScale') : t('editor.card.feasibilityScale')}
          </label>
          <select
            id={`opp-${k}`}
            disabled={disabled}
            value={card.opportunity?.[k] ?? 3}
            onChange={(e) =>
              card.opportunity &&
              patch({ opportunity: { ...card.opportunity, [k]: Number(e.target.value) } })
            }
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p>
        {t(`ranking.quadrant.${classifyOpportunity(opportunity.impact, opportunity.feasibility)}`)}
      </p>
      <div className="checks">
        <span>{t('editor.card.addresses')}</span>
        {painPoints.length === 0 && <span className="subtle">{t('editor.card.noPainPoints')}</span>}
        {painPoints.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              disabled={disabled}
              checked={card.opportunity?.painPointIds.includes(p.id) ?? false}
              onChange={(e) =>
                store.dispatch({
                  type: 'edit',
                  ops: [
                    {
                      type: 'card/link',
                      painPointId: p.id,
                      opportunityId: card.id,
                      linked: e.target.checked,
                    },
                  ],
                })
              }
            />{' '}
            {p.text || t('editor.card.untitledPainPoint')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
