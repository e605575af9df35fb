/**
 * The pure domain functions the resolvers use, behind one small seam: applying ops, listing the
 * fields a change touched, and building a map from a template.
 */
import type { JourneyMap } from '../domain/model/schema';
import { applyAll, changedFields } from '../domain/operations';
import type { Op } from '../domain/operations/op-types';
import { createFromTemplate } from '../domain/templates';
import type { DroppedOp, TemplateId } from './contract';

/** Applies ops in order; ops whose target is gone are dropped (malformed ones throw OpError). */
export function applyOps(map: JourneyMap, ops: Op[]): { map: JourneyMap; dropped: DroppedOp[] } {
  const result = applyAll(map, ops);
  return { map: result.map, dropped: result.dropped };
}

/** Field paths that differ between two maps (e.g. `cards.<id>.text`). */
export function diffFields(before: JourneyMap, after: JourneyMap): string[] {
  return changedFields(before, after);
}

/** A new map from a template. */
export function mapFromTemplate(args: {
  template: TemplateId;
  title: string | undefined;
  now: Date;
  newId: () => string;
}): JourneyMap {
  return createFromTemplate({
    template: args.template,
    ...(args.title !== undefined ? { title: args.title } : {}),
    newId: args.newId,
    today: args.now.toISOString().slice(0, 10),
  });
}
