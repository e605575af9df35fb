/**
 * The index's table model, pure: rows from the resolver's entries, filters, sorting, grouping by
 * team, pagination and the summary strip. `today` / `now` are passed in (no clock in here).
 */
import type { Locale } from 'date-fns';
import { formatDistanceStrict } from 'date-fns';
import { sanitizeLocalId } from '@domain/codec/property-keys';
import type { ReviewStatus } from '@domain/review/review-dates';
import { reviewStatus } from '@domain/review/review-dates';
import type { RoutingRules } from '@domain/routing/routing-rules';
import { teamImpact } from '@domain/routing/team-impact';
import type { WorkStatus } from '@domain/work-items/work-status';
import { workCounts } from '@domain/work-items/work-status';
import type { IndexEntry } from '@contract';
import { translateNow } from '../../i18n/i18n-context';

/** Severity weights of the pain-point impact score (docs/decisions/0009-space-index.md): trivial 1, workaround 3, abandon 9. */
export const IMPACT_WEIGHTS = { trivial: 1, workaround: 3, abandon: 9 } as const;

/** A map's link to its counterpart in the other state, resolved against the listed rows. */
export type StateLink = { title: string; url: string; rowKey: string | null };

/** One row of the table. */
export type IndexRow = {
  key: string;
  entry: IndexEntry;
  title: string;
  url: string;
  persona: string;
  team: string;
  review: ReviewStatus;
  /** Weighted pain points: abandon × 9 + workaround × 3 + trivial × 1. */
  impact: number;
  /** Future map → its current map; current map → the future maps that link to it. */
  links: StateLink[];
};

/** Columns that sort. */
export type SortKey =
  | 'title'
  | 'persona'
  | 'scenario'
  | 'state'
  | 'team'
  | 'updated'
  | 'review'
  | 'pain'
  | 'top'
  | 'validated'
  | 'writeUp';

/** Sorting: a column and a direction. */
export type Sort = { key: SortKey; dir: 'asc' | 'desc' };

/** The filters above the table ('' = any). */
export type Filters = {
  team: string;
  persona: string;
  state: '' | 'current' | 'future';
  review: '' | ReviewStatus;
  text: string;
};

/** No filter set. */
export const NO_FILTERS: Filters = { team: '', persona: '', state: '', review: '', text: '' };

/** Label of maps without an owning team, in the person's language. */
export function noTeamLabel(): string {
  return translateNow('index.noTeam');
}

function personaLabel(entry: IndexEntry): string {
  const { name, role } = entry.map.persona;
  if (name && role) return `${name} (${role})`;
  return name || role;
}

/** The row key of a map: its page and sanitised localId. */
export function rowKeyOf(pageId: string, localId: string): string {
  return `${pageId}/${sanitizeLocalId(localId)}`;
}

/** Builds the rows, resolving current ↔ future links among the listed maps. */
export function toRows(entries: readonly IndexEntry[], today: string): IndexRow[] {
  const byKey = new Map(entries.map((e) => [rowKeyOf(e.pageId, e.map.localId), e]));
  const futuresOf = new Map<string, IndexEntry[]>();
  for (const e of entries) {
    const link = e.map.linkedMap;
    if (e.map.state !== 'future' || !link) continue;
    const key = rowKeyOf(link.pageId, link.localId);
    futuresOf.set(key, [...(futuresOf.get(key) ?? []), e]);
  }
  const urlOf = (e: IndexEntry): string => `${e.pageUrl}#macro-${e.macroId}`;
  return entries.map((entry) => {
    const key = rowKeyOf(entry.pageId, entry.map.localId);
    const links: StateLink[] = [];
    const link = entry.map.linkedMap;
    if (link) {
      const target = byKey.get(rowKeyOf(link.pageId, link.localId));
      const targetKey = rowKeyOf(link.pageId, link.localId);
      if (target) links.push({ title: target.map.title, url: urlOf(target), rowKey: targetKey });
      else
        links.push({
          title: translateNow('index.linkedMap'),
          url: `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(link.pageId)}`,
          rowKey: null,
        });
    }
    for (const f of futuresOf.get(key) ?? []) {
      const fKey = rowKeyOf(f.pageId, f.map.localId);
      if (!links.some((l) => l.rowKey === fKey)) {
        links.push({ title: f.map.title, url: urlOf(f), rowKey: fKey });
      }
    }
    const pain = entry.map.pain;
    return {
      key,
      entry,
      title: entry.map.title || entry.pageTitle,
      url: urlOf(entry),
      persona: personaLabel(entry),
      team: entry.map.owningTeam.trim() || noTeamLabel(),
      review: reviewStatus({ nextReview: entry.map.nextReview, today }),
      impact:
        pain.abandon * IMPACT_WEIGHTS.abandon +
        pain.workaround * IMPACT_WEIGHTS.workaround +
        pain.trivial * IMPACT_WEIGHTS.trivial,
      links,
    };
  });
}

