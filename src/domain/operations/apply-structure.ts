/**
 * Handlers for the grid's structure: stages, steps (with decision paths) and lanes. Steps stay
 * grouped by stage order in `map.steps`; deletes cascade (stage → steps → cards, lane → cards)
 * and their inverse restore ops carry everything needed to put the map back exactly.
 */
import { clampNumber, isId, isRecord } from '../model/restore-values';
import type { JourneyMap, Metrics, Step } from '../model/schema';
import {
  laneSchema,
  laneTypes,
  moments,
  SHORT_TEXT_MAX,
  stageSchema,
  stepKinds,
  stepSchema,
  zones,
} from '../model/schema';
import { createLane, createStep } from '../model/factories';
import { pick } from './apply-map';
import type { ApplyResult } from './helpers';
import {
  changedKeys,
  clampIndex,
  done,
  drop,
  groupSteps,
  indexOfId,
  insertAt,
  isNewId,
  moveItem,
  removeAt,
  replaceAt,
  sameJson,
  stageIndexOf,
  stepInsertIndex,
  textOf,
} from './helpers';
import type { Op, PlacedCard } from './op-types';
import { clearRefs, insertPlaced, restoreRefs } from './refs';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

const METRIC_RANGES: Readonly<Record<keyof Metrics, { min: number; max: number }>> = {
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
  fcr: { min: 0, max: 100 },
};

/** The cards matching `pick`, with their global positions. */
function placedCards(
  map: JourneyMap,
  keep: (laneId: string, stepId: string) => boolean,
): PlacedCard[] {
  const out: PlacedCard[] = [];
  map.cards.forEach((card, index) => {
    if (keep(card.laneId, card.stepId)) out.push({ card, index });
  });
  return out;
}

/** Every path id of the map, by owning step. */
function pathOwners(steps: readonly Step[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const s of steps) for (const p of s.paths) owners.set(p.id, s.id);
  return owners;
}

/** Removes steps (and their cards), clearing every reference to them. */
function removeSteps(map: JourneyMap, stepIds: ReadonlySet<string>) {
  const cards = placedCards(map, (_, stepId) => stepIds.has(stepId));
  const cardIds = new Set(cards.map((p) => p.card.id));
  const pathIds = new Set(
    map.steps.filter((s) => stepIds.has(s.id)).flatMap((s) => s.paths.map((p) => p.id)),
  );
  const cleared = clearRefs(map, { stepIds, cardIds, pathIds });
  const next: JourneyMap = {
    ...cleared.map,
    steps: cleared.map.steps.filter((s) => !stepIds.has(s.id)),
    cards:
      cardIds.size === 0 ? cleared.map.cards : cleared.map.cards.filter((c) => !cardIds.has(c.id)),
  };
  return { map: next, cards, refs: cleared.refs };
}

/** A step from an op, validated and fitted to the map (channels, paths); null if unusable. */
function admitStep(map: JourneyMap, value: unknown, stageId: string): Step | null {
  const parsed = stepSchema.safeParse(isRecord(value) ? { ...value, stageId } : value);
  if (!parsed.success) return null;
  const step = parsed.data;
  if (indexOfId(map.steps, step.id) >= 0) return null;
  const channels = new Set(map.channels.map((c) => c.id));
  const owners = pathOwners(map.steps);
  return {
    ...step,
    name: textOf(step.name, SHORT_TEXT_MAX) ?? '',
    channels: step.channels.filter((c, i, all) => channels.has(c) && all.indexOf(c) === i),
    paths: step.paths.filter((p) => !owners.has(p.id)),
  };
}

/** Drops `pathId`s of `ids` that point nowhere (after restored steps are all back). */
function fixPathIds(map: JourneyMap, ids: ReadonlySet<string>): JourneyMap {
  const owners = pathOwners(map.steps);
  let changed = false;
  const steps = map.steps.map((s) => {
    if (!ids.has(s.id) || s.pathId === null) return s;
    const owner = owners.get(s.pathId);
    if (owner !== undefined && owner !== s.id) return s;
    changed = true;
    return { ...s, pathId: null };
  });
  return changed ? { ...map, steps } : map;
}

