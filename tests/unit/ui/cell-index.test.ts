/**
 * Cells keep their card arrays across an edit elsewhere, which is what lets memoised cells
 * skip re-rendering when one card of a 1,000-card map changes.
 */
import { describe, expect, it } from 'vitest';
import { applyAll } from '../../../src/domain/operations/apply';
import { buildCellIndex, cellCards } from '../../../static/app/src/features/editor/grid/cell-index';
import {
  buildColumns,
  visibleLanes,
} from '../../../static/app/src/features/editor/grid/grid-model';
import { workedExample } from './fixtures';
import type { Op } from '../../../src/domain/operations/op-types';

function bigMap(cards: number) {
  const map = workedExample();
  const lanes = map.lanes.filter(
    (l) => l.type === 'actions' || l.type === 'painPoints' || l.type === 'thoughts',
  );
  const ops: Op[] = [];
  for (let i = 0; i < cards; i++) {
    const lane = lanes[i % lanes.length];
    const step = map.steps[i % map.steps.length];
    if (!lane || !step) throw new Error('fixture');
    ops.push({
      type: 'card/add',
      id: `big-${i}`,
      laneId: lane.id,
      stepId: step.id,
      kind:
        lane.type === 'actions' ? 'action' : lane.type === 'painPoints' ? 'painPoint' : 'thought',
      text: `Card ${i}`,
    });
  }
  return applyAll(map, ops).map;
}

describe('cell index', () => {
  it('reuses the arrays of cells an edit did not touch', () => {
    const before = bigMap(1_000);
    expect(before.cards.length).toBeGreaterThanOrEqual(1_000);
    const idx1 = buildCellIndex(before.cards, null);
    const edited = before.cards[500];
    if (!edited) throw new Error('fixture');
    const after = applyAll(before, [
      { type: 'card/edit', id: edited.id, patch: { text: 'changed' } },
    ]).map;
    const idx2 = buildCellIndex(after.cards, idx1);
    let same = 0;
    let changed = 0;
    for (const [laneId, lane] of idx2) {
      for (const [stepId, cell] of lane) {
        if (cell === cellCards(idx1, laneId, stepId)) same++;
        else changed++;
      }
    }
    expect(changed).toBe(1);
    expect(same).toBeGreaterThan(10);
    expect(cellCards(idx2, edited.laneId, edited.stepId).some((c) => c.text === 'changed')).toBe(
      true,
    );
  });

  it('puts on-stage lanes above back-stage lanes and gives empty stages a column', () => {
    const map = applyAll(workedExample(), [
      { type: 'stage/add', id: 'empty-stage', name: 'Later' },
    ]).map;
    const { columns, spans } = buildColumns(map);
    expect(columns.at(-1)).toMatchObject({ kind: 'empty' });
    expect(spans.reduce((n, s) => n + s.span, 0)).toBe(columns.length);
    const { onstage, backstage } = visibleLanes(map.lanes);
    expect(onstage.every((l) => l.zone === 'onstage')).toBe(true);
    expect(backstage.every((l) => l.zone === 'backstage')).toBe(true);
  });
});
