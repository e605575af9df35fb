/**
 * Step ops. `index` is a position among the steps of the target stage (steps stay grouped by
 * stage); a step delete takes its cards and the references to it, and `step/restore` brings
 * them back.
 */
import { z } from 'zod';

import { clampNumber, isId } from '../../model/restore-values';
import type { JourneyMap, Metrics } from '../../model/schema';
import { moments, SHORT_TEXT_MAX, stepKinds, stepSchema } from '../../model/schema';
import { createStep } from '../../model/factories';
import { defineOp } from '../define-op';
import type { ApplyResult, EntityChange } from '../helpers';
import {
  addEntity,
  changedKeys,
  done,
  drop,
  indexOfId,
  insertAt,
  pick,
  removeAt,
  stageIndexOf,
  stepInsertIndex,
  textOf,
  withEntity,
} from '../helpers';
import { opId, position, restoreFields } from '../op-fields';
import { insertPlaced, restoreRefs } from '../refs';
import { admitStep, fixPathIds, pathOwners, removeSteps } from './structure';
import { defineRename } from './rename';

const METRIC_RANGES: Readonly<Record<keyof Metrics, { min: number; max: number }>> = {
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
  fcr: { min: 0, max: 100 },
};

const stepKind = z.enum(stepKinds, 'unknown step kind');
const metric = z.number().nullable().optional();

/**
 * Runs `change` on the step `id` names: `update` sets fields and answers a no-op when nothing
 * changed, else the new map with `inverse`.
 */
export function withStep(map: JourneyMap, id: string, change: EntityChange<'steps'>): ApplyResult {
  return withEntity(map, { key: 'steps', id, what: 'step' }, change);
}

/** `step/add`. */
export const stepAdd = defineOp({
  type: 'step/add',
  fields: {
    id: opId,
    stageId: opId,
    name: z.string(),
    kind: stepKind.optional(),
    index: position.optional(),
  },
  apply: (map, op): ApplyResult =>
    addEntity(map, {
      key: 'steps',
      id: op.id,
      at: stepInsertIndex({ ...op, steps: map.steps, stages: map.stages }),
      build: (id) =>
        indexOfId(map.stages, op.stageId) < 0
          ? 'stage not found'
          : createStep({
              id,
              stageId: op.stageId,
              name: textOf(op.name, SHORT_TEXT_MAX) ?? '',
              kind: op.kind ?? 'action',
            }),
      undo: { type: 'step/delete', id: op.id },
    }),
});

/** `step/restore`: the inverse of `step/delete`, with the step's cards and references. */
export const stepRestore = defineOp({
  type: 'step/restore',
  fields: { step: stepSchema.describe('invalid step'), ...restoreFields },
  apply(map, op): ApplyResult {
    const stageId = op.step.stageId;
    if (indexOfId(map.stages, stageId) < 0) return drop(map, 'stage not found');
    const step = admitStep(map, op.step, stageId);
    if (step === null) return drop(map, 'invalid step or id already exists');
    const at = stepInsertIndex({ steps: map.steps, stages: map.stages, stageId, index: op.index });
    let next = fixPathIds({ ...map, steps: insertAt(map.steps, at, step) }, new Set([step.id]));
    next = restoreRefs(insertPlaced(next, op.cards), op.refs);
    return done(next, [{ type: 'step/delete', id: step.id }]);
  },
});

/** `step/rename`. */
export const stepRename = defineRename({ type: 'step/rename', key: 'steps', what: 'step' });

/** `step/setKind`: action, question or decision. */
export const stepSetKind = defineOp({
  type: 'step/setKind',
  fields: { id: opId, kind: stepKind },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) =>
      update({ kind: op.kind }, { type: 'step/setKind', id: step.id, kind: step.kind }),
    ),
});

/** `step/setChannels`: unknown and repeated channel ids are left out. */
export const stepSetChannels = defineOp({
  type: 'step/setChannels',
  fields: { id: opId, channels: z.array(z.string()) },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) => {
      const known = new Set(map.channels.map((c) => c.id));
      const channels = op.channels.filter((c, i, all) => known.has(c) && all.indexOf(c) === i);
      return update(
        { channels },
        { type: 'step/setChannels', id: step.id, channels: step.channels },
      );
    }),
});

