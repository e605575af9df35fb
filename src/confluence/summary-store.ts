/**
 * The page summary (SUMMARY_PROPERTY_KEY), recomputed after each save from every map on the page (their
 * properties are already at hand from the read) and written only when `summaryChanged` says so:
 * a plain edit costs no extra REST call. A summary failure never fails the save that caused it;
 * the next save repairs it (it compares with what is stored).
 */
import {
  LEGACY_MAP_PROPERTY_PREFIX,
  MAP_PROPERTY_PREFIX,
  isChunkKeyOf,
  sanitizeLocalId,
} from '../domain/codec';
import type { JourneyMap } from '../domain/model/schema';
import type { PageSummary, WriteUpRecord } from '../domain/summary';
import {
  LEGACY_SUMMARY_PROPERTY_KEY,
  SUMMARY_PROPERTY_KEY,
  pageSummarySchema,
  readWriteUpRecords,
  summarizePage,
  summaryChanged,
  withWriteUpRecord,
  writeUpOf,
} from '../domain/summary';
import type { ContentRef } from './content-ref';
import type { ConfluenceClient } from './client';
import { ConflictError, isNeedsAuthentication } from './errors';
import type { StoredMap } from './map-store';
import { readMapFromProperties } from './map-store';
import type { StoredProperty } from './wire';

const WHAT = 'the page summary';

/** A map the caller holds decoded already, with the head property it was read or saved as. */
export type KnownMap = Pick<StoredMap, 'head' | 'map'>;

/** The caller's decoded map when `head` is the very head property it holds (same version). */
function knownAt(head: StoredProperty, known: KnownMap | undefined): JourneyMap | null {
  const held = known?.head;
  return held && known.map && held.key === head.key && held.version === head.version
    ? known.map
    : null;
}

/**
 * Every readable map on the page, in creation order, keyed by its sanitised localId: heads under
 * the current prefix and, for maps not saved since decision 0020, under the legacy one. The map
 * the caller holds (`known`, matched by head key and version) is not decoded again.
 */
export function mapsOnPage(
  properties: StoredProperty[],
  known?: KnownMap,
): { localId: string; map: JourneyMap }[] {
  const out: { localId: string; map: JourneyMap; order: number }[] = [];
  const seen = new Set<string>();
  const heads = [
    ...headsUnder(properties, MAP_PROPERTY_PREFIX, false),
    ...headsUnder(properties, LEGACY_MAP_PROPERTY_PREFIX, true),
  ];
  for (const { p, localId } of heads) {
    if (seen.has(localId)) continue;
    seen.add(localId);
    try {
      const map = knownAt(p, known) ?? readMapFromProperties(properties, localId).map;
      if (map) out.push({ localId, map, order: Number(p.id) || 0 });
    } catch {
      // A corrupt map is left out of the summary; its own macro explains the problem.
    }
  }
  return out.sort((a, b) => a.order - b.order).map(({ localId, map }) => ({ localId, map }));
}

/** Head properties under `prefix` (a chunk key of another map under it is not a head). */
function headsUnder(
  properties: StoredProperty[],
  prefix: string,
  legacy: boolean,
): { p: StoredProperty; localId: string }[] {
  const under = properties.filter((p) => p.key.startsWith(prefix));
  return under
    .filter(
      (p) => !under.some((h) => h !== p && isChunkKeyOf(h.key.slice(prefix.length), p.key, legacy)),
    )
    .map((p) => ({ p, localId: p.key.slice(prefix.length) }));
}

/** The page's summary property: the current key, else the pre-0020 one (read only). */
export function storedSummary(properties: StoredProperty[]): {
  current: StoredProperty | null;
  legacy: StoredProperty | null;
} {
  return {
    current: properties.find((p) => p.key === SUMMARY_PROPERTY_KEY) ?? null,
    legacy: properties.find((p) => p.key === LEGACY_SUMMARY_PROPERTY_KEY) ?? null,
  };
}

/** Arguments of {@link updatePageSummary}. */
export type UpdateSummaryArgs = {
  client: ConfluenceClient;
  /** The page or blog post the summary is on. */
  content: ContentRef;
  properties: StoredProperty[];
  deps: { now: () => Date };
  /** A map of the page the caller holds decoded (not decoded again when still current). */
  known?: KnownMap;
};

/** Writes the page summary when its fields changed; returns whether it wrote. Never throws. */
export async function updatePageSummary(args: UpdateSummaryArgs): Promise<boolean> {
  return (await syncPageSummary(args)).wrote;
}

/**
 * Like {@link updatePageSummary}, and also answers the summary property as it now stands (null
 * when unknown), so a cached map's properties can stay current: a later save then compares with
 * what is really stored instead of paying a refused write and a re-read. Never throws.
 */
export async function syncPageSummary(
  args: UpdateSummaryArgs,
): Promise<{ wrote: boolean; summary: StoredProperty | null }> {
  try {
    return await writeSummary({ ...args, record: null });
  } catch (error) {
    if (isNeedsAuthentication(error)) throw error;
    console.warn(
      'journey-maps: page summary not updated',
      error instanceof Error ? error.message : error,
    );
    return { wrote: false, summary: null };
  }
}

