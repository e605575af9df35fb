import type { Lane } from '@domain/model/schema';
import type { CellIndex } from './cell-index';
import { cellCards } from './cell-index';

/** Estimated heights (px) of a card and of a cell's padding and "Add card" button. */
const CARD_HEIGHT = 94;
const CELL_CHROME = 48;

/**
 * A row's height before it has been on screen: the tallest cell's cards (card lanes); the
 * chart and the metrics have a fixed look.
 */
export function estimateRowHeight(
  lane: Lane | undefined,
  cells: CellIndex,
  steps: readonly { id: string }[],
): number {
  if (!lane) return 0;
  if (lane.type === 'emotions') return 120;
  if (lane.type === 'metrics') return 130;
  let most = 0;
  for (const step of steps) most = Math.max(most, cellCards(cells, lane.id, step.id).length);
  return CELL_CHROME + most * CARD_HEIGHT;
}
