/**
 * Journey order of cards: stage order, then step order, then lane order, then card order.
 * Ranking, routing and the write-up all break ties this way so equal scores read left to right.
 */
import type { Card, JourneyMap, Lane, Stage, Step } from '../model/schema';

/** Where a card sits in the journey, with the parts it hangs from. */
export type CardPlace = {
  card: Card;
  step: Step;
  stage: Stage;
  lane: Lane | null;
  /** Sort key: [stage index, step index, lane index, card index]. */
  order: readonly [number, number, number, number];
};

/** Compares two sort keys lexicographically. */
export function compareOrder(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
}

/**
 * Places every card whose step and stage exist (restore() guarantees that for stored maps;
 * orphans are skipped rather than guessed). A card on a missing lane sorts after all lanes.
 */
export function placeCards(map: JourneyMap): Map<string, CardPlace> {
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const stepIndex = new Map(map.steps.map((s, i) => [s.id, i]));
  const laneIndex = new Map(map.lanes.map((l, i) => [l.id, i]));
  const places = new Map<string, CardPlace>();
  map.cards.forEach((card, cardIndex) => {
    const si = stepIndex.get(card.stepId);
    const step = si === undefined ? undefined : map.steps[si];
    const gi = step ? stageIndex.get(step.stageId) : undefined;
    const stage = gi === undefined ? undefined : map.stages[gi];
    if (!step || !stage || si === undefined || gi === undefined) return;
    const li = laneIndex.get(card.laneId);
    places.set(card.id, {
      card,
      step,
      stage,
      lane: li === undefined ? null : (map.lanes[li] ?? null),
      order: [gi, si, li ?? map.lanes.length, cardIndex],
    });
  });
  return places;
}

/** Steps in journey order: by stage order, keeping the array order within a stage. */
export function stepsInJourneyOrder(map: JourneyMap): Step[] {
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  return map.steps
    .map((step, i) => ({ step, i, g: stageIndex.get(step.stageId) }))
    .filter((x): x is { step: Step; i: number; g: number } => x.g !== undefined)
    .sort((a, b) => a.g - b.g || a.i - b.i)
    .map((x) => x.step);
}
