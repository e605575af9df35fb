/**
 * The current ↔ future comparison: table-driven cases for each kind of change, and properties
 * over random maps (a map compared with itself or its copy shows no change; every pain point of
 * either map is accounted for exactly once; matching survives new ids when texts are kept).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMaps, matchItems, normaliseText, orderPair } from '../../../../src/domain/compare';
import { futureStateCopy } from '../../../../src/domain/future';
import { createCard } from '../../../../src/domain/model/factories';
import type { Impact, JourneyMap } from '../../../../src/domain/model/schema';
import { arbMap } from '../arbitraries';
import { fixtureMap } from '../model/fixture';

const NOW = new Date('2026-11-23T10:00:00.000Z');

function copyOf(map: JourneyMap): JourneyMap {
  return futureStateCopy({
    current: map,
    currentAt: { pageId: '1', localId: 'x' },
    samePage: true,
    now: NOW,
  });
}

function withImpact(map: JourneyMap, id: string, impact: Impact): JourneyMap {
  return {
    ...map,
    cards: map.cards.map((c) =>
      c.id === id && c.painPoint ? { ...c, painPoint: { ...c.painPoint, impact } } : c,
    ),
  };
}

function painCount(map: JourneyMap): number {
  const steps = new Set(
    map.steps.filter((s) => map.stages.some((g) => g.id === s.stageId)).map((s) => s.id),
  );
  return map.cards.filter((c) => c.kind === 'painPoint' && c.painPoint && steps.has(c.stepId))
    .length;
}

describe('normaliseText', () => {
  it.each([
    ["Can't find  the PRICE!", 'cant find the price'],
    ['  Ｆｕｌｌ　width ', 'full width'],
    ['<script>alert(1)</script>', 'scriptalert1script'],
    ['!!!', ''],
    ['Café', 'café'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('compareMaps, table-driven', () => {
  const base = withImpact(fixtureMap(), 'pain1', 'abandon');
  const cases: {
    name: string;
    future: (f: JourneyMap) => JourneyMap;
    removed: string[];
    added: string[];
    improved: string[];
    worsened: string[];
    opp: 'addressed' | 'partly' | 'open';
  }[] = [
    {
      name: 'nothing changed',
      future: (f) => f,
      removed: [],
      added: [],
      improved: [],
      worsened: [],
      opp: 'open',
    },
    {
      name: 'a pain point removed',
      future: (f) => ({ ...f, cards: f.cards.filter((c) => c.id !== 'pain2') }),
      removed: ['pain2'],
      added: [],
      improved: [],
      worsened: [],
      opp: 'partly',
    },
    {
      name: 'both linked pain points gone or improved',
      future: (f) =>
        withImpact({ ...f, cards: f.cards.filter((c) => c.id !== 'pain2') }, 'pain1', 'trivial'),
      removed: ['pain2'],
      added: [],
      improved: ['pain1'],
      worsened: [],
      opp: 'addressed',
    },
    {
      name: 'a pain point worsened and one added',
      future: (f) =>
        withImpact(
          {
            ...f,
            cards: [
              ...f.cards,
              createCard({
                id: 'new1',
                laneId: 'lane-painPoints',
                stepId: 's1',
                kind: 'painPoint',
                text: 'Slow app',
              }),
            ],
          },
          'pain2',
          'workaround',
        ),
      removed: [],
      added: ['new1'],
      improved: [],
      worsened: ['pain2'],
      opp: 'open',
    },
    {
      name: 'deleted and typed again (new id, same text) is not removed',
      future: (f) => ({
        ...f,
        cards: f.cards.map((c) =>
          c.id === 'pain2' ? { ...c, id: 'retyped', text: '  no sso. ' } : c,
        ),
      }),
      removed: [],
      added: [],
      improved: [],
      worsened: [],
      opp: 'open',
    },
  ];
  it.each(cases)('$name', (c) => {
    const out = compareMaps(base, c.future(copyOf(base)));
    expect(out.painPoints.removed.map((p) => p.id)).toEqual(c.removed);
    expect(out.painPoints.added.map((p) => p.id)).toEqual(c.added);
    expect(out.painPoints.improved.map((p) => p.before.id)).toEqual(c.improved);
    expect(out.painPoints.worsened.map((p) => p.before.id)).toEqual(c.worsened);
    expect(out.opportunities.map((o) => [o.id, o.status])).toEqual([['opp1', c.opp]]);
  });

  it('reports sentiment per stage before and after, with stages added and removed', () => {
    const future = copyOf(base);
    future.steps = future.steps.map((s) => (s.id === 's3' ? { ...s, sentiment: 2 } : s));
    future.stages = [...future.stages, { id: 'adv', name: 'Advocacy' }];
    future.steps = [
      ...future.steps,
      { ...future.steps[0]!, id: 's9', stageId: 'adv', sentiment: 1 },
    ];
    const out = compareMaps(base, future);
    expect(out.stages).toEqual([
      {
        stageId: 'aware',
        stageName: 'Awareness',
        before: null,
        after: null,
        change: null,
        presence: 'both',
      },
      { stageId: 'buy', stageName: 'Purchase', before: -1, after: 2, change: 3, presence: 'both' },
      {
        stageId: 'adv',
        stageName: 'Advocacy',
        before: null,
        after: 1,
        change: null,
        presence: 'futureOnly',
      },
    ]);
    const gone = compareMaps(base, { ...copyOf(base), stages: copyOf(base).stages.slice(0, 1) });
    expect(gone.stages[1]).toMatchObject({ stageId: 'buy', presence: 'currentOnly', after: null });
  });

  it('orders a pair whichever map the comparison was opened from', () => {
    const future = copyOf(base);
    expect(orderPair(future, base)).toEqual({ current: base, future });
    expect(orderPair(base, future)).toEqual({ current: base, future });
  });
});

describe('compareMaps, properties', () => {
  it('a map compared with its own future-state copy shows no change', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        const out = compareMaps(map, copyOf(map));
        expect(out.painPoints.removed).toEqual([]);
        expect(out.painPoints.added).toEqual([]);
        expect(out.painPoints.improved).toEqual([]);
        expect(out.painPoints.worsened).toEqual([]);
        expect(out.painPoints.unchanged).toBe(painCount(map));
        expect(
          out.stages.every((s) => s.presence === 'both' && (s.change === null || s.change === 0)),
        ).toBe(true);
        expect(out.opportunities.every((o) => o.status === 'open')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('every pain point of either map is accounted for exactly once', () => {
    fc.assert(
      fc.property(arbMap, arbMap, (a, b) => {
        const { removed, added, improved, worsened, unchanged } = compareMaps(a, b).painPoints;
        const matched = improved.length + worsened.length + unchanged;
        expect(removed.length + matched).toBe(painCount(a));
        expect(added.length + matched).toBe(painCount(b));
      }),
      { numRuns: 150 },
    );
  });

  it('matchItems pairs by id first, then by key, one to one', () => {
    const item = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      k: fc.constantFrom('x', 'y', ''),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => i.id }),
        fc.uniqueArray(item, { selector: (i) => i.id }),
        (before, after) => {
          const out = matchItems({ before, after, key: (i) => i.k });
          expect(out.pairs.length + out.beforeOnly.length).toBe(before.length);
          expect(out.pairs.length + out.afterOnly.length).toBe(after.length);
          expect(new Set(out.pairs.map(([, a]) => a)).size).toBe(out.pairs.length);
          for (const [b, a] of out.pairs)
            expect(a.id === b.id || (a.k !== '' && a.k === b.k)).toBe(true);
          for (const b of before)
            if (after.some((a) => a.id === b.id))
              expect(out.pairs.some(([x, y]) => x === b && y.id === b.id)).toBe(true);
        },
      ),
    );
  });
});
