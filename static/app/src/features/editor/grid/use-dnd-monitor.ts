/** Drag and drop of cards, steps, stages and lanes: one monitor for the whole grid. */
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { JourneyMap } from '@domain/model/schema';
import type { Op } from '@domain/operations/op-types';
import { translateNow } from '../../../i18n/i18n-context';
import { useServices } from '../editor-context';

/** Turns drops into edits; `onDragCard` hears which cell a dragged card left (null on drop). */
export function useDndMonitor(
  map: JourneyMap,
  canEdit: boolean,
  onDragCard: (cell: { laneId: string; stepId: string } | null) => void,
) {
  const { store, announce } = useServices();
  const latest = useRef({ map, onDragCard });
  useLayoutEffect(() => {
    latest.current = { map, onDragCard };
  });
  useEffect(() => {
    if (!canEdit) return;
    return monitorForElements({
      onDragStart({ source }) {
        if (source.data.type !== 'card') return;
        const card = latest.current.map.cards.find((c) => c.id === source.data.cardId);
        if (card) latest.current.onDragCard({ laneId: card.laneId, stepId: card.stepId });
      },
      onDrop({ source, location }) {
        latest.current.onDragCard(null);
        const target = location.current.dropTargets[0]?.data;
        if (!target) return;
        const m = latest.current.map;
        const ops: Op[] = [];
        let message = '';
        if (source.data.type === 'card') {
          const cardId = String(source.data.cardId);
          const card = m.cards.find((c) => c.id === cardId);
          if (!card) return;
          if (target.type === 'cell') {
            const laneId = String(target.laneId);
            const stepId = String(target.stepId);
            // Drop position inside the cell: before the first card whose middle is below the pointer.
            const cell = location.current.dropTargets[0]?.element;
            const others = [
              ...(cell?.querySelectorAll<HTMLElement>('[data-card-id]') ?? []),
            ].filter((el) => el.dataset.cardId !== cardId);
            const y = location.current.input.clientY;
            const before = others.findIndex((el) => {
              const r = el.getBoundingClientRect();
              return y < r.top + r.height / 2;
            });
            const toIndex = before === -1 ? others.length : before;
            ops.push({ type: 'card/move', id: cardId, laneId, stepId, toIndex });
            const lane = m.lanes.find((l) => l.id === laneId);
            const step = m.steps.find((s) => s.id === stepId);
            message = translateNow('editor.dnd.cardMoved', {
              lane: lane?.name ?? translateNow('editor.dnd.lane'),
              step: step?.name ?? translateNow('editor.dnd.step'),
            });
          }
        } else if (source.data.type === 'step' && target.type === 'step') {
          const targetStep = m.steps.find((s) => s.id === target.id);
          if (!targetStep) return;
          const inStage = m.steps.filter(
            (s) => s.stageId === targetStep.stageId && s.id !== source.data.id,
          );
          const toIndex = Math.max(
            0,
            inStage.findIndex((s) => s.id === targetStep.id),
          );
          ops.push({
            type: 'step/move',
            id: String(source.data.id),
            stageId: targetStep.stageId,
            toIndex,
          });
          message = translateNow('editor.dnd.stepMoved', { step: targetStep.name });
        } else if (source.data.type === 'stage' && target.type === 'stage') {
          const toIndex = m.stages.findIndex((s) => s.id === target.id);
          ops.push({ type: 'stage/move', id: String(source.data.id), toIndex });
          message = translateNow('editor.dnd.stageMoved', { position: toIndex + 1 });
        } else if (source.data.type === 'lane' && target.type === 'lane') {
          const toIndex = m.lanes.findIndex((l) => l.id === target.id);
          const targetLane = m.lanes[toIndex];
          if (targetLane && targetLane.zone !== source.data.zone) {
            ops.push({ type: 'lane/setZone', id: String(source.data.id), zone: targetLane.zone });
          }
          ops.push({ type: 'lane/move', id: String(source.data.id), toIndex });
          message = translateNow('editor.dnd.laneMoved');
        }
        if (!ops.length) return;
        store.dispatch({ type: 'edit', ops });
        announce(message);
      },
    });
  }, [canEdit, store, announce]);
}
