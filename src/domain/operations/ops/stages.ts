/**
 * Stage ops. Steps stay grouped by stage order in `map.steps`, so a stage move regroups them; a
 * stage delete cascades to its steps and their cards, and `stage/restore` puts all of it back.
 */
import { z } from 'zod';

import type { JourneyMap, Step } from '../../model/schema';
import { SHORT_TEXT_MAX, stageSchema, stepSchema } from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import {
  addEntity,
  clampIndex,
  done,
  drop,
  groupSteps,
  indexOfId,
  insertClamped,
  moveItem,
  removeAt,
  stepInsertIndex,
  textOf,
  withEntity,
} from '../helpers';
import { opId, position, restoreFields } from '../op-fields';
import { insertPlaced, restoreRefs } from '../refs';
import { admitStep, fixPathIds, removeSteps } from './structure';
import { defineRename } from './rename';

/** `stage/add`. */
export const stageAdd = defineOp({
  type: 'stage/add',
  fields: { id: opId, name: z.string(), index: position.optional() },
  apply: (map, op): ApplyResult =>
    addEntity(map, {
      key: 'stages',
      id: op.id,
      index: op.index,
      build: (id) => ({ id, name: textOf(op.name, SHORT_TEXT_MAX) ?? '' }),
      undo: { type: 'stage/delete', id: op.id },
    }),
});

/** `stage/rename`. */
export const stageRename = defineRename({ type: 'stage/rename', key: 'stages', what: 'stage' });

/** `stage/move`: its steps move with it. */
export const stageMove = defineOp({
  type: 'stage/move',
  fields: { id: opId, toIndex: position },
  apply(map, op): ApplyResult {
    const at = indexOfId(map.stages, op.id);
    if (at < 0) return drop(map, 'stage not found');
    const to = clampIndex(op.toIndex, map.stages.length - 1);
    if (to === at) return done(map, []);
    const stages = moveItem(map.stages, at, to);
    return done({ ...map, stages, steps: groupSteps(map.steps, stages) }, [
      { type: 'stage/move', id: op.id, toIndex: at },
    ]);
  },
});

/** `stage/delete`: with its steps and their cards; undone by `stage/restore`. */
export const stageDelete = defineOp({
  type: 'stage/delete',
  fields: { id: opId },
  apply: (map, op): ApplyResult =>
    withEntity(map, { key: 'stages', id: op.id, what: 'stage' }, (stage, at) => {
      const steps = map.steps.filter((s) => s.stageId === stage.id);
      const removed = removeSteps(map, new Set(steps.map((s) => s.id)));
      return done({ ...removed.map, stages: removeAt(map.stages, at) }, [
        {
          type: 'stage/restore',
          stage,
          index: at,
          steps,
          cards: removed.cards,
          refs: removed.refs,
        },
      ]);
    }),
});

/** `stage/restore`: `steps` in journey order, re-inserted as one block. */
export const stageRestore = defineOp({
  type: 'stage/restore',
  fields: {
    stage: stageSchema.describe('invalid stage'),
    steps: z.array(stepSchema),
    ...restoreFields,
  },
  apply(map, op): ApplyResult {
    const id = op.stage.id;
    if (indexOfId(map.stages, id) >= 0) return drop(map, 'stage id already exists');
    const stages = insertClamped(map.stages, op.index, {
      id,
      name: textOf(op.stage.name, SHORT_TEXT_MAX) ?? '',
    });
    let next: JourneyMap = { ...map, stages };
    const block: Step[] = [];
    for (const raw of op.steps) {
      const step = admitStep({ ...next, steps: [...next.steps, ...block] }, raw, id);
      if (step !== null) block.push(step);
    }
    const at = stepInsertIndex({ steps: map.steps, stages, stageId: id, index: 0 });
    const steps = map.steps.slice();
    steps.splice(at, 0, ...block);
    next = fixPathIds({ ...next, steps }, new Set(block.map((s) => s.id)));
    next = restoreRefs(insertPlaced(next, op.cards), op.refs);
    return done(next, [{ type: 'stage/delete', id }]);
  },
});

/** The stage ops. */
export const stageOps = [stageAdd, stageRename, stageMove, stageDelete, stageRestore] as const;
