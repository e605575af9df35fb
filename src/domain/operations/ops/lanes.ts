/**
 * Lane ops. A lane delete takes its cards (and the links to them); `lane/restore` puts the lane
 * back at its position with those cards and references.
 */
import { z } from 'zod';

import type { JourneyMap } from '../../model/schema';
import { laneSchema, laneTypes, SHORT_TEXT_MAX, zones } from '../../model/schema';
import { createLane } from '../../model/factories';
import { defineOp } from '../define-op';
import type { ApplyResult, EntityChange } from '../helpers';
import {
  addEntity,
  clampIndex,
  done,
  drop,
  indexOfId,
  insertClamped,
  moveItem,
  removeAt,
  textOf,
  withEntity,
} from '../helpers';
import { opId, position, restoreFields } from '../op-fields';
import { clearRefs, insertPlaced, restoreRefs } from '../refs';
import { placedCards } from './structure';
import { defineRename } from './rename';

const zone = z.enum(zones, 'unknown zone');

/** Runs `change` on the lane `id` names; `update` answers a no-op when nothing changed. */
function withLane(map: JourneyMap, id: string, change: EntityChange<'lanes'>): ApplyResult {
  return withEntity(map, { key: 'lanes', id, what: 'lane' }, change);
}

/** `lane/add`. */
export const laneAdd = defineOp({
  type: 'lane/add',
  fields: {
    id: opId,
    laneType: z.enum(laneTypes, 'unknown lane type'),
    name: z.string(),
    zone,
    index: position.optional(),
  },
  apply: (map, op): ApplyResult =>
    addEntity(map, {
      key: 'lanes',
      id: op.id,
      index: op.index,
      build: (id) =>
        createLane({
          id,
          type: op.laneType,
          name: textOf(op.name, SHORT_TEXT_MAX) ?? '',
          zone: op.zone,
        }),
      undo: { type: 'lane/delete', id: op.id },
    }),
});

/** `lane/restore`: the inverse of `lane/delete`. */
export const laneRestore = defineOp({
  type: 'lane/restore',
  fields: { lane: laneSchema.describe('invalid lane'), ...restoreFields },
  apply(map, op): ApplyResult {
    const lane = { ...op.lane, name: textOf(op.lane.name, SHORT_TEXT_MAX) ?? '' };
    if (indexOfId(map.lanes, lane.id) >= 0) return drop(map, 'lane id already exists');
    const added = { ...map, lanes: insertClamped(map.lanes, op.index, lane) };
    return done(restoreRefs(insertPlaced(added, op.cards), op.refs), [
      { type: 'lane/delete', id: lane.id },
    ]);
  },
});

/** `lane/rename`. */
export const laneRename = defineRename({ type: 'lane/rename', key: 'lanes', what: 'lane' });

/** `lane/setHidden`. */
export const laneSetHidden = defineOp({
  type: 'lane/setHidden',
  fields: { id: opId, hidden: z.boolean() },
  apply: (map, op): ApplyResult =>
    withLane(map, op.id, (lane, _, update) =>
      update({ hidden: op.hidden }, { type: 'lane/setHidden', id: lane.id, hidden: lane.hidden }),
    ),
});

/** `lane/setZone`: on stage or back stage. */
export const laneSetZone = defineOp({
  type: 'lane/setZone',
  fields: { id: opId, zone },
  apply: (map, op): ApplyResult =>
    withLane(map, op.id, (lane, _, update) =>
      update({ zone: op.zone }, { type: 'lane/setZone', id: lane.id, zone: lane.zone }),
    ),
});

/** `lane/move`: `toIndex` is a position after removal. */
export const laneMove = defineOp({
  type: 'lane/move',
  fields: { id: opId, toIndex: position },
  apply: (map, op): ApplyResult =>
    withLane(map, op.id, (lane, at) => {
      const to = clampIndex(op.toIndex, map.lanes.length - 1);
      if (to === at) return done(map, []);
      return done({ ...map, lanes: moveItem(map.lanes, at, to) }, [
        { type: 'lane/move', id: lane.id, toIndex: at },
      ]);
    }),
});

/** `lane/delete`: with its cards; undone by `lane/restore`. */
export const laneDelete = defineOp({
  type: 'lane/delete',
  fields: { id: opId },
  apply: (map, op): ApplyResult =>
    withLane(map, op.id, (lane, at) => {
      const cards = placedCards(map, (laneId) => laneId === lane.id);
      const cardIds = new Set(cards.map((p) => p.card.id));
      const cleared = clearRefs(map, { cardIds });
      return done(
        {
          ...cleared.map,
          lanes: removeAt(map.lanes, at),
          cards:
            cards.length === 0
              ? cleared.map.cards
              : cleared.map.cards.filter((c) => !cardIds.has(c.id)),
        },
        [{ type: 'lane/restore', lane, index: at, cards, refs: cleared.refs }],
      );
    }),
});

/** The lane ops. */
export const laneOps = [
  laneAdd,
  laneRename,
  laneMove,
  laneSetHidden,
  laneSetZone,
  laneDelete,
  laneRestore,
] as const;
