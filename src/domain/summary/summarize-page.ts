/**
 * Builds the page summary from the page's maps, always small enough for one property.
 * Strings are cut by their JSON size, not their length, so emoji and control characters cannot
 * push the value over the limit: per-map strings get the budgets in `SUMMARY_STRING_BUDGETS`
 * (halved, then quartered if 20+ maps with maximal text still do not fit), joined flat fields
 * `SUMMARY_TEXT_BUDGETS`; cut strings end in "…". If even that does not fit (dozens of maps on
 * one page), map entries are dropped from the end and `truncated` is set; flat counts still
 * cover every map.
 */
import { jsonByteLength, truncateJsonString } from '../codec/utf8';
import { PROPERTY_VALUE_MAX_BYTES } from '../codec/limits';
import type { JourneyMap, WriteUpRef } from '../model/schema';
import { rankPainPoints } from '../ranking/rank-pain-points';
import { routeWeights } from '../routing/team-impact';
import { validatedShare } from '../ranking/validated-share';
import { nextReviewDate } from '../review/review-dates';
import type { MapSummary, MapWorkLink, PageSummary, WriteUpRecord } from './page-summary-schema';
import { SUMMARY_FORMAT, SUMMARY_ROUTES_MAX, SUMMARY_WORK_MAX } from './page-summary-schema';
import { writeUpOf } from './write-up-records';

/** JSON byte budgets of per-map strings at full size. */
export const SUMMARY_STRING_BUDGETS = {
  title: 160,
  personaName: 60,
  personaRole: 60,
  scenario: 160,
  owningTeam: 60,
  topPainPoint: 160,
  writeUpTitle: 120,
} as const;

/** JSON byte budgets of the joined, indexed text fields. */
export const SUMMARY_TEXT_BUDGETS = { titles: 1_500, personas: 600, teams: 600 } as const;

const SEPARATOR = ' | ';

/** Non-empty values, first spelling kept, compared case-insensitively. */
function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

function latestInstant(values: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const v of values) {
    if (v && (best === null || Date.parse(v) > Date.parse(best))) best = v;
  }
  return best;
}

function summarizeMap(args: {
  localId: string;
  map: JourneyMap;
  writeUp: WriteUpRef | null;
  today: string;
  scale: number;
}): MapSummary {
  const { map, localId, writeUp } = args;
  const cut = (s: string, budget: number): string =>
    truncateJsonString(s, Math.max(8, Math.floor(budget * args.scale)));
  const b = SUMMARY_STRING_BUDGETS;
  const ranked = rankPainPoints(map);
  const top = ranked[0];
  const pain = { trivial: 0, workaround: 0, abandon: 0 };
  for (const p of ranked) pain[p.impact]++;
  return {
    localId,
    title: cut(map.title, b.title),
    persona: {
      name: cut(map.persona.name, b.personaName),
      role: cut(map.persona.role, b.personaRole),
    },
    scenario: cut(map.scope.scenario, b.scenario),
    state: map.state,
    linkedMap: map.linkedMap,
    owningTeam: cut(map.owningTeam, b.owningTeam),
    updatedAt: map.updatedAt,
    nextReview: nextReviewDate({
      cadence: map.review.cadence,
      lastReviewed: map.review.lastReviewed,
      createdFallback: map.updatedAt ?? args.today,
    }),
    cadence: map.review.cadence,
    pain,
    topPainPoint: top
      ? { text: cut(top.text, b.topPainPoint), score: top.score, cardId: top.cardId }
      : null,
    validatedShare: Math.round(validatedShare(map) * 1000) / 1000,
    cardCount: map.cards.length,
    writeUp: writeUp
      ? {
          pageId: writeUp.pageId,
          title: cut(writeUp.title, b.writeUpTitle),
          generatedAt: writeUp.generatedAt,
        }
      : null,
    routes: routeWeights(map)
      .sort((x, y) => y.score - x.score)
      // Heaviest first; a page of many maps with long names keeps fewer (none at the last scale).
      .slice(0, args.scale >= 1 ? SUMMARY_ROUTES_MAX : args.scale >= 0.5 ? 6 : 0),
    work: workLinks(map, ranked).slice(0, Math.floor(SUMMARY_WORK_MAX * args.scale)),
  };
}

/** The map's work links, those on abandon-level pain points first. */
function workLinks(map: JourneyMap, ranked: ReturnType<typeof rankPainPoints>): MapWorkLink[] {
  const abandon = new Set(ranked.filter((p) => p.impact === 'abandon').map((p) => p.cardId));
  return map.workItems
    .map((w) => ({ cardId: w.cardId, key: w.key, team: w.team, abandon: abandon.has(w.cardId) }))
    .sort((x, y) => Number(y.abandon) - Number(x.abandon));
}