function includesText(row: IndexRow, needle: string): boolean {
  const m = row.entry.map;
  return [
    row.title,
    row.entry.pageTitle,
    row.persona,
    m.scenario,
    row.team,
    m.topPainPoint?.text ?? '',
    m.writeUp?.title ?? '',
  ].some((s) => s.toLowerCase().includes(needle));
}

/** The rows that pass every filter. */
export function filterRows(rows: readonly IndexRow[], filters: Filters): IndexRow[] {
  const needle = filters.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!filters.team || r.team === filters.team) &&
      (!filters.persona || r.persona === filters.persona) &&
      (!filters.state || r.entry.map.state === filters.state) &&
      (!filters.review || r.review === filters.review) &&
      (!needle || includesText(r, needle)),
  );
}

const REVIEW_ORDER: Record<ReviewStatus, number> = { stale: 0, dueSoon: 1, ok: 2 };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey, a: IndexRow, b: IndexRow): number {
  const am = a.entry.map;
  const bm = b.entry.map;
  switch (key) {
    case 'title':
      return collator.compare(a.title, b.title);
    case 'persona':
      return collator.compare(a.persona, b.persona);
    case 'scenario':
      return collator.compare(am.scenario, bm.scenario);
    case 'state':
      return collator.compare(am.state, bm.state);
    case 'team':
      return collator.compare(a.team, b.team);
    case 'updated':
      return (am.updatedAt ?? '').localeCompare(bm.updatedAt ?? '');
    case 'review':
      return (
        REVIEW_ORDER[a.review] - REVIEW_ORDER[b.review] ||
        (am.nextReview ?? '9999').localeCompare(bm.nextReview ?? '9999')
      );
    case 'pain':
      return (
        a.impact - b.impact ||
        am.pain.abandon - bm.pain.abandon ||
        am.pain.workaround - bm.pain.workaround
      );
    case 'top':
      return (am.topPainPoint?.score ?? -1) - (bm.topPainPoint?.score ?? -1);
    case 'validated':
      return am.validatedShare - bm.validatedShare;
    case 'writeUp':
      return collator.compare(am.writeUp?.title ?? '', bm.writeUp?.title ?? '');
  }
}

/** Rows sorted by the column (ties by title, then page), stable. */
export function sortRows(rows: readonly IndexRow[], sort: Sort): IndexRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * compareBy(sort.key, a, b) ||
      collator.compare(a.title, b.title) ||
      a.key.localeCompare(b.key),
  );
}

/** Rows ordered by team first (teams A–Z, "No team" last), keeping the sort inside each team. */
export function groupByTeam(rows: readonly IndexRow[]): IndexRow[] {
  const none = noTeamLabel();
  const teams = [...new Set(rows.map((r) => r.team))].sort((a, b) =>
    a === none ? 1 : b === none ? -1 : collator.compare(a, b),
  );
  const rank = new Map(teams.map((t, i) => [t, i]));
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (rank.get(x.r.team) ?? 0) - (rank.get(y.r.team) ?? 0) || x.i - y.i)
    .map(({ r }) => r);
}

/** One page of rows and where it sits. */
export type PageSlice = { rows: IndexRow[]; page: number; pages: number; from: number; to: number };

/** The rows of page `page` (1-based, clamped). */
export function paginate(rows: readonly IndexRow[], page: number, size: number): PageSlice {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  const slice = rows.slice(start, start + size);
  return {
    rows: slice,
    page: current,
    pages,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
  };
}

/**
 * "3 days ago" ("3 天前" with the zh-CN date-fns locale) from an instant; '' without one; `null`
 * within a minute (the caller says "just now" in the person's language).
 */
export function relativeTime(instant: string | null, now: Date, locale?: Locale): string | null {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  if (Math.abs(now.getTime() - at.getTime()) < 60_000) return null;
  return formatDistanceStrict(at, now, { addSuffix: true, ...(locale ? { locale } : {}) });
}

/** A pain point in the strip: shown once, with how many other maps carry the same text. */
export type TopPainPoint = {
  text: string;
  score: number;
  row: IndexRow;
  /** Other current-state maps with the same pain point. */
  copies: number;
  /** Whether a future-state map carries it too. */
  inFuture: boolean;
};