/** stage/*. */
export function applyStageOp(
  map: JourneyMap,
  op: OpOf<'stage/add' | 'stage/rename' | 'stage/move' | 'stage/delete' | 'stage/restore'>,
): ApplyResult {
  switch (op.type) {
    case 'stage/add': {
      if (!isNewId(op.id, (id) => indexOfId(map.stages, id) >= 0))
        return drop(map, 'id missing, invalid or taken');
      const name = textOf(op.name, SHORT_TEXT_MAX);
      if (name === null) return drop(map, 'name must be text');
      const index = clampIndex(op.index, map.stages.length);
      return done({ ...map, stages: insertAt(map.stages, index, { id: op.id, name }) }, [
        { type: 'stage/delete', id: op.id },
      ]);
    }
    case 'stage/rename': {
      const at = indexOfId(map.stages, op.id);
      const stage = map.stages[at];
      if (stage === undefined) return drop(map, 'stage not found');
      const name = textOf(op.name, SHORT_TEXT_MAX);
      if (name === null) return drop(map, 'name must be text');
      if (name === stage.name) return done(map, []);
      return done({ ...map, stages: replaceAt(map.stages, at, { ...stage, name }) }, [
        { type: 'stage/rename', id: stage.id, name: stage.name },
      ]);
    }
    case 'stage/move': {
      const at = indexOfId(map.stages, op.id);
      if (at < 0) return drop(map, 'stage not found');
      const to = clampIndex(op.toIndex, map.stages.length - 1);
      if (to === at) return done(map, []);
      const stages = moveItem(map.stages, at, to);
      return done({ ...map, stages, steps: groupSteps(map.steps, stages) }, [
        { type: 'stage/move', id: op.id, toIndex: at },
      ]);
    }
    case 'stage/delete': {
      const at = indexOfId(map.stages, op.id);
      const stage = map.stages[at];
      if (stage === undefined) return drop(map, 'stage not found');
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
    }
    case 'stage/restore': {
      const stage = stageSchema.safeParse(op.stage);
      if (!stage.success) return drop(map, 'invalid stage');
      if (indexOfId(map.stages, stage.data.id) >= 0) return drop(map, 'stage id already exists');
      const stages = insertAt(map.stages, clampIndex(op.index, map.stages.length), {
        id: stage.data.id,
        name: textOf(stage.data.name, SHORT_TEXT_MAX) ?? '',
      });
      let next: JourneyMap = { ...map, stages };
      const block: Step[] = [];
      for (const raw of Array.isArray(op.steps) ? op.steps : []) {
        const step = admitStep({ ...next, steps: [...next.steps, ...block] }, raw, stage.data.id);
        if (step !== null) block.push(step);
      }
      const at = stepInsertIndex({ steps: map.steps, stages, stageId: stage.data.id, index: 0 });
      const steps = map.steps.slice();
      steps.splice(at, 0, ...block);
      next = fixPathIds({ ...next, steps }, new Set(block.map((s) => s.id)));
      next = restoreRefs(insertPlaced(next, op.cards), op.refs);
      return done(next, [{ type: 'stage/delete', id: stage.data.id }]);
    }
  }
}

