/**
 * Shared by the stage, step and lane ops: cards with their positions, path ownership, removing
 * steps with everything that hangs off them, and re-admitting steps a restore op carries.
 */
import { isRecord } from '../../model/restore-values';
import type { JourneyMap, Step } from '../../model/schema';
import { SHORT_TEXT_MAX, stepSchema } from '../../model/schema';
import { indexOfId, textOf } from '../helpers';
import type { PlacedCard } from '../op-fields';
import { clearRefs } from '../refs';

/** The cards whose cell matches `keep`, with their global positions. */
export function placedCards(
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
export function pathOwners(steps: readonly Step[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const s of steps) for (const p of s.paths) owners.set(p.id, s.id);
  return owners;
}

/** Removes steps (and their cards), clearing every reference to them. */
export function removeSteps(map: JourneyMap, stepIds: ReadonlySet<string>) {
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
export function admitStep(map: JourneyMap, value: unknown, stageId: string): Step | null {
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
export function fixPathIds(map: JourneyMap, ids: ReadonlySet<string>): JourneyMap {
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
