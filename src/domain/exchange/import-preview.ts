/** The summary shown before an import is confirmed: what the map will hold, and what is lost. */
import type { JourneyMap } from '../model/schema';
import { cardRow, cardsInJourneyOrder } from './csv-export';

/** Counts of a map's parts. */
export type MapCounts = { stages: number; steps: number; lanes: number; cards: number };

/** One card of the preview table. */
export type PreviewRow = { stage: string; step: string; lane: string; kind: string; text: string };

/** Counts of `map`. */
export function countMap(map: JourneyMap): MapCounts {
  return {
    stages: map.stages.length,
    steps: map.steps.length,
    lanes: map.lanes.length,
    cards: map.cards.length,
  };
}

/** The first `limit` cards in journey order, as table rows. */
export function previewRows(map: JourneyMap, limit = 5): PreviewRow[] {
  return cardsInJourneyOrder(map)
    .slice(0, limit)
    .map((card) => {
      const { stage, step, lane, kind, text } = cardRow(map, card);
      return { stage, step, lane, kind, text };
    });
}
