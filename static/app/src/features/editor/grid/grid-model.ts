/**
 * The grid's shape derived from the map: one column per step (or one placeholder column for a
 * stage without steps), visible lanes with on-stage lanes above the line of visibility.
 */
import type { JourneyMap, Lane, Stage, Step } from '@domain/model/schema';

/** Row index (data-pos) of the first lane: rows 0 and 1 are the stage and step headers. */
export const FIRST_LANE_ROW = 2;

/** A column of the grid. */
export type Column =
  | { kind: 'step'; key: string; stage: Stage; step: Step; indexInStage: number }
  | { kind: 'empty'; key: string; stage: Stage };

/** A stage header spanning its columns. */
export type StageSpan = { stage: Stage; span: number; index: number };

/** The columns in journey order and the stage spans above them. */
export function buildColumns(map: Pick<JourneyMap, 'stages' | 'steps'>): {
  columns: Column[];
  spans: StageSpan[];
} {
  const byStage = new Map<string, Step[]>();
  for (const step of map.steps) {
    const list = byStage.get(step.stageId);
    if (list) list.push(step);
    else byStage.set(step.stageId, [step]);
  }
  const columns: Column[] = [];
  const spans: StageSpan[] = [];
  map.stages.forEach((stage, index) => {
    const steps = byStage.get(stage.id) ?? [];
    if (!steps.length) columns.push({ kind: 'empty', key: `empty-${stage.id}`, stage });
    steps.forEach((step, i) =>
      columns.push({ kind: 'step', key: step.id, stage, step, indexInStage: i }),
    );
    spans.push({ stage, span: Math.max(1, steps.length), index });
  });
  return { columns, spans };
}

/** Visible lanes, on-stage first then back-stage, each group in map order. */
export function visibleLanes(lanes: readonly Lane[]): { onstage: Lane[]; backstage: Lane[] } {
  const onstage: Lane[] = [];
  const backstage: Lane[] = [];
  for (const lane of lanes) {
    if (lane.hidden) continue;
    (lane.zone === 'backstage' ? backstage : onstage).push(lane);
  }
  return { onstage, backstage };
}

/** The steps in journey order (stage order, then order within the stage). */
export function stepsInJourneyOrder(map: Pick<JourneyMap, 'stages' | 'steps'>): Step[] {
  const cols = buildColumns(map).columns;
  return cols.flatMap((c) => (c.kind === 'step' ? [c.step] : []));
}