/** step/*. */
export function applyStepOp(
  map: JourneyMap,
  op: OpOf<
    | 'step/add'
    | 'step/rename'
    | 'step/setKind'
    | 'step/move'
    | 'step/delete'
    | 'step/restore'
    | 'step/setChannels'
    | 'step/setSentiment'
    | 'step/setMoment'
    | 'step/setMetrics'
    | 'step/addPath'
    | 'step/renamePath'
    | 'step/deletePath'
    | 'step/restorePath'
    | 'step/setPath'
  >,
): ApplyResult {
  if (op.type === 'step/add') {
    if (!isNewId(op.id, (id) => indexOfId(map.steps, id) >= 0))
      return drop(map, 'id missing, invalid or taken');
    if (indexOfId(map.stages, op.stageId) < 0) return drop(map, 'stage not found');
    const name = textOf(op.name, SHORT_TEXT_MAX);
    if (name === null) return drop(map, 'name must be text');
    if (op.kind !== undefined && !stepKinds.includes(op.kind))
      return drop(map, 'unknown step kind');
    const step = createStep({ id: op.id, stageId: op.stageId, name, kind: op.kind ?? 'action' });
    const at = stepInsertIndex({
      steps: map.steps,
      stages: map.stages,
      stageId: op.stageId,
      index: op.index,
    });
    return done({ ...map, steps: insertAt(map.steps, at, step) }, [
      { type: 'step/delete', id: op.id },
    ]);
  }
  if (op.type === 'step/restore') {
    if (!isRecord(op.step)) return drop(map, 'invalid step');
    const stageId = op.step.stageId;
    if (indexOfId(map.stages, stageId) < 0) return drop(map, 'stage not found');
    const step = admitStep(map, op.step, stageId);
    if (step === null) return drop(map, 'invalid step or id already exists');
    const at = stepInsertIndex({ steps: map.steps, stages: map.stages, stageId, index: op.index });
    let next = fixPathIds({ ...map, steps: insertAt(map.steps, at, step) }, new Set([step.id]));
    next = restoreRefs(insertPlaced(next, op.cards), op.refs);
    return done(next, [{ type: 'step/delete', id: step.id }]);
  }
  const at = indexOfId(map.steps, op.id);
  const step = map.steps[at];
  if (step === undefined) return drop(map, 'step not found');
  const update = (patch: Partial<Step>, inverse: Op): ApplyResult => {
    const next = { ...step, ...patch };
    if (sameJson(next, step)) return done(map, []);
    return done({ ...map, steps: replaceAt(map.steps, at, next) }, [inverse]);
  };
  switch (op.type) {
    case 'step/rename': {
      const name = textOf(op.name, SHORT_TEXT_MAX);
      if (name === null) return drop(map, 'name must be text');
      return update({ name }, { type: 'step/rename', id: step.id, name: step.name });
    }
    case 'step/setKind':
      if (!stepKinds.includes(op.kind)) return drop(map, 'unknown step kind');
      return update({ kind: op.kind }, { type: 'step/setKind', id: step.id, kind: step.kind });
    case 'step/setChannels': {
      if (!Array.isArray(op.channels)) return drop(map, 'channels must be a list');
      const known = new Set(map.channels.map((c) => c.id));
      const channels = op.channels.filter((c, i, all) => known.has(c) && all.indexOf(c) === i);
      return update(
        { channels },
        { type: 'step/setChannels', id: step.id, channels: step.channels },
      );
    }
    case 'step/setSentiment': {
      const sentiment =
        op.sentiment === null ? null : clampNumber(op.sentiment, { min: -2, max: 2, int: true });
      if (op.sentiment !== null && sentiment === null)
        return drop(map, 'sentiment must be a number');
      return update(
        { sentiment },
        { type: 'step/setSentiment', id: step.id, sentiment: step.sentiment },
      );
    }
    case 'step/setMoment':
      if (op.moment !== null && !moments.includes(op.moment)) return drop(map, 'unknown moment');
      return update(
        { moment: op.moment },
        { type: 'step/setMoment', id: step.id, moment: step.moment },
      );
    case 'step/setMetrics': {
      if (!isRecord(op.patch)) return drop(map, 'invalid metrics patch');
      const patch: Partial<Metrics> = {};
      for (const [key, value] of Object.entries(op.patch)) {
        if (value === undefined) continue;
        if (!Object.prototype.hasOwnProperty.call(METRIC_RANGES, key))
          return drop(map, `unknown metric ${key}`);
        const range = METRIC_RANGES[key as keyof Metrics];
        const n = value === null ? null : clampNumber(value, range);
        if (value !== null && n === null) return drop(map, `${key} must be a number`);
        patch[key as keyof Metrics] = n;
      }
      const keys = changedKeys(step.metrics, patch);
      return update(
        { metrics: { ...step.metrics, ...patch } },
        { type: 'step/setMetrics', id: step.id, patch: pick(step.metrics, keys) },
      );
    }
    case 'step/move': {
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
    }
    case 'step/delete': {
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
    }
    case 'step/addPath':
    case 'step/restorePath': {
      const path = op.type === 'step/addPath' ? { id: op.pathId, label: op.label } : op.path;
      if (!isRecord(path) || !isNewId(path.id, (id) => pathOwners(map.steps).has(id))) {
        return drop(map, 'path id missing, invalid or taken');
      }
      const label = textOf(path.label, SHORT_TEXT_MAX);
      if (label === null) return drop(map, 'label must be text');
      const index = clampIndex(
        op.type === 'step/restorePath' ? op.index : undefined,
        step.paths.length,
      );
      const added = {
        ...map,
        steps: replaceAt(map.steps, at, {
          ...step,
          paths: insertAt(step.paths, index, { id: path.id, label }),
        }),
      };
      const next = op.type === 'step/restorePath' ? restoreRefs(added, op.refs) : added;
      return done(next, [{ type: 'step/deletePath', id: step.id, pathId: path.id }]);
    }
    case 'step/renamePath': {
      const p = indexOfId(step.paths, op.pathId);
      const path = step.paths[p];
      if (path === undefined) return drop(map, 'path not found');
      const label = textOf(op.label, SHORT_TEXT_MAX);
      if (label === null) return drop(map, 'label must be text');
      return update(
        { paths: replaceAt(step.paths, p, { ...path, label }) },
        { type: 'step/renamePath', id: step.id, pathId: path.id, label: path.label },
      );
    }
    case 'step/deletePath': {
      const p = indexOfId(step.paths, op.pathId);
      const path = step.paths[p];
      if (path === undefined) return drop(map, 'path not found');
      const cleared = clearRefs(map, { pathIds: new Set([path.id]) });
      const steps = replaceAt(cleared.map.steps, at, { ...step, paths: removeAt(step.paths, p) });
      return done({ ...cleared.map, steps }, [
        { type: 'step/restorePath', id: step.id, path, index: p, refs: cleared.refs },
      ]);
    }
    case 'step/setPath': {
      if (op.pathId !== null) {
        const owner = isId(op.pathId) ? pathOwners(map.steps).get(op.pathId) : undefined;
        if (owner === undefined) return drop(map, 'path not found');
        if (owner === step.id) return drop(map, 'a step cannot follow its own path');
      }
      return update(
        { pathId: op.pathId },
        { type: 'step/setPath', id: step.id, pathId: step.pathId },
      );
    }
  }
}

