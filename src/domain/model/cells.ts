/**
 * Cards grouped by cell (lane × step), the layout every renderer of the grid needs: the ADF
 * export, the write-up table and the SVG picture. (The editor keeps its own index, which also
 * reuses unchanged cells between renders.)
 */
import type { Card } from './schema';

/** The cards of one cell, in `map.cards` order (empty when it has none). */
export type CellCards = (laneId: string, stepId: string) => readonly Card[];

const NONE: readonly Card[] = [];

/** Groups `cards` by cell in one pass. */
export function cardsByCell(cards: readonly Card[]): CellCards {
  const cells = new Map<string, Card[]>();
  for (const card of cards) {
    const key = `${card.laneId}|${card.stepId}`;
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  return (laneId, stepId) => cells.get(`${laneId}|${stepId}`) ?? NONE;
}