/**
 * Records a map's write-up page in the summary (one property write; see decision 0008): the
 * summary is read by every map load and by the index, so this one write shows the link in both.
 * Unlike a save's summary sync it throws (typed Confluence errors): a generation must know
 * whether its page was recorded. Answers the summary property as written.
 */
export async function recordWriteUpInSummary(
  args: UpdateSummaryArgs & { record: WriteUpRecord },
): Promise<StoredProperty> {
  return (await writeSummary(args)).summary;
}

/** The map as a reader sees it: with its write-up ref as recorded in the page summary. */
export function withWriteUpRef(
  map: JourneyMap,
  args: { properties: StoredProperty[]; localId: string },
): JourneyMap {
  const stored = storedSummary(args.properties);
  const summary = stored.current ?? stored.legacy;
  const writeUp = writeUpOf({
    records: summary ? readWriteUpRecords(summary.value) : [],
    localId: propertySuffix(args.localId),
    legacy: map.writeUp,
  });
  return writeUp === map.writeUp ? map : { ...map, writeUp };
}

/** A map's localId as its property key spells it (the summary's records use that). */
const propertySuffix = sanitizeLocalId;

/**
 * Recomputes the summary from `properties` (keeping the stored write-up records, plus `record`)
 * and writes it when it changed. A stale version (someone else wrote it) re-lists the
 * properties once and tries again; other failures throw.
 */
async function writeSummary(
  args: UpdateSummaryArgs & { record: WriteUpRecord | null },
): Promise<{ wrote: boolean; summary: StoredProperty }> {
  let properties = args.properties;
  for (let attempt = 0; ; attempt++) {
    const now = args.deps.now();
    const { current, legacy } = storedSummary(properties);
    // The write-up records move over from a pre-0020 summary on the first write.
    const from = current ?? legacy;
    const kept = from ? readWriteUpRecords(from.value) : [];
    const record = args.record
      ? { ...args.record, localId: propertySuffix(args.record.localId) }
      : null;
    const next = summarizePage({
      maps: mapsOnPage(properties, args.known),
      today: now.toISOString().slice(0, 10),
      now: now.toISOString(),
      writeUps: record ? withWriteUpRecord(kept, record) : kept,
    });
    if (current && !summaryChanged(current.value, next)) return { wrote: false, summary: current };
    try {
      const written = current
        ? await args.client.updateProperty({
            content: args.content,
            property: current,
            value: next,
            what: WHAT,
          })
        : await args.client.createProperty({
            content: args.content,
            key: SUMMARY_PROPERTY_KEY,
            value: next,
            what: WHAT,
          });
      return { wrote: true, summary: written };
    } catch (error) {
      // Someone else updated (or created) it: recompute from fresh properties once.
      const stale =
        error instanceof ConflictError ||
        (error instanceof Error && error.name === 'InvalidRequestError');
      if (!stale || attempt > 0) throw error;
      properties = await args.client.listProperties(args.content);
    }
  }
}

/**
 * Syncs the page summary after a map save and answers the saved map with the summary property as
 * it now stands, so a cached copy compares against what is really stored on the next save.
 */
export async function withSyncedSummary(args: {
  client: ConfluenceClient;
  content: ContentRef;
  saved: StoredMap;
  deps: { now: () => Date };
}): Promise<StoredMap> {
  const { summary } = await syncPageSummary({
    client: args.client,
    content: args.content,
    properties: args.saved.properties,
    deps: args.deps,
    known: args.saved,
  });
  if (summary === null) return args.saved;
  return {
    ...args.saved,
    properties: [...args.saved.properties.filter((p) => p.key !== summary.key), summary],
  };
}

/**
 * A page's summary as the user reads it, with the page's title and path (and, asked, its body):
 * one call while the page has at most 50 properties (the current key, else the pre-0020 one). `summary` is null when the
 * page has none or it is unreadable (the next save of a map rewrites it).
 */
export async function readPageSummary(
  client: ConfluenceClient,
  content: ContentRef,
  opts: { body?: boolean } = {},
): Promise<{
  title: string;
  path: string;
  spaceId: string;
  summary: PageSummary | null;
  /** With `body`: the storage body (the macros still on the page); else null. */
  storage: string | null;
}> {
  const { page, property } = await client.getPageWithProperty(content, SUMMARY_PROPERTY_KEY, opts);
  const included = page.properties?.results.find((p) => p.key === LEGACY_SUMMARY_PROPERTY_KEY);
  const legacy =
    property === null && page.properties?.meta?.hasMore === true
      ? await client.getPropertyByKey(content, LEGACY_SUMMARY_PROPERTY_KEY)
      : null;
  const value = property?.value ?? included?.value ?? legacy?.value;
  const parsed = pageSummarySchema.safeParse(value);
  return {
    title: page.title,
    path: contentPath(page._links?.webui ?? '', page.id),
    spaceId: page.spaceId,
    summary: parsed.success ? parsed.data : null,
    storage: page.body?.storage?.value ?? null,
  };
}

/** Site-relative path of a page from its `webui` link (the classic redirect when absent). */
export function contentPath(webui: string, pageId: string): string {
  if (!webui) return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
  if (/^https?:\/\//.test(webui)) return new URL(webui).pathname;
  return webui.startsWith('/wiki/') ? webui : `/wiki${webui.startsWith('/') ? '' : '/'}${webui}`;
}
