/**
 * Issue 15's pure pieces: Fit's zoom, the one column geometry the layout and the window share
 * (every column reachable), and the focus-mode place read from untrusted JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeOf } from '../../../static/app/src/bridge/focus-request';
import { MIN_ZOOM, clampZoom, fitFor, zoomStep } from '../../../static/app/src/features/editor/fit';
import {
  COLUMN_WIDTH,
  gridWidth,
} from '../../../static/app/src/features/editor/grid/grid-geometry';
import { prefixSums, spanInView } from '../../../static/app/src/features/editor/grid/grid-window';
import { decisionTracks } from '../../../static/app/src/features/editor/grid/decision-tracks';
import type { Column } from '../../../static/app/src/features/editor/grid/grid-model';

describe('fitFor', () => {
  it.each([
    { natural: [1000, 500], view: [2000, 1000], zoom: 1 },
    { natural: [8648, 1500], view: [1422, 700], zoom: 0.16 },
    { natural: [2000, 4000], view: [1000, 1000], zoom: 0.25 },
    { natural: [100_000, 500], view: [1000, 1000], zoom: MIN_ZOOM },
    // 200 steps (5,000 generated cards) in the 1,280 px page frame: every step fits.
    { natural: [gridWidth(200), 2500], view: [1278, 700], zoom: 0.03 },
    { natural: [0, 0], view: [1000, 1000], zoom: 1 },
  ])('fits $natural into $view at $zoom', ({ natural, view, zoom }) => {
    const [w = 0, h = 0] = natural;
    const [vw = 0, vh = 0] = view;
    expect(fitFor({ natural: { width: w, height: h }, view: { width: vw, height: vh } })).toBe(
      zoom,
    );
  });

  it('never overflows the view above the minimum zoom', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 60_000 }),
        fc.integer({ min: 100, max: 20_000 }),
        fc.integer({ min: 300, max: 3000 }),
        fc.integer({ min: 200, max: 2000 }),
        (w, h, vw, vh) => {
          const z = fitFor({ natural: { width: w, height: h }, view: { width: vw, height: vh } });
          if (z > MIN_ZOOM) {
            expect(w * z).toBeLessThanOrEqual(vw + 0.001);
            expect(h * z).toBeLessThanOrEqual(vh + 0.001);
          }
          expect(z).toBe(clampZoom(z));
        },
      ),
    );
  });
});

describe('zoomStep', () => {
  it.each([
    [1, -1, 0.9],
    [0.2, -1, 0.15],
    [0.25, -1, 0.15],
    [0.05, -1, 0.04],
    [0.03, -1, 0.02],
    [0.02, -1, MIN_ZOOM],
    [0.02, 1, 0.03],
    [0.04, 1, 0.05],
    [0.05, 1, 0.1],
    [0.15, 1, 0.2],
    [0.2, 1, 0.3],
    [1.6, 1, 1.6],
  ])('from %f by %i goes to %f', (zoom, direction, next) => {
    expect(zoomStep(zoom, direction as 1 | -1)).toBe(next);
  });
});

describe('column geometry', () => {
  it('puts every column of the laid-out width inside some window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 300, max: 3000 }),
        (n, view) => {
          const offsets = prefixSums(Array.from({ length: n }, () => COLUMN_WIDTH));
          const scrollMax = Math.max(0, gridWidth(n) - view);
          const last = spanInView({ offsets, from: scrollMax, to: scrollMax + view, overscan: 0 });
          expect(last.end).toBe(n);
        },
      ),
    );
  });
});

describe('placeOf', () => {
  it.each([
    [
      { left: 10, top: 20, zoom: 0.5 },
      { left: 10, top: 20, zoom: 0.5 },
    ],
    [
      { left: -5, top: 1e12, zoom: 99 },
      { left: 0, top: 10_000_000, zoom: 4 },
    ],
    [{ left: '1', top: 0, zoom: 1 }, null],
    [null, null],
    ['x', null],
    [{ left: Number.NaN, top: 0, zoom: 1 }, null],
  ])('%j → %j', (raw, want) => {
    expect(placeOf(raw)).toEqual(want);
  });
});

describe('decisionTracks', () => {
  type StepColumn = Extract<Column, { kind: 'step' }>;
  const stage = { id: 's', name: 'S' };
  function stepCol(args: {
    stage: StepColumn['stage'];
    id: string;
    kind?: 'action' | 'decision';
    paths?: string[];
    pathId?: string | null;
  }): Column {
    return {
      kind: 'step',
      key: args.id,
      stage: args.stage,
      indexInStage: 0,
      step: {
        id: args.id,
        kind: args.kind ?? 'action',
        paths: (args.paths ?? []).map((p) => ({ id: p, label: p.toUpperCase() })),
        pathId: args.pathId ?? null,
      } as StepColumn['step'],
    };
  }
  const roles = (cols: Column[]) =>
    decisionTracks(cols).map((t) =>
      t ? `${t.role}${t.active >= 0 ? t.active : ''}${t.starts ? '*' : ''}` : '-',
    );

  it.each([
    { name: 'no decision', cols: [{ id: 'a' }, { id: 'b' }], want: ['-', '-'] },
    {
      name: 'fork, two paths, rejoin',
      cols: [
        { id: 'a' },
        { id: 'd', kind: 'decision' as const, paths: ['y', 'n'] },
        { id: 'y1', pathId: 'y' },
        { id: 'y2', pathId: 'y' },
        { id: 'n1', pathId: 'n' },
        { id: 'j' },
        { id: 'k' },
      ],
      want: ['-', 'fork', 'on0*', 'on0', 'on1*', 'rejoin', '-'],
    },
    {
      name: 'a decision with no paths draws nothing',
      cols: [{ id: 'd', kind: 'decision' as const }, { id: 'x' }],
      want: ['-', '-'],
    },
  ])('$name', ({ cols, want }) => {
    expect(roles(cols.map((c) => stepCol({ stage, ...c })))).toEqual(want);
  });
});
