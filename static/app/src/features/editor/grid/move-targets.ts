/** Where keyboard moves of steps and lanes land (Alt+arrows on their headers). */
import type { Lane } from '@domain/model/schema';
import type { Column } from './grid-model';

/** Where Alt+Left/Right moves the step at column `i` (crossing into the next stage at its edge). */
export function stepMoveTarget(
  columns: Column[],
  i: number,
  dir: -1 | 1,
): { stageId: string; toIndex: number } | null {
  const col = columns[i];
  if (!col || col.kind !== 'step') return null;
  const sameStage = columns.filter((c) => c.kind === 'step' && c.stage.id === col.stage.id).length;
  const to = col.indexInStage + dir;
  if (to >= 0 && to < sameStage) return { stageId: col.stage.id, toIndex: to };
  // Cross into the neighbouring stage: first slot going right, last slot going left.
  const stageIds = [...new Set(columns.map((c) => c.stage.id))];
  const neighbour = stageIds[stageIds.indexOf(col.stage.id) + dir];
  if (!neighbour) return null;
  const count = columns.filter((c) => c.kind === 'step' && c.stage.id === neighbour).length;
  return { stageId: neighbour, toIndex: dir === 1 ? 0 : count };
}

/** Index in `map.lanes` for moving the visible lane at `i` one place within its zone. */
export function laneMoveTarget(
  all: readonly Lane[],
  rows: readonly Lane[],
  i: number,
  dir: -1 | 1,
): number | null {
  const lane = rows[i];
  const other = rows[i + dir];
  if (!lane || !other || other.zone !== lane.zone) return null;
  return all.indexOf(other);
}