/** The key two pain points are "the same" by: their text, case and spacing ignored. */
function painKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The summary strip's figures. */
export type IndexStats = {
  maps: number;
  stale: number;
  dueSoon: number;
  /** Each pain point once (same text = same pain point), with where else it appears. */
  topPainPoints: TopPainPoint[];
  /**
   * Team impact: the write-up's measure (`teamImpact`: summed scores of the pain points and
   * opportunities routed to each team under the space's rules), over the maps shown.
   */
  teams: { team: string; impact: number; maps: number }[];
};

/** Team impact over the rows (the write-up's measure; unassigned work is not a team). */
export function teamsByImpact(
  rows: readonly IndexRow[],
  rules: RoutingRules,
): { team: string; impact: number; maps: number }[] {
  const maps = new Map<string, number>();
  for (const row of rows) {
    for (const t of teamImpact(row.entry.map.routes ?? [], rules)) {
      if (!t.unassigned) maps.set(t.team.toLowerCase(), (maps.get(t.team.toLowerCase()) ?? 0) + 1);
    }
  }
  return teamImpact(
    rows.flatMap((r) => r.entry.map.routes ?? []),
    rules,
  )
    .filter((t) => !t.unassigned && t.score > 0)
    .map((t) => ({ team: t.team, impact: t.score, maps: maps.get(t.team.toLowerCase()) ?? 0 }));
}

/** Figures for the summary strip over `rows` (the filtered rows). */
export function indexStats(rows: readonly IndexRow[], rules: RoutingRules, limit = 5): IndexStats {
  // Copies and future-state versions of a map repeat its pain points: one entry per text, the
  // highest-scored occurrence (a current-state one on a tie) shown, the others counted.
  const occurrences = rows
    .flatMap((row) => {
      const top = row.entry.map.topPainPoint;
      return top ? [{ text: top.text, score: top.score, row }] : [];
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(a.row.entry.map.state === 'future') - Number(b.row.entry.map.state === 'future') ||
        collator.compare(a.text, b.text),
    );
  const byText = new Map<string, TopPainPoint>();
  for (const o of occurrences) {
    const key = painKey(o.text);
    const seen = byText.get(key);
    if (!seen) {
      byText.set(key, { ...o, copies: 0, inFuture: false });
    } else if (o.row.entry.map.state === 'future') {
      seen.inFuture = true;
    } else {
      seen.copies += 1;
    }
  }
  const topPainPoints = [...byText.values()].slice(0, limit);
  return {
    maps: rows.length,
    stale: rows.filter((r) => r.review === 'stale').length,
    dueSoon: rows.filter((r) => r.review === 'dueSoon').length,
    topPainPoints,
    teams: teamsByImpact(rows, rules).slice(0, limit),
  };
}

/** Distinct values of a row field, sorted, for the filter menus. */
export function optionsOf(rows: readonly IndexRow[], pick: (r: IndexRow) => string): string[] {
  return [...new Set(rows.map(pick).filter(Boolean))].sort((a, b) => collator.compare(a, b));
}

/** A map's abandon-level pain points: how many have Jira work, and how many of those are done. */
export type AbandonWork = { abandon: number; withWork: number; done: number };

/** Every work key the rows' summaries list, once (the one JQL search of the index). */
export function workKeysOf(rows: readonly IndexRow[], max = 500): string[] {
  return [...new Set(rows.flatMap((r) => (r.entry.map.work ?? []).map((w) => w.key)))].slice(
    0,
    max,
  );
}

/** The row's abandon-level work counts under the statuses Jira answered. */
export function abandonWorkOf(
  row: IndexRow,
  statuses: ReadonlyMap<string, WorkStatus>,
): AbandonWork {
  const links = (row.entry.map.work ?? []).filter((w) => w.abandon);
  const cards = [...new Set(links.map((w) => w.cardId))];
  return { abandon: row.entry.map.pain.abandon, ...workCounts(cards, links, statuses) };
}

/** Teams with open work (found in Jira and not done) over the rows, most first. */
export function teamsWithOpenWork(
  rows: readonly IndexRow[],
  statuses: ReadonlyMap<string, WorkStatus>,
): { team: string; open: number }[] {
  const open = new Map<string, { team: string; keys: Set<string> }>();
  for (const row of rows) {
    for (const w of row.entry.map.work ?? []) {
      const s = statuses.get(w.key);
      const team = w.team.trim() || noTeamLabel();
      if (!s?.found || s.category === 'done') continue;
      const entry = open.get(team.toLowerCase()) ?? { team, keys: new Set<string>() };
      entry.keys.add(w.key);
      open.set(team.toLowerCase(), entry);
    }
  }
  return [...open.values()]
    .map((e) => ({ team: e.team, open: e.keys.size }))
    .sort((a, b) => b.open - a.open || collator.compare(a.team, b.team));
}
