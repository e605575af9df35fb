import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonByteLength, PROPERTY_VALUE_MAX_BYTES } from '../../../../src/domain/codec';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import type { PageSummary } from '../../../../src/domain/summary';
import {
  pageSummarySchema,
  SUMMARY_INDEX_FIELDS,
  SUMMARY_PROPERTY_KEY,
  summarizePage,
  summaryChanged,
  withoutMilliseconds,
} from '../../../../src/domain/summary';
import { workedExampleMap } from '../../../support/template-maps';
import { generateMap } from '../../../support/generate-map';

const example = (): JourneyMap => workedExampleMap();

/** A map whose every summarised string is as long and as expensive (JSON bytes) as allowed. */
function worstCaseMap(i: number): JourneyMap {
  const map = generateMap({ cards: 50, seed: i });
  const nasty = (n: number) => ('\u0001🎉"\\' + 'é').repeat(Math.ceil(n / 6)).slice(0, n);
  map.title = nasty(200);
  map.persona.name = nasty(200);
  map.persona.role = nasty(200);
  map.scope.scenario = nasty(2_000);
  map.owningTeam = nasty(200);
  const pain = map.cards.find((c) => c.kind === 'painPoint');
  if (pain) {
    pain.text = nasty(2_000);
    pain.painPoint = { impact: 'abandon', votes: 999 };
  }
  for (const card of map.cards) card.teams = [nasty(200)];
  map.linkedMap = { pageId: '12345678901234567890', localId: 'x'.repeat(128) };
  map.writeUp = {
    pageId: '12345678901234567890',
    title: nasty(255),
    generatedAt: '2026-11-23T10:00:00.000+01:00',
    version: 7,
  };
  return map;
}

describe('summarizePage', { timeout: 60_000 }, () => {
  it('summarises a page with flat, indexable fields and one entry per map', () => {
    const current = example();
    const future = {
      ...example(),
      state: 'future' as const,
      title: 'Alana, future state',
      updatedAt: '2026-11-20T08:00:00.000Z',
    };
    const summary = summarizePage({
      maps: [
        { localId: 'a', map: current },
        { localId: 'b', map: future },
      ],
      today: '2026-11-23',
    });
    expect(pageSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      format: 1,
      mapCount: 2,
      titles: 'Alana evaluates Confluence | Alana, future state',
      personas: 'Alana (Project manager)',
      state: 'mixed',
      nextReview: '2027-02-23',
      painPoints: 12,
      abandon: 4,
      updated: '2026-11-20T08:00:00Z',
      truncated: false,
    });
    expect(summary.teams.split(' | ')).toEqual([
      'Confluence Growth',
      'Identity',
      'Growth',
      'Editor',
    ]);
    expect(summary.maps[0]).toMatchObject({
      localId: 'a',
      title: 'Alana evaluates Confluence',
      persona: { name: 'Alana', role: 'Project manager' },
      cadence: 'quarterly',
      pain: { trivial: 2, workaround: 2, abandon: 2 },
      topPainPoint: {
        text: 'Invitation emails land in spam, so half the team never joins',
        score: 101.25,
      },
      cardCount: current.cards.length,
      writeUp: null,
    });
    expect(SUMMARY_PROPERTY_KEY).toBe('com_journeymaps_summary');
  });

  it('takes the earliest review and falls back to now / today for `updated`', () => {
    const a = { ...example(), review: { cadence: 'monthly' as const, lastReviewed: '2026-10-31' } };
    const b = { ...example(), review: { cadence: 'annual' as const, lastReviewed: '2026-01-01' } };
    const s = summarizePage({
      maps: [
        { localId: 'a', map: a },
        { localId: 'b', map: b },
      ],
      today: '2026-11-23',
      now: '2026-11-23T12:00:00.000Z',
    });
    expect(s.nextReview).toBe('2026-11-30');
    expect(s.updated).toBe('2026-11-23T12:00:00Z');
    expect(summarizePage({ maps: [], today: '2026-11-23' })).toMatchObject({
      mapCount: 0,
      state: 'current',
      nextReview: null,
      updated: '2026-11-23T00:00:00Z',
      maps: [],
    });
  });

  it('keeps indexed fields flat and matching SUMMARY_INDEX_FIELDS', () => {
    const summary = summarizePage({
      maps: [{ localId: 'a', map: example() }],
      today: '2026-11-23',
    });
    const record = summary as unknown as Record<string, unknown>;
    expect(SUMMARY_INDEX_FIELDS.map((f) => f.path)).toEqual([
      'mapCount',
      'titles',
      'personas',
      'teams',
      'state',
      'nextReview',
      'painPoints',
      'abandon',
      'updated',
    ]);
    for (const field of SUMMARY_INDEX_FIELDS) {
      const value = record[field.path];
      expect(Array.isArray(value), field.path).toBe(false);
      if (field.type === 'number') expect(typeof value).toBe('number');
      else if (field.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}/);
      else expect(typeof value).toBe('string');
      expect(field.searchAlias).toMatch(/^com_journeymaps_[a-z0-9_]+$/);
    }
    expect(new Set(SUMMARY_INDEX_FIELDS.map((f) => f.searchAlias)).size).toBe(
      SUMMARY_INDEX_FIELDS.length,
    );
  });

  it('stays within the property limit for 20 maps with maximal, expensive text', () => {
    const maps = Array.from({ length: 20 }, (_, i) => ({
      localId: `8d2f6b1e-3c4a-4f5b-9e7d-0a1b2c3d4e${String(i).padStart(2, '0')}`,
      map: worstCaseMap(i),
    }));
    const summary = summarizePage({ maps, today: '2026-11-23' });
    expect(jsonByteLength(summary)).toBeLessThanOrEqual(PROPERTY_VALUE_MAX_BYTES);
    expect(summary.truncated).toBe(false);
    expect(summary.maps).toHaveLength(20);
    expect(summary.maps[0]?.title.endsWith('…')).toBe(true);
    expect(pageSummarySchema.safeParse(JSON.parse(JSON.stringify(summary))).success).toBe(true);
  });

  it('drops entries (and says so) only when far more maps share a page', () => {
    const maps = Array.from({ length: 120 }, (_, i) => ({
      localId: `m${i}`,
      map: worstCaseMap(i),
    }));
    const summary = summarizePage({ maps, today: '2026-11-23' });
    expect(jsonByteLength(summary)).toBeLessThanOrEqual(PROPERTY_VALUE_MAX_BYTES);
    expect(summary.truncated).toBe(true);
    expect(summary.mapCount).toBe(120);
    expect(summary.maps.length).toBeGreaterThan(20);
    expect(summary.maps.length).toBeLessThan(120);
  });

  it('is always within the limit and readable back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            seed: fc.integer({ min: 0, max: 1_000 }),
            title: fc.string({ unit: 'binary', maxLength: 100 }),
            team: fc.string({ unit: 'binary', maxLength: 100 }),
          }),
          { maxLength: 30 },
        ),
        (specs) => {
          const maps = specs.map((s, i) => {
            const map = generateMap({ cards: 20, seed: s.seed });
            map.title = s.title;
            map.owningTeam = s.team;
            return { localId: `m${i}`, map };
          });
          const summary = summarizePage({ maps, today: '2026-11-23' });
          expect(jsonByteLength(summary)).toBeLessThanOrEqual(PROPERTY_VALUE_MAX_BYTES);
          expect(pageSummarySchema.safeParse(JSON.parse(JSON.stringify(summary))).success).toBe(
            true,
          );
        },
      ),
      { numRuns: 30, endOnFailure: true },
    );
  });
});

