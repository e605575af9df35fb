/**
 * Decision paths: the labelled branches of a decision step. Deleting a path clears it from the
 * steps that followed it; `step/restorePath` puts the path and those references back.
 */
import { z } from 'zod';

import type { JourneyMap, Step } from '../../model/schema';
import { pathSchema, SHORT_TEXT_MAX } from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import {
  done,
  drop,
  indexOfId,
  insertClamped,
  removeAt,
  replaceAt,
  textOf,
  withNewId,
} from '../helpers';
import type { ClearedRefs } from '../op-fields';
import { clearedRefsSchema, opId, position } from '../op-fields';
import { clearRefs, restoreRefs } from '../refs';
import { pathOwners } from './structure';
import { withStep } from './steps';

/** Adds path `{ id, label }` to the step at `at` (at `index`, else the end). */
function addPath(
  map: JourneyMap,
  target: { step: Step; at: number },
  path: { id: string; label: string; index?: number; refs?: ClearedRefs },
): ApplyResult {
  const { step, at } = target;
  const owners = pathOwners(map.steps);
  return withNewId(map, { id: path.id, taken: (id) => owners.has(id), what: 'path' }, (id) => {
    const label = textOf(path.label, SHORT_TEXT_MAX) ?? '';
    const paths = insertClamped(step.paths, path.index, { id, label });
    const added = { ...map, steps: replaceAt(map.steps, at, { ...step, paths }) };
    return done(restoreRefs(added, path.refs), [
      { type: 'step/deletePath', id: step.id, pathId: id },
    ]);
  });
}

/** `step/addPath`. */
export const stepAddPath = defineOp({
  type: 'step/addPath',
  fields: { id: opId, pathId: z.string(), label: z.string() },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, at) =>
      addPath(map, { step, at }, { id: op.pathId, label: op.label }),
    ),
});

/** `step/restorePath`: the inverse of `step/deletePath`. */
export const stepRestorePath = defineOp({
  type: 'step/restorePath',
  fields: {
    id: opId,
    path: pathSchema.describe('path id missing, invalid or taken'),
    index: position,
    refs: clearedRefsSchema,
  },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, at) =>
      addPath(map, { step, at }, { ...op.path, index: op.index, refs: op.refs }),
    ),
});

/** `step/renamePath`. */
export const stepRenamePath = defineOp({
  type: 'step/renamePath',
  fields: { id: opId, pathId: z.string(), label: z.string() },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) => {
      const p = indexOfId(step.paths, op.pathId);
      const path = step.paths[p];
      if (path === undefined) return drop(map, 'path not found');
      const label = textOf(op.label, SHORT_TEXT_MAX) ?? '';
      return update(
        { paths: replaceAt(step.paths, p, { ...path, label }) },
        { type: 'step/renamePath', id: step.id, pathId: path.id, label: path.label },
      );
    }),
});

/** `step/deletePath`; undone by `step/restorePath`. */
export const stepDeletePath = defineOp({
  type: 'step/deletePath',
  fields: { id: opId, pathId: z.string() },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, at) => {
      const p = indexOfId(step.paths, op.pathId);
      const path = step.paths[p];
      if (path === undefined) return drop(map, 'path not found');
      const cleared = clearRefs(map, { pathIds: new Set([path.id]) });
      const steps = replaceAt(cleared.map.steps, at, { ...step, paths: removeAt(step.paths, p) });
      return done({ ...cleared.map, steps }, [
        { type: 'step/restorePath', id: step.id, path, index: p, refs: cleared.refs },
      ]);
    }),
});

/** The decision-path ops. */
export const stepPathOps = [stepAddPath, stepRenamePath, stepDeletePath, stepRestorePath] as const;