/** lane/*. */
export function applyLaneOp(
  map: JourneyMap,
  op: OpOf<
    | 'lane/add'
    | 'lane/rename'
    | 'lane/move'
    | 'lane/setHidden'
    | 'lane/setZone'
    | 'lane/delete'
    | 'lane/restore'
  >,
): ApplyResult {
  if (op.type === 'lane/add') {
    if (!isNewId(op.id, (id) => indexOfId(map.lanes, id) >= 0))
      return drop(map, 'id missing, invalid or taken');
    if (!laneTypes.includes(op.laneType)) return drop(map, 'unknown lane type');
    if (!zones.includes(op.zone)) return drop(map, 'unknown zone');
    const name = textOf(op.name, SHORT_TEXT_MAX);
    if (name === null) return drop(map, 'name must be text');
    const lane = createLane({ id: op.id, type: op.laneType, name, zone: op.zone });
    return done(
      { ...map, lanes: insertAt(map.lanes, clampIndex(op.index, map.lanes.length), lane) },
      [{ type: 'lane/delete', id: op.id }],
    );
  }
  if (op.type === 'lane/restore') {
    const parsed = laneSchema.safeParse(op.lane);
    if (!parsed.success) return drop(map, 'invalid lane');
    const lane = { ...parsed.data, name: textOf(parsed.data.name, SHORT_TEXT_MAX) ?? '' };
    if (indexOfId(map.lanes, lane.id) >= 0) return drop(map, 'lane id already exists');
    const added = {
      ...map,
      lanes: insertAt(map.lanes, clampIndex(op.index, map.lanes.length), lane),
    };
    return done(restoreRefs(insertPlaced(added, op.cards), op.refs), [
      { type: 'lane/delete', id: lane.id },
    ]);
  }
  const at = indexOfId(map.lanes, op.id);
  const lane = map.lanes[at];
  if (lane === undefined) return drop(map, 'lane not found');
  const update = (patch: Partial<typeof lane>, inverse: Op): ApplyResult => {
    const next = { ...lane, ...patch };
    if (sameJson(next, lane)) return done(map, []);
    return done({ ...map, lanes: replaceAt(map.lanes, at, next) }, [inverse]);
  };
  switch (op.type) {
    case 'lane/rename': {
      const name = textOf(op.name, SHORT_TEXT_MAX);
      if (name === null) return drop(map, 'name must be text');
      return update({ name }, { type: 'lane/rename', id: lane.id, name: lane.name });
    }
    case 'lane/setHidden':
      if (typeof op.hidden !== 'boolean') return drop(map, 'hidden must be true or false');
      return update(
        { hidden: op.hidden },
        { type: 'lane/setHidden', id: lane.id, hidden: lane.hidden },
      );
    case 'lane/setZone':
      if (!zones.includes(op.zone)) return drop(map, 'unknown zone');
      return update({ zone: op.zone }, { type: 'lane/setZone', id: lane.id, zone: lane.zone });
    case 'lane/move': {
      const to = clampIndex(op.toIndex, map.lanes.length - 1);
      if (to === at) return done(map, []);
      return done({ ...map, lanes: moveItem(map.lanes, at, to) }, [
        { type: 'lane/move', id: lane.id, toIndex: at },
      ]);
    }
    case 'lane/delete': {
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
    }
  }
}