describe('summaryChanged', () => {
  const base = (): PageSummary =>
    summarizePage({
      maps: [{ localId: 'a', map: example() }],
      today: '2026-11-23',
      now: '2026-11-23T09:00:00.000Z',
    });

  it('is false for the same summary, even re-serialised with other key order', () => {
    const a = base();
    const reordered = Object.fromEntries(
      Object.entries(JSON.parse(JSON.stringify(a)) as object).reverse(),
    );
    expect(summaryChanged(reordered, base())).toBe(false);
  });

  it('is true when there is nothing readable stored', () => {
    expect(summaryChanged(undefined, base())).toBe(true);
    expect(summaryChanged({ format: 99 }, base())).toBe(true);
  });

  it('is true when a displayed or indexed field changes', () => {
    const next = base();
    next.painPoints += 1;
    expect(summaryChanged(base(), next)).toBe(true);
    const renamed = base();
    const entry = renamed.maps[0];
    if (entry) entry.title = 'Renamed';
    expect(summaryChanged(base(), renamed)).toBe(true);
  });

  it('ignores a later time on the same day unless asked to be exact', () => {
    const later = { ...base(), updated: '2026-11-23T17:45:00.000Z' };
    expect(summaryChanged(base(), later)).toBe(false);
    expect(summaryChanged(base(), later, { exactTimestamps: true })).toBe(true);
    expect(summaryChanged(base(), { ...base(), updated: '2026-11-24T00:00:01.000Z' })).toBe(true);
  });

  it('compares a write-up by page, title and day: regenerating the same day changes nothing', () => {
    const withWriteUp = (generatedAt: string, title = 'Write-up'): PageSummary => {
      const s = base();
      const entry = s.maps[0];
      if (entry) entry.writeUp = { pageId: '77', title, generatedAt };
      return s;
    };
    const morning = withWriteUp('2026-11-23T09:00:00.000Z');
    expect(summaryChanged(morning, withWriteUp('2026-11-23T16:30:00.000Z'))).toBe(false);
    expect(summaryChanged(morning, withWriteUp('2026-11-24T08:00:00.000Z'))).toBe(true);
    expect(summaryChanged(morning, withWriteUp('2026-11-23T16:30:00.000Z', 'Other'))).toBe(true);
    expect(summaryChanged(base(), morning)).toBe(true);
    expect(
      summaryChanged(morning, withWriteUp('2026-11-23T16:30:00.000Z'), { exactTimestamps: true }),
    ).toBe(true);
  });
});

describe('withoutMilliseconds (CQL date index, decision 0020)', () => {
  it.each([
    ['2026-11-23T12:00:00.000Z', '2026-11-23T12:00:00Z'],
    ['2026-11-23T12:00:00.5Z', '2026-11-23T12:00:00Z'],
    ['2026-11-23T12:00:00.123+02:00', '2026-11-23T12:00:00+02:00'],
    ['2026-11-23T12:00:00Z', '2026-11-23T12:00:00Z'],
  ])('%s → %s', (input, output) => {
    expect(withoutMilliseconds(input)).toBe(output);
  });
});
