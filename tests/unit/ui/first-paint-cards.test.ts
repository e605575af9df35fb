/**
 * The first paint draws cards down to the frame's bottom edge only (decision 0051): per column,
 * the cards drawn over all lanes stop at `ceil(height / 32) + 1` (32 px is less than any card),
 * each cell keeps its first cards in order, and a map that fits is drawn whole.
 */
import { describe, expect, it } from 'vitest';
import { buildCellIndex, cellCards } from '../../../static/app/src/features/editor/grid/cell-index';
import {
  buildColumns,
  visibleLanes,
} from '../../../static/app/src/features/editor/grid/grid-model';
import { cardsInView } from '../../../static/app/src/features/editor/first-paint/first-paint-grid';
import { generateMap } from '../../support/generate-map';

const map = generateMap({ cards: 300, seed: 20261123 });
const columns = buildColumns(map).columns.slice(0, 5);
const { onstage, backstage } = visibleLanes(map.lanes);
const lanes = [...onstage, ...backstage].slice(0, 8);
const cells = buildCellIndex(map.cards, null);

function drawn(height: number) {
  const cards = cardsInView({ lanes, columns, cells, height });
  const perColumn = columns.map((col) =>
    col.kind === 'step'
      ? lanes.reduce((n, l) => n + (cards.get(`${l.id} ${col.step.id}`)?.length ?? 0), 0)
      : 0,
  );
  return { cards, perColumn };
}

describe('the first paint draws the cards in view', () => {
  it('stops each column at ceil(height / 32) + 1 cards, keeping each cell’s first cards', () => {
    const { cards, perColumn } = drawn(280);
    for (const n of perColumn) expect(n).toBeLessThanOrEqual(Math.ceil(280 / 32) + 1);
    expect(perColumn.some((n) => n === Math.ceil(280 / 32) + 1)).toBe(true);
    for (const lane of lanes) {
      for (const col of columns) {
        if (col.kind !== 'step') continue;
        const all = cellCards(cells, lane.id, col.step.id);
        const some = cards.get(`${lane.id} ${col.step.id}`) ?? [];
        expect(some).toEqual(all.slice(0, some.length));
      }
    }
  });

  it('draws every card when the frame is tall enough, and none when nothing is in view', () => {
    const total = columns.reduce(
      (n, col) =>
        col.kind === 'step'
          ? n + lanes.reduce((m, l) => m + cellCards(cells, l.id, col.step.id).length, 0)
          : n,
      0,
    );
    expect(drawn(100_000).perColumn.reduce((a, b) => a + b, 0)).toBe(total);
    // A first card is still drawn in each column at a zero height (the bench's probe needs one).
    expect(drawn(0).perColumn.every((n) => n <= 1)).toBe(true);
  });
});
