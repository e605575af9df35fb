/**
 * `apply` and `applyAll`: the only way a journey map changes. Pure and immutable: the input map
 * is never mutated and untouched parts are shared with the result. An op whose target is gone,
 * or whose input is unusable, is dropped with a reason (map unchanged, no inverse).
 */
import type { JourneyMap } from '../model/schema';
import type { ApplyResult } from './helpers';
import { drop } from './helpers';
import type { Op, OpType } from './op-types';
import { definitionOf } from './registry';

export type { ApplyResult } from './helpers';

/** An op of a batch that was dropped, by its position in the batch. */
export type DroppedOp = { index: number; type: OpType; reason: string };

/** What applying a batch gives; `inverse` undoes the whole batch when applied in order. */
export type ApplyAllResult = { map: JourneyMap; dropped: DroppedOp[]; inverse: Op[] };

/** Applies one op: the new map and the ops that undo it, or the map unchanged and why. */
export function apply(map: JourneyMap, op: Op): ApplyResult {
  if (typeof op !== 'object' || op === null) return drop(map, 'not an op');
  const definition = definitionOf(op.type);
  if (definition === undefined) return drop(map, `unknown op type "${String(op.type)}"`);
  try {
    return definition.run(map, op);
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
