/**
 * Cards grouped by cell. Rebuilt on every map change in one pass, but a cell whose cards are
 * the same objects as before keeps its previous array, so memoised cells skip re-rendering
 * (the pure ops share unchanged cards structurally).
 */
import type { Card } from '@domain/model/schema';

/** laneId → stepId → cards in cell order. */
export type CellIndex = ReadonlyMap<string, ReadonlyMap<string, readonly Card[]>>;

const EMPTY: readonly Card[] = [];

/** Groups cards by cell, reusing arrays from `previous` when a cell did not change. */
export function buildCellIndex(cards: readonly Card[], previous: CellIndex | null): CellIndex {
  const next = new Map<string, Map<string, Card[]>>();
  for (const card of cards) {
    let lane = next.get(card.laneId);
    if (!lane) next.set(card.laneId, (lane = new Map<string, Card[]>()));
    const cell = lane.get(card.stepId);
    if (cell) cell.push(card);
    else lane.set(card.stepId, [card]);
  }
  if (!previous) return next;
  for (const [laneId, lane] of next) {
    const before = previous.get(laneId);
    if (!before) continue;
    for (const [stepId, cell] of lane) {
      const old = before.get(stepId);
      if (old && sameCards(old, cell)) lane.set(stepId, old as Card[]);
    }
  }
  return next;
}

/** The cards of one cell (a shared empty array when none). */
export function cellCards(index: CellIndex, laneId: string, stepId: string): readonly Card[] {
  return index.get(laneId)?.get(stepId) ?? EMPTY;
}

function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
