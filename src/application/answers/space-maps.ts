/**
 * The journey maps of a space as the asking person sees them (CQL over the page summaries, run
 * as them: src/confluence/space-index.ts), filtered by persona, team, state and review status.
 * Used by the Rovo actions "list maps" and "reviews due".
 */
import type { ConfluenceClient } from '../../confluence/client';
import type { SpaceMapEntry } from '../../confluence/space-index';
import { listSpaceMaps } from '../../confluence/space-index';
import type { MapState } from '../../domain/model/schema';
import type { ReviewStatus } from '../../domain/review';
import { daysUntilReview, reviewStatus } from '../../domain/review';
import { clip } from './clip';

/** Index pages read per answer (each up to 1,000 pages of maps): bounds the REST calls. */
export const MAX_INDEX_PAGES = 2;

/** Filters of a map list; every given filter must match (case-insensitive substrings). */
export type MapFilters = {
  persona?: string;
  team?: string;
  state?: MapState;
  review?: ReviewStatus;
};

/** One map as an answer lists it. */
export type MapListItem = {
  title: string;
  pageTitle: string;
  /** Site-relative path of the page, anchored at the map. */
  path: string;
  pageId: string;
  mapId: string;
  persona: string;
  owningTeam: string;
  state: MapState;
  painPoints: number;
  causeAbandonment: number;
  topPainPoint: string | null;
  nextReview: string | null;
  review: ReviewStatus;
  /** Days until the review (negative: overdue). */
  reviewInDays: number | null;
  writeUpPageId: string | null;
};

/** The maps of the space that match, and whether the list was cut. */
export type MapList = { maps: MapListItem[]; total: number; truncated: boolean };

function contains(haystack: string, needle: string | undefined): boolean {
  return needle === undefined || haystack.toLowerCase().includes(needle.trim().toLowerCase());
}

/** A space's map as an answer item. */
function itemOf(entry: SpaceMapEntry, today: string): MapListItem {
  const m = entry.map;
  const persona = m.persona.role ? `${m.persona.name} (${m.persona.role})` : m.persona.name;
  return {
    title: clip(m.title),
    pageTitle: clip(entry.pageTitle),
    path: `${entry.pageUrl}#${encodeURIComponent(entry.macroId)}`,
    pageId: entry.pageId,
    mapId: entry.macroId,
    persona: clip(persona),
    owningTeam: clip(m.owningTeam),
    state: m.state,
    painPoints: m.pain.trivial + m.pain.workaround + m.pain.abandon,
    causeAbandonment: m.pain.abandon,
    topPainPoint: m.topPainPoint ? clip(m.topPainPoint.text) : null,
    nextReview: m.nextReview,
    review: reviewStatus({ nextReview: m.nextReview, today }),
    reviewInDays: daysUntilReview({ nextReview: m.nextReview, today }),
    writeUpPageId: m.writeUp?.pageId ?? null,
  };
}

/** Every map of the space the person can see (up to MAX_INDEX_PAGES index pages). */
export async function spaceMapEntries(args: {
  client: ConfluenceClient;
  spaceKey: string;
}): Promise<{ entries: SpaceMapEntry[]; truncated: boolean }> {
  const entries: SpaceMapEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_INDEX_PAGES; page++) {
    const found = await listSpaceMaps({
      client: args.client,
      spaceKey: args.spaceKey,
      ...(cursor ? { cursor } : {}),
    });
    entries.push(...found.entries);
    cursor = found.cursor;
    if (!cursor) return { entries, truncated: false };
  }
  return { entries, truncated: true };
}

/** What both answers ask: whose space, as of which day, and how many maps to list at most. */
type SpaceQuery = { client: ConfluenceClient; spaceKey: string; today: string; limit: number };

/** The maps `select` picks from the space, in its order, cut at `limit`. */
async function answer(
  args: SpaceQuery,
  select: (entries: SpaceMapEntry[]) => MapListItem[],
): Promise<MapList> {
  const { entries, truncated } = await spaceMapEntries(args);
  const picked = select(entries);
  return {
    maps: picked.slice(0, args.limit),
    total: picked.length,
    truncated: truncated || picked.length > args.limit,
  };
}

/** The maps of a space that match `filters`, at most `limit` of them. */
export async function listMaps(args: SpaceQuery & { filters: MapFilters }): Promise<MapList> {
  const f = args.filters;
  return answer(args, (entries) =>
    entries
      .map((entry) => ({ entry, item: itemOf(entry, args.today) }))
      .filter(({ entry, item }) => {
        const teams = [entry.map.owningTeam];
        return (
          contains(item.persona, f.persona) &&
          (f.team === undefined || teams.some((t) => contains(t, f.team))) &&
          (f.state === undefined || item.state === f.state) &&
          (f.review === undefined || item.review === f.review)
        );
      })
      .map(({ item }) => item),
  );
}

/** Maps whose review has passed or falls within the next `withinDays`, most urgent first. */
export async function reviewsDue(args: SpaceQuery & { withinDays: number }): Promise<MapList> {
  return answer(args, (entries) =>
    entries
      .map((entry) => itemOf(entry, args.today))
      .filter((item) => item.reviewInDays !== null && item.reviewInDays <= args.withinDays)
      .sort(
        (a, b) => (a.reviewInDays ?? 0) - (b.reviewInDays ?? 0) || a.title.localeCompare(b.title),
      ),
  );
}
