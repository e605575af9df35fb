/**
 * Team impact is ONE measure: the space index sums the route weights its page summaries carry
 * (`teamsByImpact` over `summarizePage`'s entries) and must show, for every team, exactly the
 * total the write-up's "which teams should know" section (`routeItems`) shows for the same maps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import type { RoutingRules } from '../../../../src/domain/routing';
import {
  cleanScore,
  emptyRules,
  routeItems,
  routeWeights,
  teamImpact,
} from '../../../../src/domain/routing';
import { summarizePage } from '../../../../src/domain/summary';
import { workedExampleMap } from '../../../support/template-maps';
import type { IndexEntry } from '../../../../src/resolvers/contract';
import { teamsByImpact, toRows } from '../../../../static/app/src/features/index/index-model';
import { arbMap } from '../arbitraries';

const TEAMS = ['Web', 'web ', 'Identity', 'Growth', 'constructor'];
const arbTeam = fc.constantFrom(...TEAMS);
const arbRules: fc.Arbitrary<RoutingRules> = fc.record({
  channels: fc.dictionary(fc.constantFrom('web', 'phone', 'email', 'chat'), arbTeam),
  stages: fc.dictionary(fc.constantFrom('', 'a', 'b', 'set up'), arbTeam),
  lanes: fc.dictionary(fc.constantFrom('painPoints', 'opportunities', 'actions'), arbTeam),
});

/** The index's rows for maps, as the summaries the index reads carry them. */
function indexRows(maps: readonly JourneyMap[]) {
  const entries: IndexEntry[] = maps.map((map, i) => {
    const summary = summarizePage({ maps: [{ localId: `m${i}`, map }], today: '2026-12-06' });
    const entry = summary.maps[0];
    if (!entry) throw new Error('no entry');
    return {
      pageId: String(i + 1),
      pageTitle: 'p',
      pageUrl: '/wiki/p',
      macroId: `m${i}`,
      map: entry,
    };
  });
  return toRows(entries, '2026-12-06');
}

/** The write-up's team totals for maps (summed over maps, rounded like the write-up). */
function writeUpTotals(maps: readonly JourneyMap[], rules: RoutingRules): Map<string, number> {
  const totals = new Map<string, number>();
  for (const map of maps) {
    for (const t of routeItems({ map, rules })) {
      if (t.unassigned) continue;
      const key = t.team.toLowerCase();
      totals.set(key, cleanScore((totals.get(key) ?? 0) + t.totalScore));
    }
  }
  return new Map([...totals].filter(([, v]) => v > 0));
}

function indexTotals(maps: readonly JourneyMap[], rules: RoutingRules): Map<string, number> {
  return new Map(
    teamsByImpact(indexRows(maps), rules).map((t) => [t.team.toLowerCase(), t.impact]),
  );
}

describe('team impact: the index and the write-up agree', () => {
  it('on the worked example, with and without rules', () => {
    const map = workedExampleMap();
    const rules: RoutingRules = {
      channels: { web: 'Web' },
      stages: { 'set up': 'Identity' },
      lanes: { opportunities: 'Growth' },
    };
    for (const r of [emptyRules, rules]) {
      const written = writeUpTotals([map], r);
      expect(indexTotals([map], r)).toEqual(written);
    }
    expect(indexTotals([map], rules).size).toBeGreaterThan(0);
  });

  it('property: for random maps and rules, every team total is the same', () => {
    fc.assert(
      fc.property(fc.array(arbMap, { minLength: 1, maxLength: 3 }), arbRules, (maps, rules) => {
        expect(indexTotals(maps, rules)).toEqual(writeUpTotals(maps, rules));
      }),
      { numRuns: 150 },
    );
  });

  it('the write-up totals are teamImpact of the route weights', () => {
    fc.assert(
      fc.property(arbMap, arbRules, (map, rules) => {
        const impact = new Map(
          teamImpact(routeWeights(map), rules).map((t) => [
            t.unassigned ? '' : t.team.toLowerCase(),
            t.score,
          ]),
        );
        for (const t of routeItems({ map, rules })) {
          expect(t.totalScore).toBe(impact.get(t.unassigned ? '' : t.team.toLowerCase()));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a weight routed to no team is unassigned, and counts for each of several teams', () => {
    const weights = [
      { teams: [], channels: [], stage: 'x', lane: null, score: 2 },
      { teams: ['A', 'b'], channels: [], stage: 'x', lane: null, score: 3 },
      { teams: [], channels: ['web'], stage: 'x', lane: null, score: 1.5 },
    ];
    expect(teamImpact(weights, { ...emptyRules, channels: { web: 'a' } })).toEqual([
      { team: 'A', score: 4.5, unassigned: false },
      { team: 'b', score: 3, unassigned: false },
      { team: '', score: 2, unassigned: true },
    ]);
  });
});
