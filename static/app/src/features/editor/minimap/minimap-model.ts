/**
 * The minimap's arithmetic (pure, unit-tested): what the overview draws (stages, each lane's
 * dominant card kind per step, the sentiment line) and how the grid's scroll position maps to
 * the "you are here" rectangle and back. Horizontal positions are exact (every step column has
 * the same width); lanes are drawn evenly, so the vertical position is proportional.
 */
import type { CardKind, JourneyMap, LaneType } from '@domain/model/schema';
import { COLUMN_WIDTH, CORNER_WIDTH } from '../grid/grid-geometry';
import { buildColumns, visibleLanes } from '../grid/grid-model';

/** One lane row of the overview: per step, the most frequent card kind and the card count. */
export type OverviewLane = {
  type: LaneType;
  cells: { kind: CardKind | null; count: number }[];
};

/** What the overview draws. */
export type Overview = {
  /** The grid's columns: one per step, one per stage without steps. */
  steps: number;
  /** Index of each stage's first column, in order. */
  stageStarts: number[];
  lanes: OverviewLane[];
  /** Each step's sentiment (−2…2) or null. */
  sentiment: (number | null)[];
};

/** The overview of `map`: the grid's own columns (a stage without steps keeps its empty column) and visible lanes. */
export function overviewOf(map: JourneyMap): Overview {
  const { columns } = buildColumns(map);
  const stepIndex = new Map<string, number>();
  const stageStarts: number[] = [];
  columns.forEach((c, i) => {
    if (c.kind === 'step') stepIndex.set(c.step.id, i);
    if (i === 0 || columns[i - 1]?.stage.id !== c.stage.id) stageStarts.push(i);
  });
  const { onstage, backstage } = visibleLanes(map.lanes);
  const lanes = [...onstage, ...backstage];
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const counts = lanes.map(() => columns.map(() => new Map<CardKind, number>()));
  for (const card of map.cards) {
    const li = laneIndex.get(card.laneId);
    const si = stepIndex.get(card.stepId);
    if (li === undefined || si === undefined) continue;
    const cell = counts[li]?.[si];
    cell?.set(card.kind, (cell.get(card.kind) ?? 0) + 1);
  }
  return {
    steps: columns.length,
    stageStarts,
    lanes: lanes.map((lane, li) => ({
      type: lane.type,
      cells: (counts[li] ?? []).map((cell) => {
        let kind: CardKind | null = null;
        let most = 0;
        let count = 0;
        for (const [k, n] of cell) {
          count += n;
          if (n > most) [kind, most] = [k, n];
        }
        return { kind, count };
      }),
    })),
    sentiment: columns.map((c) => (c.kind === 'step' ? c.step.sentiment : null)),
  };
}

/** The grid scroller's geometry (CSS px as the browser reports it) and its zoom. */
export type ScrollBox = {
  scrollLeft: number;
  scrollTop: number;
  clientWidth: number;
  clientHeight: number;
  scrollWidth: number;
  scrollHeight: number;
  zoom: number;
  /** The sticky step headers' height (CSS px, zoomed). */
  headHeight: number;
  steps: number;
};

/** A rectangle in overview fractions (0…1 of its width and height). */
export type Rect = { x: number; y: number; w: number; h: number };

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Step columns span [0, steps × COLUMN_WIDTH] unzoomed; the lane header column is sticky. */
function columnsWidth(box: ScrollBox): number {
  return Math.max(1, box.steps * COLUMN_WIDTH);
}

/** The part of the map in view, as overview fractions. */
export function viewRect(box: ScrollBox): Rect {
  const total = columnsWidth(box);
  const left = box.scrollLeft / box.zoom;
  const shown = Math.max(0, box.clientWidth / box.zoom - CORNER_WIDTH);
  const bodyHeight = Math.max(1, box.scrollHeight - box.headHeight);
  const x = clamp01(left / total);
  const y = clamp01(box.scrollTop / bodyHeight);
  return {
    x,
    y,
    w: Math.min(1 - x, shown / total),
    h: Math.min(1 - y, Math.max(0, box.clientHeight - box.headHeight) / bodyHeight),
  };
}

/** The scroll offsets that centre the view on overview point (fx, fy). */
export function scrollFor(box: ScrollBox, fx: number, fy: number): { left: number; top: number } {
  const rect = viewRect(box);
  const total = columnsWidth(box);
  const bodyHeight = Math.max(1, box.scrollHeight - box.headHeight);
  const x = clamp01(fx - rect.w / 2);
  const y = clamp01(fy - rect.h / 2);
  const within = (value: number, max: number) =>
    Math.max(0, Math.min(Math.floor(max), Math.round(value)));
  return {
    left: within(x * total * box.zoom, box.scrollWidth - box.clientWidth),
    top: within(y * bodyHeight, box.scrollHeight - box.clientHeight),
  };
}

/** The steps (1-based, inclusive) whose columns are in view. */
export function stepsInView(box: ScrollBox): { from: number; to: number } {
  if (box.steps === 0) return { from: 0, to: 0 };
  const left = box.scrollLeft / box.zoom;
  const right = left + box.clientWidth / box.zoom - CORNER_WIDTH;
  const from = Math.min(box.steps, Math.floor(left / COLUMN_WIDTH) + 1);
  const to = Math.min(box.steps, Math.max(from, Math.ceil(right / COLUMN_WIDTH)));
  return { from, to };
}

/** Height of the cards' band the minimap needs beside it: it never takes most of what is left. */
export const MIN_BAND_FOR_MINIMAP = 180;

/**
 * Whether the cards' band (the scroller's height below its sticky headers) leaves room for the
 * minimap over its corner; a short page-view frame keeps its few visible cards uncovered and the
 * overview is in focus mode.
 */
export function hasRoomForMinimap(args: { clientHeight: number; headerHeight: number }): boolean {
  return args.clientHeight - args.headerHeight >= MIN_BAND_FOR_MINIMAP;
}

/** Whether the scroller shows the whole grid (then the minimap is hidden). */
export function fitsWhole(
  box: Pick<ScrollBox, 'scrollWidth' | 'scrollHeight' | 'clientWidth' | 'clientHeight'>,
): boolean {
  return box.scrollWidth <= box.clientWidth + 1 && box.scrollHeight <= box.clientHeight + 1;
}
