/** The space index's table model: rows, state links, filters, sorting, groups, pages, stats. */
import { describe, expect, it } from 'vitest';
import { emptyRules } from '../../../src/domain/routing';
import type { MapSummary } from '../../../src/domain/summary';
import type { IndexEntry } from '../../../src/resolvers/contract';
import {
  NO_FILTERS,
  filterRows,
  groupByTeam,
  indexStats,
  paginate,
  relativeTime,
  sortRows,
  toRows,
} from '../../../static/app/src/features/index/index-model';

const TODAY = '2026-11-23';

function entry(n: number, over: Partial<MapSummary> = {}): IndexEntry {
  const map: MapSummary = {
    localId: `m_${n}`,
    title: `Map ${n}`,
    persona: { name: `P${n % 2}`, role: 'Buyer' },
    scenario: `Scenario ${n}`,
    state: 'current',
    linkedMap: null,
    owningTeam: n % 2 ? 'Growth' : 'Billing',
    updatedAt: `2026-11-${String(10 + n).padStart(2, '0')}T10:00:00.000Z`,
    nextReview: '2027-01-01',
    cadence: 'quarterly',
    pain: { trivial: n, workaround: 0, abandon: n % 3 === 0 ? 1 : 0 },
    topPainPoint: { text: `Pain ${n}`, score: n * 10 },
    validatedShare: n / 10,
    cardCount: 10,
    writeUp: null,
    routes: [
      {
        teams: [n % 2 ? 'Growth' : 'Billing'],
        channels: [],
        stage: 's',
        lane: 'painPoints',
        score: n,
      },
    ],
    ...over,
  };
  return {
    pageId: String(100 + n),
    pageTitle: `Page ${n}`,
    pageUrl: `/wiki/spaces/CX/pages/${100 + n}/Page+${n}`,
    macroId: `m-${n}`,
    map,
  };
}

describe('index model', () => {
  it('links a future map and its current map both ways, by sanitised localId', () => {
    const current = entry(1);
    const future = entry(2, { state: 'future', linkedMap: { pageId: '101', localId: 'm-1' } });
    const [c, f] = toRows([current, future], TODAY);
    expect(f?.links).toEqual([
      { title: 'Map 1', url: '/wiki/spaces/CX/pages/101/Page+1#macro-m-1', rowKey: '101/m_1' },
    ]);
    expect(c?.links.map((l) => l.title)).toEqual(['Map 2']);
  });

  it('derives review status and weighted impact', () => {
    const [stale, soon, fine] = toRows(
      [
        entry(1, { nextReview: '2026-11-01' }),
        entry(2, { nextReview: '2026-11-30' }),
        entry(3, { nextReview: null }),
      ],
      TODAY,
    );
    expect([stale?.review, soon?.review, fine?.review]).toEqual(['stale', 'dueSoon', 'ok']);
    expect(fine?.impact).toBe(9 + 3);
  });

  it('filters by team, persona, state, review and text', () => {
    const rows = toRows(
      [1, 2, 3, 4].map((n) => entry(n)),
      TODAY,
    );
    expect(filterRows(rows, { ...NO_FILTERS, team: 'Growth' }).map((r) => r.title)).toEqual([
      'Map 1',
      'Map 3',
    ]);
    expect(filterRows(rows, { ...NO_FILTERS, text: 'pain 4' }).map((r) => r.title)).toEqual([
      'Map 4',
    ]);
    expect(filterRows(rows, { ...NO_FILTERS, state: 'future' })).toEqual([]);
    expect(filterRows(rows, { ...NO_FILTERS, persona: 'P0 (Buyer)' })).toHaveLength(2);
  });

  it('sorts by any column both ways and groups by team keeping the order', () => {
    const rows = toRows(
      [3, 1, 4, 2].map((n) => entry(n)),
      TODAY,
    );
    expect(sortRows(rows, { key: 'title', dir: 'asc' }).map((r) => r.title)).toEqual([
      'Map 1',
      'Map 2',
      'Map 3',
      'Map 4',
    ]);
    expect(sortRows(rows, { key: 'top', dir: 'desc' })[0]?.title).toBe('Map 4');
    expect(sortRows(rows, { key: 'pain', dir: 'desc' })[0]?.title).toBe('Map 3');
    const grouped = groupByTeam(sortRows(rows, { key: 'title', dir: 'desc' }));
    expect(grouped.map((r) => `${r.team}:${r.title}`)).toEqual([
      'Billing:Map 4',
      'Billing:Map 2',
      'Growth:Map 3',
      'Growth:Map 1',
    ]);
  });

  it('pages rows and sums the strip', () => {
    const rows = toRows(
      Array.from({ length: 30 }, (_, i) => entry(i + 1)),
      TODAY,
    );
    expect(paginate(rows, 2, 25)).toMatchObject({ page: 2, pages: 2, from: 26, to: 30 });
    expect(paginate(rows, 9, 25).page).toBe(2);
    const stats = indexStats(rows, emptyRules, 3);
    expect(stats.maps).toBe(30);
    expect(stats.topPainPoints.map((p) => p.score)).toEqual([300, 290, 280]);
    expect(stats.teams.map((t) => t.team)).toEqual(['Billing', 'Growth']);
  });

  it.each([
    {
      name: 'copies and a future state',
      maps: [
        { text: 'Slow checkout', score: 10, state: 'current' },
        { text: 'slow  checkout ', score: 10, state: 'current' },
        { text: 'Slow checkout', score: 12, state: 'future' },
        { text: 'Slow checkout', score: 8, state: 'current' },
        { text: 'Lost login', score: 5, state: 'current' },
      ],
      want: ['Slow checkout@12 copies=3 future=false', 'Lost login@5 copies=0 future=false'],
    },
    {
      name: 'current shown before an equal future',
      maps: [
        { text: 'Slow checkout', score: 10, state: 'future' },
        { text: 'Slow checkout', score: 10, state: 'current' },
      ],
      want: ['Slow checkout@10 copies=0 future=true'],
    },
    {
      name: 'distinct texts stay apart',
      maps: [
        { text: 'A', score: 1, state: 'current' },
        { text: 'B', score: 2, state: 'current' },
      ],
      want: ['B@2 copies=0 future=false', 'A@1 copies=0 future=false'],
    },
  ] as const)('shows each pain point once in the strip: $name', ({ maps, want }) => {
    const rows = toRows(
      maps.map((m, i) =>
        entry(i + 1, { state: m.state, topPainPoint: { text: m.text, score: m.score } }),
      ),
      TODAY,
    );
    const top = indexStats(rows, emptyRules).topPainPoints;
    expect(
      top.map(
        (p) =>
          `${p.text.trim().replace(/\s+/g, ' ')}@${p.score} copies=${p.copies} future=${p.inFuture}`,
      ),
    ).toEqual(want);
  });

  it('says how long ago a map changed', () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    expect(relativeTime('2026-11-20T10:00:00.000Z', now)).toBe('3 days ago');
    expect(relativeTime('2026-11-23T09:59:30.000Z', now)).toBe(null);
    expect(relativeTime(null, now)).toBe('');
  });
});
