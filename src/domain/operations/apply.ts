/**
 * `apply` and `applyAll`: the only way a journey map changes. Pure and immutable: the input map
 * is never mutated and untouched parts are shared with the result. An op whose target is gone,
 * or whose input is unusable, is dropped with a reason (map unchanged, no inverse).
 */
import type { JourneyMap } from '../model/schema';
import { applyCastDot } from './apply-ballots';
import { applyCardOp } from './apply-cards';
import { applyBackStoryOp, applyChannelOp, applyMapOp } from './apply-map';
import { applySessionOp } from './apply-session';
import { applyLaneOp, applyStageOp, applyStepOp } from './apply-structure';
import type { ApplyResult } from './helpers';
import { drop } from './helpers';
import type { Op, OpType } from './op-types';

export type { ApplyResult } from './helpers';

/** An op of a batch that was dropped, by its position in the batch. */
export type DroppedOp = { index: number; type: OpType; reason: string };

/** What applying a batch gives; `inverse` undoes the whole batch when applied in order. */
export type ApplyAllResult = { map: JourneyMap; dropped: DroppedOp[]; inverse: Op[] };

function dispatch(map: JourneyMap, op: Op): ApplyResult {
  switch (op.type) {
    case 'map/setTitle':
    case 'map/setState':
    case 'map/setLinkedMap':
    case 'map/setOwningTeam':
    case 'map/setScope':
    case 'map/setReview':
    case 'map/setWriteUp':
    case 'persona/set':
      return applyMapOp(map, op);
    case 'backStory/addSticky':
    case 'backStory/editSticky':
    case 'backStory/deleteSticky':
    case 'backStory/moveSticky':
    case 'backStory/set':
      return applyBackStoryOp(map, op);
    case 'channel/add':
    case 'channel/edit':
    case 'channel/delete':
    case 'channel/restore':
      return applyChannelOp(map, op);
    case 'stage/add':
    case 'stage/rename':
    case 'stage/move':
    case 'stage/delete':
    case 'stage/restore':
      return applyStageOp(map, op);
    case 'step/add':
    case 'step/rename':
    case 'step/setKind':
    case 'step/move':
    case 'step/delete':
    case 'step/restore':
    case 'step/setChannels':
    case 'step/setSentiment':
    case 'step/setMoment':
    case 'step/setMetrics':
    case 'step/addPath':
    case 'step/renamePath':
    case 'step/deletePath':
    case 'step/restorePath':
    case 'step/setPath':
      return applyStepOp(map, op);
    case 'lane/add':
    case 'lane/rename':
    case 'lane/move':
    case 'lane/setHidden':
    case 'lane/setZone':
    case 'lane/delete':
    case 'lane/restore':
      return applyLaneOp(map, op);
    case 'card/add':
    case 'card/edit':
    case 'card/move':
    case 'card/place':
    case 'card/delete':
    case 'card/restore':
    case 'card/vote':
    case 'card/setImpact':
    case 'card/link':
    case 'card/restoreLinks':
      return applyCardOp(map, op);
    case 'session/set':
    case 'session/setPeople':
    case 'session/setAnalysis':
    case 'session/addPhoto':
    case 'session/editPhoto':
    case 'session/removePhoto':
    case 'session/restorePhoto':
    case 'session/setAgenda':
    case 'session/revealVotes':
      return applySessionOp(map, op);
    case 'session/castDot':
      return applyCastDot(map, op);
    default: {
      const unknown: never = op;
      return drop(map, `unknown op type "${String((unknown as { type?: unknown }).type)}"`);
    }
  }
}

/** Applies one op: the new map and the ops that undo it, or the map unchanged and why. */
export function apply(map: JourneyMap, op: Op): ApplyResult {
  if (typeof op !== 'object' || op === null) return drop(map, 'not an op');
  try {
    return dispatch(map, op);
  } catch {
    // Ops come from the network: a malformed one must never take the whole save down.
    return drop(map, 'malformed op');
  }
}

/** Applies ops in order; dropped ones are listed and skipped. */
export function applyAll(map: JourneyMap, ops: readonly Op[]): ApplyAllResult {
  let current = map;
  const dropped: DroppedOp[] = [];
  const inverses: Op[][] = [];
  ops.forEach((op, index) => {
    const result = apply(current, op);
    if (result.dropped) {
      // Ops come from the network: even a null op must be reported, not crash the batch.
      const type = typeof op === 'object' && op !== null ? op.type : ('' as OpType);
      dropped.push({ index, type, reason: result.dropped.reason });
      return;
    }
    current = result.map;
    if (result.inverse.length > 0) inverses.push(result.inverse);
  });
  return { map: current, dropped, inverse: inverses.reverse().flat() };
}
