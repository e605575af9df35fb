import { describe, expect, it } from 'vitest';
import type { SentimentPatterns } from '../../../../src/domain/sentiment';
import {
  curvePoints,
  journeySentiment,
  sentimentByStage,
  sentimentPatterns,
} from '../../../../src/domain/sentiment';
import { createTemplateBuilder } from '../../../../src/domain/templates/template-builder';

const none: SentimentPatterns = { sawtooth: [], rapidDrops: [], troughs: [], peaks: [] };

describe('sentimentPatterns', () => {
  it.each<[string, (number | null)[], Partial<SentimentPatterns>]>([
    ['empty line', [], {}],
    ['one point', [-2], {}],
    ['flat line has no troughs or peaks', [-2, -2, -2], {}],
    ['drop of 1 is not rapid', [1, 0, -1], { troughs: [2], peaks: [0] }],
    [
      'drop of 2 is rapid',
      [1, -1],
      { rapidDrops: [{ from: 0, to: 1, delta: -2 }], troughs: [1], peaks: [0] },
    ],
    [
      'drop of 4',
      [2, -2],
      { rapidDrops: [{ from: 0, to: 1, delta: -4 }], troughs: [1], peaks: [0] },
    ],
    ['rise is never a drop', [-2, 2], { troughs: [0], peaks: [1] }],
    [
      'drop across an uncharted step',
      [1, null, -1],
      { rapidDrops: [{ from: 0, to: 2, delta: -2 }], troughs: [2], peaks: [0] },
    ],
    ['trough inside', [0, -1, 0], { troughs: [1] }],
    ['dip to 0 is no trough', [1, 0, 1], { peaks: [0, 2] }],
    ['peak inside', [0, 1, 0], { peaks: [1] }],
    ['rise to 0 is no peak', [-1, 0, -1], { troughs: [0, 2] }],
    [
      'low plateau is one trough',
      [0, -2, -2, 0],
      { troughs: [1, 2], rapidDrops: [{ from: 0, to: 1, delta: -2 }] },
    ],
    ['high plateau is one peak', [0, 2, 2, 1], { peaks: [1, 2] }],
    ['plateau on a slope is neither (the top end is a peak)', [2, 1, 1, 0], { peaks: [0] }],
    ['plateau at the edge', [-1, -1, 1], { troughs: [0, 1], peaks: [2] }],
    ['plateau broken by a gap', [-1, null, -1, 1], { troughs: [0, 2], peaks: [3] }],
    ['two direction changes are not sawtooth', [0, 1, 0, 1], { peaks: [1, 3] }],
    [
      'three direction changes are sawtooth',
      [0, 1, 0, 1, 0],
      { sawtooth: [{ from: 0, to: 4 }], peaks: [1, 3] },
    ],
    ['flat segment breaks a sawtooth run', [0, 1, 0, 0, 1, 0, 1], { peaks: [1, 4, 6] }],
    [
      'sawtooth with a gap and rapid drops',
      [-1, 1, null, -1, 1, -1, -1],
      {
        sawtooth: [{ from: 0, to: 5 }],
        rapidDrops: [
          { from: 1, to: 3, delta: -2 },
          { from: 4, to: 5, delta: -2 },
        ],
        troughs: [0, 3, 5, 6],
        peaks: [1, 4],
      },
    ],
    [
      'two separate sawtooth stretches',
      [0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0],
      {
        sawtooth: [
          { from: 0, to: 4 },
          { from: 6, to: 10 },
        ],
        peaks: [1, 3, 7, 9],
      },
    ],
    ['all uncharted', [null, null], {}],
  ])('%s', (_name, values, expected) => {
    expect(sentimentPatterns(values)).toEqual({ ...none, ...expected });
  });
});

describe('sentiment of a map', () => {
  it('reads the line in journey order and averages per stage', () => {
    let n = 0;
    const b = createTemplateBuilder({ title: 't', newId: () => `id${n++}`, today: '2026-01-01' });
    const a = b.stage('A');
    const z = b.stage('Z');
    const empty = b.stage('Empty');
    b.step(z, 'z1', { sentiment: -2 });
    b.step(a, 'a1', { sentiment: 1 });
    b.step(a, 'a2', { sentiment: null });
    b.step(a, 'a3', { sentiment: 2 });
    b.step(z, 'z2', { sentiment: -1 });
    b.step(z, 'z3', { sentiment: -1 });
    expect(journeySentiment(b.map).values).toEqual([1, null, 2, -2, -1, -1]);
    expect(sentimentByStage(b.map)).toEqual([
      { stageId: a, stageName: 'A', average: 1.5, charted: 2, steps: 3 },
      { stageId: z, stageName: 'Z', average: -1.33, charted: 3, steps: 3 },
      { stageId: empty, stageName: 'Empty', average: null, charted: 0, steps: 0 },
    ]);
  });
});

describe('curvePoints', () => {
  it('puts +2 at the top, −2 at the bottom, one column per step', () => {
    const curve = curvePoints({ values: [2, null, -2, 0], width: 400, height: 116, padding: 8 });
    expect(curve.columnWidth).toBe(100);
    expect(curve.zeroY).toBe(58);
    expect(curve.points).toEqual([
      { index: 0, value: 2, x: 50, y: 8 },
      { index: 2, value: -2, x: 250, y: 108 },
      { index: 3, value: 0, x: 350, y: 58 },
    ]);
    expect(curve.path).toBe('M50 8 L250 108 L350 58');
  });

  it('has an empty path when nothing is charted and clamps out-of-scale values', () => {
    expect(curvePoints({ values: [null], width: 100, height: 100 }).path).toBe('');
    expect(curvePoints({ values: [], width: 100, height: 100 }).points).toEqual([]);
    const clamped = curvePoints({ values: [5], width: 10, height: 20, padding: 0 });
    expect(clamped.points[0]?.y).toBe(0);
  });
});