/** `step/setSentiment`: −2 … +2 (rounded and clamped), or null. */
export const stepSetSentiment = defineOp({
  type: 'step/setSentiment',
  fields: { id: opId, sentiment: z.number().nullable() },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) => {
      const sentiment =
        op.sentiment === null ? null : clampNumber(op.sentiment, { min: -2, max: 2, int: true });
      return update(
        { sentiment },
        { type: 'step/setSentiment', id: step.id, sentiment: step.sentiment },
      );
    }),
});

/** `step/setMoment`: a moment that matters, or null. */
export const stepSetMoment = defineOp({
  type: 'step/setMoment',
  fields: { id: opId, moment: z.enum(moments, 'unknown moment').nullable() },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) =>
      update({ moment: op.moment }, { type: 'step/setMoment', id: step.id, moment: step.moment }),
    ),
});

/** `step/setMetrics`: patches CSAT, CES and FCR (each clamped to its range, or null). */
export const stepSetMetrics = defineOp({
  type: 'step/setMetrics',
  fields: { id: opId, patch: z.strictObject({ csat: metric, ces: metric, fcr: metric }) },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) => {
      const patch: Partial<Metrics> = {};
      for (const key of Object.keys(METRIC_RANGES) as (keyof Metrics)[]) {
        const value = op.patch[key];
        if (value === undefined) continue;
        patch[key] = value === null ? null : clampNumber(value, METRIC_RANGES[key]);
      }
      const keys = changedKeys(step.metrics, patch);
      return update(
        { metrics: { ...step.metrics, ...patch } },
        { type: 'step/setMetrics', id: step.id, patch: pick(step.metrics, keys) },
      );
    }),
});

/** `step/move`: to position `toIndex` of stage `stageId` (after removal). */
export const stepMove = defineOp({
  type: 'step/move',
  fields: { id: opId, stageId: opId, toIndex: position },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, at) => {
      if (indexOfId(map.stages, op.stageId) < 0) return drop(map, 'stage not found');
      const from = stageIndexOf(map.steps, step);
      const rest = removeAt(map.steps, at);
      const moved = step.stageId === op.stageId ? step : { ...step, stageId: op.stageId };
      const to = stepInsertIndex({
        steps: rest,
        stages: map.stages,
        stageId: op.stageId,
        index: op.toIndex,
      });
      if (to === at && moved === step) return done(map, []);
      return done({ ...map, steps: insertAt(rest, to, moved) }, [
        { type: 'step/move', id: step.id, stageId: step.stageId, toIndex: from },
      ]);
    }),
});

/** `step/delete`: with its cards; undone by `step/restore`. */
export const stepDelete = defineOp({
  type: 'step/delete',
  fields: { id: opId },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step) => {
      const removed = removeSteps(map, new Set([step.id]));
      return done(removed.map, [
        {
          type: 'step/restore',
          step,
          index: stageIndexOf(map.steps, step),
          cards: removed.cards,
          refs: removed.refs,
        },
      ]);
    }),
});

/** `step/setPath`: the branch (a path of another decision step) this step follows, or null. */
export const stepSetPath = defineOp({
  type: 'step/setPath',
  fields: { id: opId, pathId: z.string().nullable() },
  apply: (map, op): ApplyResult =>
    withStep(map, op.id, (step, _, update) => {
      if (op.pathId !== null) {
        const owner = isId(op.pathId) ? pathOwners(map.steps).get(op.pathId) : undefined;
        if (owner === undefined) return drop(map, 'path not found');
        if (owner === step.id) return drop(map, 'a step cannot follow its own path');
      }
      return update(
        { pathId: op.pathId },
        { type: 'step/setPath', id: step.id, pathId: step.pathId },
      );
    }),
});

/** The step ops (decision paths are in step-paths.ts). */
export const stepOps = [
  stepAdd,
  stepRename,
  stepSetKind,
  stepMove,
  stepDelete,
  stepSetChannels,
  stepSetSentiment,
  stepSetMoment,
  stepSetMetrics,
  stepSetPath,
  stepRestore,
] as const;
