/**
 * The minimap's arithmetic: the overview of a map (the grid's columns, lanes, dominant kinds,
 * sentiment), the "you are here" rectangle from the scroller, and back: centring the view on a
 * point of the overview and reading the rectangle again gives that point (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyMap } from '../../../src/domain/model/factories';
import {
  COLUMN_WIDTH,
  CORNER_WIDTH,
  gridWidth,
} from '../../../static/app/src/features/editor/grid/grid-geometry';
import type { ScrollBox } from '../../../static/app/src/features/editor/minimap/minimap-model';
import {
  fitsWhole,
  hasRoomForMinimap,
  overviewOf,
  scrollFor,
  stepsInView,
  viewRect,
} from '../../../static/app/src/features/editor/minimap/minimap-model';
import { generateMap } from '../../support/generate-map';

/** A scroller over a grid of `steps` columns, `bodyHeight` px of lanes, at `zoom`. */
function box(args: {
  steps: number;
  zoom: number;
  left?: number;
  top?: number;
  view?: [number, number];
  bodyHeight?: number;
}): ScrollBox {
  const [clientWidth, clientHeight] = args.view ?? [1278, 700];
  const headHeight = 110 * args.zoom;
  return {
    scrollLeft: args.left ?? 0,
    scrollTop: args.top ?? 0,
    clientWidth,
    clientHeight,
    scrollWidth: Math.max(clientWidth, gridWidth(args.steps) * args.zoom),
    scrollHeight: Math.max(clientHeight, headHeight + (args.bodyHeight ?? 2000) * args.zoom),
    zoom: args.zoom,
    headHeight,
    steps: args.steps,
  };
}

describe('overviewOf', () => {
  it('follows the grid: a column per step, stage starts, visible lanes, the sentiment', () => {
    const map = generateMap({ cards: 300, seed: 7 });
    const o = overviewOf(map);
    expect(o.steps).toBe(map.steps.length);
    expect(o.stageStarts[0]).toBe(0);
    expect(o.stageStarts).toHaveLength(map.stages.length);
    expect(o.lanes).toHaveLength(map.lanes.filter((l) => !l.hidden).length);
    const counted = o.lanes.flatMap((l) => l.cells).reduce((n, c) => n + c.count, 0);
    const onVisible = map.cards.filter((c) => !map.lanes.find((l) => l.id === c.laneId)?.hidden);
    expect(counted).toBe(onVisible.length);
    expect(o.sentiment).toHaveLength(o.steps);
  });

  it('keeps a column for a stage without steps, as the grid does', () => {
    const map = createEmptyMap({ title: 'x' });
    map.stages = [
      { id: 's1', name: 'A' },
      { id: 's2', name: 'B' },
    ];
    map.steps = [];
    expect(overviewOf(map)).toMatchObject({ steps: 2, stageStarts: [0, 1] });
  });
});

describe('the view rectangle', () => {
  it.each([
    { name: 'at the start', left: 0, x: 0 },
    { name: 'at the end', left: gridWidth(40) - 1278, x: 1 - (1278 - CORNER_WIDTH) / (40 * 212) },
  ])('$name of 40 steps at 100 %', ({ left, x }) => {
    const r = viewRect(box({ steps: 40, zoom: 1, left }));
    expect(r.x).toBeCloseTo(x, 6);
    expect(r.w).toBeCloseTo((1278 - CORNER_WIDTH) / (40 * COLUMN_WIDTH), 6);
    expect(r.x + r.w).toBeLessThanOrEqual(1 + 1e-9);
  });

  it.each([
    { left: 0, steps: 40, zoom: 1, from: 1, to: 6 },
    { left: 212 * 34, steps: 40, zoom: 1, from: 35, to: 40 },
    { left: 0, steps: 200, zoom: 0.5, from: 1, to: 12 },
  ])('steps $from–$to in view at left $left (zoom $zoom)', ({ left, steps, zoom, from, to }) => {
    expect(stepsInView(box({ steps, zoom, left }))).toEqual({ from, to });
  });

  it('centring on a point and reading the rectangle gives that point back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 200 }),
        fc.constantFrom(0.3, 0.5, 1, 1.3),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (steps, zoom, fx, fy) => {
          const start = box({ steps, zoom });
          const to = scrollFor(start, fx, fy);
          const r = viewRect({ ...start, scrollLeft: to.left, scrollTop: to.top });
          // The point is inside the rectangle (clamped at the edges), within a pixel's rounding.
          const slackX = 2 / (steps * COLUMN_WIDTH * zoom);
          const slackY = 2 / (start.scrollHeight - start.headHeight);
          expect(fx).toBeGreaterThanOrEqual(Math.min(r.x, 1 - r.w) - slackX);
          expect(fx).toBeLessThanOrEqual(r.x + r.w + slackX);
          expect(fy).toBeGreaterThanOrEqual(r.y - slackY);
          expect(fy).toBeLessThanOrEqual(r.y + r.h + slackY);
          expect(to.left).toBeGreaterThanOrEqual(0);
          expect(to.left).toBeLessThanOrEqual(start.scrollWidth - start.clientWidth);
        },
      ),
    );
  });
});

describe('fitsWhole', () => {
  it.each([
    [{ scrollWidth: 1000, clientWidth: 1000, scrollHeight: 600, clientHeight: 600 }, true],
    [{ scrollWidth: 1001, clientWidth: 1000, scrollHeight: 600, clientHeight: 600 }, true],
    [{ scrollWidth: 1200, clientWidth: 1000, scrollHeight: 600, clientHeight: 600 }, false],
    [{ scrollWidth: 1000, clientWidth: 1000, scrollHeight: 900, clientHeight: 600 }, false],
  ])('%o → %s', (b, fits) => {
    expect(fitsWhole(b)).toBe(fits);
  });
});

describe('hasRoomForMinimap', () => {
  it.each([
    { clientHeight: 403, headerHeight: 290, room: false },
    { clientHeight: 720, headerHeight: 200, room: true },
    { clientHeight: 380, headerHeight: 200, room: true },
    { clientHeight: 379, headerHeight: 200, room: false },
  ])('a $clientHeight px scroller under $headerHeight px of headers: $room', (c) => {
    expect(hasRoomForMinimap(c)).toBe(c.room);
  });
});
