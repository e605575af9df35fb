/**
 * The domain's own speed on a large map (moved here from the unit tier, where wall-clock
 * assertions made tests fail on a busy machine): applying a card edit and a card move, and
 * diffing two maps with `changedFields`, each the median of 50 runs after 20 warm-ups.
 */
import { performance } from 'node:perf_hooks';

import { generateMap } from '../../tests/support/generate-map';
import { changedFields } from '../../src/domain/operations/changed-fields';
import { apply } from '../../src/domain/operations/apply';
import type { Op } from '../../src/domain/operations/op-types';
import type { Row } from '../lib/rows';
import { spread } from '../lib/stats';

const WHAT = 'domain op on a large map';
const BUDGET_MS = 5;
const WARMUP = 20;
const RUNS = 50;

/** Median milliseconds of `fn(i)` over RUNS runs (after WARMUP untimed ones). */
function medianMs(fn: (i: number) => void): number {
  for (let i = 0; i < WARMUP; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return spread(samples).median;
}

/** One row per measured operation at `cards` cards. */
export function domainOpRows(args: { cards: number; seed: number }): Row[] {
  const map = generateMap({ cards: args.cards, seed: args.seed });
  const ids = map.cards.map((c) => c.id);
  const lane = map.lanes[0]?.id ?? '';
  const step = map.steps[0]?.id ?? '';
  const idAt = (i: number): string => ids[(i * 37) % ids.length] ?? '';
  const edit = (i: number): Op => ({
    type: 'card/edit',
    id: idAt(i),
    patch: { text: `Edit ${i}` },
  });
  const move = (i: number): Op => ({
    type: 'card/move',
    id: idAt(i),
    laneId: lane,
    stepId: step,
    toIndex: 0,
  });
  const moved = apply(map, move(1)).map;
  const measured: [string, number][] = [
    ['apply card/edit', medianMs((i) => apply(map, edit(i)))],
    ['apply card/move', medianMs((i) => apply(map, move(i)))],
    ['changedFields after a move', medianMs(() => changedFields(map, moved))],
  ];
  return measured.map(([variant, ms]) => ({
    what: WHAT,
    variant: `${variant} @${args.cards}`,
    budget: `< ${BUDGET_MS} ms (median of ${RUNS})`,
    measured: `${ms.toFixed(2)} ms`,
    verdict: ms < BUDGET_MS ? 'pass' : 'fail',
    data: { cards: args.cards, ms },
  }));
}
