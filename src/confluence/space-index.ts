/**
 * The maps of a space (on pages and blog posts) for the index page, within the REST budget
 * (≤ 10 calls for 1,000 maps, docs/PERFORMANCE.md): CQL over the indexed page summary (current and
 * pre-0020 key), run as the viewer, with the
 * summary expanded into the results (200 pages a call), then the bodies of those pages by id
 * (250 a call) to drop maps whose macro was deleted from the page (docs/decisions/0009).
 */
import type { MapSummary, PageSummary } from '../domain/summary';
import {
  LEGACY_SUMMARY_INDEX_FIELDS,
  LEGACY_SUMMARY_PROPERTY_KEY,
  SUMMARY_INDEX_FIELDS,
  SUMMARY_PROPERTY_KEY,
  pageSummarySchema,
} from '../domain/summary';
import type { ConfluenceClient, PropertyHit } from './client';
import { MAX_LIST_LIMIT } from './client';
import type { ContentRef, ContentType } from './content-ref';
import { CONTENT_TYPES } from './content-ref';
import { macroLocalIds } from './macro-presence';

/** Pages per search call: Confluence caps `limit` at 200 once anything is expanded. */
export const INDEX_SEARCH_LIMIT = 200;
/** Search calls per invocation: 1,000 pages, then the caller continues with the cursor. */
export const MAX_SEARCH_CALLS = 5;
/** Summary JSON gathered per invocation before answering with a cursor (response ≤ 5 MB). */
export const MAX_SUMMARY_BYTES = 3_000_000;

/** Space keys: letters and digits; personal spaces `~` plus an account id. */
export const SPACE_KEY_PATTERN = /^~?[A-Za-z0-9][A-Za-z0-9:_-]{0,254}$/;

/** One map of the space, as the index lists it. */
export type SpaceMapEntry = {
  pageId: string;
  /** Page or blog post (the map's reads address them under different paths). */
  contentType: ContentType;
  pageTitle: string;
  /** Site-relative path of the page (`/wiki/spaces/…`). */
  pageUrl: string;
  /** The raw localId of the macro in the page body (the summary keeps the sanitised one). */
  macroId: string;
  map: MapSummary;
};

/** One invocation's share of the space's maps. */
export type SpaceMapsPage = {
  entries: SpaceMapEntry[];
  /** Present when more pages remain: pass it back to continue. */
  cursor?: string;
  /** Maps left out of truncated page summaries (open the page to see them). */
  hiddenMaps: number;
  /** Maps still summarised whose macro is no longer in the page body (not listed). */
  removedMaps: number;
};

const mapCountAlias = (fields: readonly { path: string; searchAlias: string }[]): string => {
  const alias = fields.find((f) => f.path === 'mapCount')?.searchAlias;
  if (!alias) throw new Error('the summary index has no mapCount field');
  return alias;
};
const MAP_COUNT_ALIAS = mapCountAlias(SUMMARY_INDEX_FIELDS);
const LEGACY_MAP_COUNT_ALIAS = mapCountAlias(LEGACY_SUMMARY_INDEX_FIELDS);

/**
 * The CQL of the index: current pages of the space whose summary counts at least one map, under
 * the current key or, for pages not saved since decision 0020, the old one.
 */
export function spaceIndexCql(spaceKey: string): string {
  if (!SPACE_KEY_PATTERN.test(spaceKey)) throw new Error(`Not a space key: ${spaceKey}`);
  // Stable order, so a cursor taken between two calls neither skips nor repeats pages.
  // Blog posts hold maps too (decision 0015).
  return `space = "${spaceKey}" and type in (page, blogpost) and (${MAP_COUNT_ALIAS} > 0 or ${LEGACY_MAP_COUNT_ALIAS} > 0) order by created asc`;
}

function sitePath(webui: string, pageId: string): string {
  if (!webui) return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
  if (/^https?:\/\//.test(webui)) return new URL(webui).pathname;
  return webui.startsWith('/wiki/') ? webui : `/wiki${webui.startsWith('/') ? '' : '/'}${webui}`;
}

type SummarizedPage = { hit: PropertyHit; summary: PageSummary };

/** Lists the space's maps that the calling user may see (the client decides who that is). */
export async function listSpaceMaps(args: {
  client: ConfluenceClient;
  spaceKey: string;
  cursor?: string;
}): Promise<SpaceMapsPage> {
  const cql = spaceIndexCql(args.spaceKey);
  const pages: SummarizedPage[] = [];
  let cursor = args.cursor;
  let bytes = 0;
  for (let call = 0; call < MAX_SEARCH_CALLS; call++) {
    const found = await args.client.searchWithProperty({
      cql,
      // The current summary wins; a page with both was saved since and its old one is stale.
      propertyKeys: [SUMMARY_PROPERTY_KEY, LEGACY_SUMMARY_PROPERTY_KEY],
      limit: INDEX_SEARCH_LIMIT,
      cursor,
    });
    for (const hit of found.results) {
      const parsed = pageSummarySchema.safeParse(hit.property?.value);
      // An unreadable summary is skipped: the next save of a map on that page rewrites it.
      if (!parsed.success || parsed.data.maps.length === 0) continue;
      pages.push({ hit, summary: parsed.data });
      bytes += JSON.stringify(parsed.data.maps).length;
    }
    cursor = found.cursor;
    if (!cursor || bytes > MAX_SUMMARY_BYTES) break;
  }

  const macrosByPage = await macrosOnPages(
    args.client,
    pages.map((p) => ({ type: p.hit.type, id: p.hit.id })),
  );
  const entries: SpaceMapEntry[] = [];
  let hiddenMaps = 0;
  let removedMaps = 0;
  for (const { hit, summary } of pages) {
    const macros = macrosByPage.get(hit.id);
    // Gone between the search and the body read (trashed, restricted): not listed.
    if (!macros) continue;
    if (summary.truncated) hiddenMaps += Math.max(0, summary.mapCount - summary.maps.length);
    for (const map of summary.maps) {
      const macroId = macros.get(map.localId);
      if (macroId === undefined) {
        removedMaps++;
        continue;
      }
      entries.push({
        pageId: hit.id,
        contentType: hit.type,
        pageTitle: hit.title,
        pageUrl: sitePath(hit.url, hit.id),
        macroId,
        map,
      });
    }
  }
  return { entries, ...(cursor ? { cursor } : {}), hiddenMaps, removedMaps };
}

/**
 * The journey-map macros in each body, 250 pages (or blog posts) a call, the calls in parallel.
 * Content missing from the answer is gone (trashed, restricted): the client follows every
 * `_links.next`, so a short reply is never mistaken for that.
 */
async function macrosOnPages(
  client: ConfluenceClient,
  refs: readonly ContentRef[],
): Promise<Map<string, Map<string, string>>> {
  const batches: { type: ContentType; ids: string[] }[] = [];
  for (const type of CONTENT_TYPES) {
    const ids = refs.filter((r) => r.type === type).map((r) => r.id);
    for (let i = 0; i < ids.length; i += MAX_LIST_LIMIT) {
      batches.push({ type, ids: ids.slice(i, i + MAX_LIST_LIMIT) });
    }
  }
  const lists = await Promise.all(
    batches.map((batch) => client.listContentById({ ...batch, body: true })),
  );
  const out = new Map<string, Map<string, string>>();
  for (const page of lists.flat()) {
    out.set(page.id, macroLocalIds(page.body?.storage?.value ?? ''));
  }
  return out;
}
