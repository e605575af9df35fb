import { describe, expect, it } from 'vitest';
import {
  createCard,
  createEmptyMap,
  createStage,
  createStep,
} from '../../../../src/domain/model/factories';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { apply } from '../../../../src/domain/operations/apply';
import { changedFields } from '../../../../src/domain/operations/rebase';

/** A map with `n` cards over 5 stages × 8 steps. */
function bigMap(n: number): JourneyMap {
  const map = createEmptyMap({ title: 'Big' });
  const stages = Array.from({ length: 5 }, (_, i) => createStage(`st${i}`, `Stage ${i}`));
  const steps = Array.from({ length: 40 }, (_, i) =>
    createStep({ id: `s${i}`, stageId: `st${Math.floor(i / 8)}`, name: `Step ${i}` }),
  );
  const lanes = map.lanes.filter((l) => l.type !== 'emotions' && l.type !== 'metrics');
  const cards = Array.from({ length: n }, (_, i) =>
    createCard({
      id: `c${i}`,
      laneId: lanes[i % lanes.length]?.id ?? 'lane-actions',
      stepId: `s${i % 40}`,
      kind: 'note',
      text: `Card ${i}`,
    }),
  );
  return { ...map, stages, steps, cards };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('performance on a 1,000-card map', () => {
  it('editing a card stays well under 5 ms (median of 50) and shares untouched parts', () => {
    const map = bigMap(1_000);
    for (let i = 0; i < 20; i += 1)
      apply(map, { type: 'card/edit', id: `c${i}`, patch: { text: 'warm' } });
    const samples: number[] = [];
    let last = map;
    for (let i = 0; i < 50; i += 1) {
      const t = performance.now();
      last = apply(map, {
        type: 'card/edit',
        id: `c${(i * 37) % 1_000}`,
        patch: { text: `Edit ${i}` },
      }).map;
      samples.push(performance.now() - t);
    }
    expect(median(samples)).toBeLessThan(5);
    expect(last.steps).toBe(map.steps);
    expect(last.lanes).toBe(map.lanes);
    expect(last.session).toBe(map.session);
    expect(last.cards.filter((c, i) => c !== map.cards[i])).toHaveLength(1);
  });

  it('moving a card and diffing the maps are fast too', () => {
    const map = bigMap(1_000);
    const moves: number[] = [];
    const diffs: number[] = [];
    for (let i = 0; i < 70; i += 1) {
      const op = {
        type: 'card/move',
        id: `c${i}`,
        laneId: 'lane-goals',
        stepId: 's3',
        toIndex: 0,
      } as const;
      const t = performance.now();
      const next = apply(map, op).map;
      const u = performance.now();
      changedFields(map, next);
      if (i >= 20) {
        moves.push(u - t);
        diffs.push(performance.now() - u);
      }
    }
    expect(median(moves)).toBeLessThan(5);
    expect(median(diffs)).toBeLessThan(5);
  });
});