/**
 * The `cjm_summary` value for a page's maps (in page order). `today` (`YYYY-MM-DD`) dates maps
 * never reviewed nor saved; `updated` is the latest map `updatedAt`, else `now`, else today.
 * `writeUps` are the write-up records to keep (those of maps no longer on the page are dropped);
 * a map without one falls back to the reference older versions stored in the map itself. A
 * record's title is cut like the entry's: it only picks the first title an update tries.
 */
export function summarizePage(args: {
  maps: readonly { localId: string; map: JourneyMap }[];
  today: string;
  now?: string;
  writeUps?: readonly WriteUpRecord[];
}): PageSummary {
  const { maps, today } = args;
  const refs = maps.map(({ localId, map }) =>
    writeUpOf({ records: args.writeUps ?? [], localId, legacy: map.writeUp }),
  );
  const states = new Set(maps.map((m) => m.map.state));
  const teams = distinct(
    maps.flatMap((m) => [m.map.owningTeam, ...m.map.cards.flatMap((c) => c.teams)]),
  );
  const personas = distinct(
    maps.map((m) =>
      m.map.persona.role ? `${m.map.persona.name} (${m.map.persona.role})` : m.map.persona.name,
    ),
  );
  // Counted like the per-map entries: pain points placed in the journey (rankPainPoints).
  const ranked = maps.flatMap(({ map }) => rankPainPoints(map));
  const painPoints = ranked.length;
  const abandon = ranked.filter((p) => p.impact === 'abandon').length;
  const reviews = maps
    .map(({ map }) =>
      nextReviewDate({
        cadence: map.review.cadence,
        lastReviewed: map.review.lastReviewed,
        createdFallback: map.updatedAt ?? today,
      }),
    )
    .filter((d): d is string => d !== null)
    .sort();
  const base: Omit<PageSummary, 'maps' | 'truncated' | 'writeUps'> = {
    format: SUMMARY_FORMAT,
    mapCount: maps.length,
    titles: truncateJsonString(
      distinct(maps.map((m) => m.map.title)).join(SEPARATOR),
      SUMMARY_TEXT_BUDGETS.titles,
    ),
    personas: truncateJsonString(personas.join(SEPARATOR), SUMMARY_TEXT_BUDGETS.personas),
    teams: truncateJsonString(teams.join(SEPARATOR), SUMMARY_TEXT_BUDGETS.teams),
    state:
      states.size === 2
        ? ('mixed' as const)
        : states.has('future')
          ? ('future' as const)
          : ('current' as const),
    nextReview: reviews[0] ?? null,
    painPoints,
    abandon,
    // CQL's `date` index takes ISO 8601 without milliseconds (decision 0020).
    updated: withoutMilliseconds(
      latestInstant(maps.map((m) => m.map.updatedAt)) ?? args.now ?? `${today}T00:00:00Z`,
    ),
  };
  let entries: MapSummary[] = [];
  let records: WriteUpRecord[] = [];
  for (const scale of [1, 0.5, 0.25]) {
    entries = maps.map(({ localId, map }, i) =>
      summarizeMap({ localId, map, writeUp: refs[i] ?? null, today, scale }),
    );
    records = maps.flatMap(({ localId }, i) => {
      const ref = refs[i];
      if (!ref) return [];
      const title = truncateJsonString(
        ref.title,
        Math.floor(SUMMARY_STRING_BUDGETS.writeUpTitle * scale),
      );
      return [{ localId, ...ref, title }];
    });
    const whole = build({ base, entries, records, truncated: false });
    if (jsonByteLength(whole) <= PROPERTY_VALUE_MAX_BYTES) return whole;
  }
  // Still too big: keep as many entries (and their records) as fit: binary search on the count.
  // A record left out costs its map's next generation a title lookup, never a duplicate page.
  const firstN = (n: number): PageSummary => {
    const kept = entries.slice(0, n);
    const ids = new Set(kept.map((e) => e.localId));
    return build({
      base,
      entries: kept,
      records: records.filter((r) => ids.has(r.localId)),
      truncated: true,
    });
  };
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (jsonByteLength(firstN(mid)) <= PROPERTY_VALUE_MAX_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return firstN(lo);
}

function build(args: {
  base: Omit<PageSummary, 'maps' | 'truncated' | 'writeUps'>;
  entries: MapSummary[];
  records: WriteUpRecord[];
  truncated: boolean;
}): PageSummary {
  return {
    ...args.base,
    maps: args.entries,
    truncated: args.truncated,
    ...(args.records.length ? { writeUps: args.records } : {}),
  };
}

/** An ISO instant as the CQL `date` index takes it: `…T10:00:00Z`, no fraction of a second. */
export function withoutMilliseconds(instant: string): string {
  return instant.replace(/\.\d+(?=Z$|[+-]\d\d:\d\d$)/, '');
}
