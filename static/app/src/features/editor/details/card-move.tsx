import { useState } from 'react';
import { useServices } from '../editor-context';
import { LANE_INFO } from '../labels';
import { useT } from '../../../i18n';
import type { CardSectionProps } from './card-section';

/** "Move to…": a lane and a step picked from lists, for moving a card without dragging. */
export function CardMove({ card, map }: Pick<CardSectionProps, 'card' | 'map'>) {
  const t = useT();
  const { store, announce } = useServices();
  const [moveLane, setMoveLane] = useState(card.laneId);
  const [moveStep, setMoveStep] = useState(card.stepId);
  return (
    <fieldset className="field">
      <legend>{t('editor.move.title')}</legend>
      <label htmlFor="move-lane">{t('editor.move.lane')}</label>
      <select id="move-lane" value={moveLane} onChange={(e) => setMoveLane(e.target.value)}>
        {map.lanes
          .filter((l) => LANE_INFO[l.type].cardKind !== null)
          .map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
      </select>
      <label htmlFor="move-step">{t('editor.move.step')}</label>
      <select id="move-step" value={moveStep} onChange={(e) => setMoveStep(e.target.value)}>
        {map.steps.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => {
          const toIndex = map.cards.filter(
            (c) => c.laneId === moveLane && c.stepId === moveStep && c.id !== card.id,
          ).length;
          store.dispatch({
            type: 'edit',
            ops: [{ type: 'card/move', id: card.id, laneId: moveLane, stepId: moveStep, toIndex }],
          });
          const l = map.lanes.find((x) => x.id === moveLane)?.name;
          const s = map.steps.find((x) => x.id === moveStep)?.name;
          announce(
            t('editor.move.moved', {
              lane: l ?? t('editor.move.anyLane'),
              step: s ?? t('editor.move.anyStep'),
            }),
          );
        }}
      >
        {t('editor.move.move')}
      </button>
    </fieldset>
  );
}
