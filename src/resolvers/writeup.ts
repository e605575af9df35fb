/**
 * `writeup/generate`: renders the session write-up of a map and writes it as a child page of the
 * map's page (created once, then updated: never duplicated, even when two people click at once),
 * attaches the sentiment chart and records the page in the page summary. REST calls (DESIGN §6),
 * whatever the number of photos (they are referenced from the map page, never copied or listed):
 *   warm (this instance read the map page for this user < 60 s ago, e.g. the preview the UI
 *   shows first, or the previous generation): the page create/update (1), the chart (1, skipped
 *   when nothing is charted) and the page summary recording the write-up (1): 3;
 *   cold: + the map page with its properties (1) + the space's routing rules (1, skipped when
 *   nothing is routed) + the write-up page (1) when this instance has not seen it under the map
 *   page (the stored reference is page data: it is checked before a page is overwritten).
 * Races (a hand edit of the write-up, a concurrent generation or summary write) cost a few more
 * calls, each bounded: see docs/decisions/0008-write-up.md.
 */
import { z } from 'zod';
import type { ConfluenceClient } from '../confluence/client';
import {
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
} from '../confluence/errors';
import { readMapFromProperties } from '../confluence/map-store';
import { recordWriteUpInSummary, withWriteUpRef } from '../confluence/summary-store';
import type { PageInfo } from '../confluence/wire';
import type { JourneyMap } from '../domain/model/schema';
import type { RoutingRules } from '../domain/routing/routing-rules';
import {
  ROUTING_PROPERTY_KEY,
  emptyRules,
  routingRulesSchema,
} from '../domain/routing/routing-rules';
import type { SentimentChart } from '../domain/write-up/sentiment-chart';
import { renderSentimentChart } from '../domain/write-up/sentiment-chart';
import { renderWriteUp } from '../domain/write-up/render-write-up';
import { writeUpTitle } from '../domain/write-up/write-up-title';
import type { ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, mapLocationFor } from './context';
import { contentOf } from '../confluence/content-ref';
import type { MapLocation, StoredMap } from '../confluence/map-store';
import { parentForMapPages } from '../confluence/page-parent';
import { cacheKey, dropCached, getCached, putCached } from './map-cache';
import { mapAddressSchema, pageIdSchema } from './payload-schemas';
import { ResolverFailure, guard } from './result';
import type { PageFacts } from './writeup-facts';
import { anyFacts, freshFacts, freshRules, rememberFacts } from './writeup-facts';

/** `writeup/generate` payload: the map, optionally the space (checked) and preview mode. */
export const writeUpPayloadSchema = mapAddressSchema.extend({
  spaceId: pageIdSchema.optional(),
  preview: z.boolean().optional(),
  mapVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** Titles tried before giving up when other pages of the space hold the plain title. */
const MAX_TITLE_ATTEMPTS = 5;
/** Re-reads of the write-up page's version after its update was refused as stale (409). */
const MAX_VERSION_READS = 3;

const NO_EDIT =
  'You can view this journey map but not edit its page, so you cannot generate its write-up. Ask the page owner or a space admin for edit access.';
const NO_CREATE =
  'You do not have permission to add pages in this space, so the write-up page cannot be created or updated. Ask a space admin for the "Add pages" permission, or ask someone who has it to generate the write-up.';

function isTitleTaken(error: unknown): boolean {
  return (
    error instanceof InvalidRequestError &&
    /title/i.test(error.detail) &&
    /exist/i.test(error.detail)
  );
}

/** The space's routing rules; unreadable or missing rules route nothing (items go to Unassigned). */
async function readRoutingRules(client: ConfluenceClient, spaceId: string): Promise<RoutingRules> {
  const stored = await client.getSpaceProperty(spaceId, ROUTING_PROPERTY_KEY);
  if (!stored) return emptyRules;
  const parsed = routingRulesSchema.safeParse(stored.value);
  return parsed.success ? parsed.data : emptyRules;
}

/** The rules for this generation: remembered ones under a minute old, else one read. */
async function rulesFor(args: {
  client: ConfluenceClient;
  facts: PageFacts;
  now: number;
}): Promise<RoutingRules> {
  const remembered = freshRules(args.facts, args.now);
  if (remembered) return remembered;
  const value = await readRoutingRules(args.client, args.facts.page.spaceId);
  args.facts.rules = { value, readAt: args.now };
  return value;
}

function needsRouting(map: JourneyMap): boolean {
  return map.cards.some((c) => c.kind === 'painPoint' || c.kind === 'opportunity');
}

function pageUrl(page: PageInfo): string {
  const webui = page._links?.webui;
  if (webui && webui.startsWith('/')) return webui.startsWith('/wiki/') ? webui : `/wiki${webui}`;
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(page.id)}`;
}

type PageWrite = { page: PageInfo; created: boolean };
type TitleFor = (attempt: number) => string;
type Rendered = { storage: string; chart: SentimentChart };

/** The write-up titles of a map: "… (2)", "… (3)" for later attempts. */
function titlesOf(map: JourneyMap, today: string): TitleFor {
  return (attempt) =>
    writeUpTitle({ mapTitle: map.title, date: map.session.date ?? today, attempt });
}

/** The attempt whose title the page has now, so a "… (2)" page keeps its title (else 1). */
function attemptOf(title: string, titleFor: TitleFor): number {
  for (let attempt = 1; attempt <= MAX_TITLE_ATTEMPTS; attempt++) {
    if (titleFor(attempt) === title) return attempt;
  }
  return 1;
}

/**
 * A current child of the page the write-up goes under (the map page; for a blog post the space
 * homepage, decision 0015): the only kind of page a generation overwrites.
 */
function isWriteUpOf(page: PageInfo, parentId: string | null): boolean {
  return page.status !== 'trashed' && (page.parentId ?? null) === parentId;
}

/** The write-up page when it still is one (one GET); null when gone or not under the map page. */
async function readWriteUpPage(args: {
  client: ConfluenceClient;
  pageId: string;
  parentId: string | null;
}): Promise<PageInfo | null> {
  try {
    const page = await args.client.getPage({ type: 'page', id: args.pageId });
    return isWriteUpOf(page, args.parentId) ? page : null;
  } catch (error) {
    // Deleted, or now hidden from this user: a new one is made.
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Updates the write-up page as `version + 1` straight away. A 409 (someone edited the page by
 * hand, or another generation got there first) costs one GET of the real version, then the
 * update is retried; another page holding the title moves on to the next title. Null when the
 * page is gone (deleted, trashed, hidden, or moved from under the map page).
 */
async function updateWriteUpPage(args: {
  client: ConfluenceClient;
  pageId: string;
  version: number;
  parentId: string | null;
  titleFor: TitleFor;
  firstAttempt: number;
  storage: string;
}): Promise<PageWrite | null> {
  const { client, pageId, parentId, titleFor, storage } = args;
  let version = args.version;
  let attempt = args.firstAttempt;
  let reads = 0;
  for (;;) {
    try {
      const page = await client.updatePage({
        content: { type: 'page', id: pageId },
        title: titleFor(attempt),
        storage,
        version,
      });
      return { page, created: false };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      if (error instanceof ConflictError) {
        if (reads++ >= MAX_VERSION_READS) {
          throw new ConflictError('The write-up page keeps changing; try again in a moment.', 409);
        }
        const current = await readWriteUpPage({ client, pageId, parentId });
        if (!current) return null;
        version = current.version?.number ?? 1;
        continue;
      }
      if (isTitleTaken(error) && attempt < MAX_TITLE_ATTEMPTS) {
        attempt++;
        continue;
      }
      throw error;
    }
  }
}

/**
 * Creates the write-up page, or updates the one made before. The map's reference is map data
 * (anyone who may edit the page can change it), so a page this instance has not itself written
 * under the map page is read first and only overwritten when it is the map page's child. A
 * create that meets "title already exists" looks the title up: a child of the map page with that
 * title is this map's write-up (someone generated it at the same moment, or its reference was
 * lost) and is updated; a page elsewhere is someone else's, and the next title ("… (2)") is tried.
 */
async function writeWriteUpPage(args: {
  client: ConfluenceClient;
  map: JourneyMap;
  mapPage: PageInfo;
  /** Where the write-up goes: the map page, or the space homepage for a blog post. */
  parentId: string | null;
  titleFor: TitleFor;
  storage: string;
  /** The write-up page this instance wrote under the map page, if any. */
  seen: string | null;
}): Promise<PageWrite> {
  const { client, map, mapPage, parentId, titleFor, storage } = args;
  const ref = map.writeUp;
  if (ref) {
    let version: number | null = ref.version;
    if (ref.pageId !== args.seen) {
      const previous = await readWriteUpPage({ client, pageId: ref.pageId, parentId });
      version = previous ? (previous.version?.number ?? 1) : null;
    }
    if (version !== null) {
      const updated = await updateWriteUpPage({
        client,
        pageId: ref.pageId,
        version,
        parentId,
        titleFor,
        firstAttempt: attemptOf(ref.title, titleFor),
        storage,
      });
      if (updated) return updated;
    }
  }
  for (let attempt = 1; attempt <= MAX_TITLE_ATTEMPTS; attempt++) {
    const title = titleFor(attempt);
    try {
      const page = await client.createChildPage({
        spaceId: mapPage.spaceId,
        parentId,
        title,
        storage,
      });
      return { page, created: true };
    } catch (error) {
      if (!isTitleTaken(error)) throw error;
      const found = await client.findPageByTitle({ spaceId: mapPage.spaceId, title });
      if (found && isWriteUpOf(found, parentId)) {
        const updated = await updateWriteUpPage({
          client,
          pageId: found.id,
          version: found.version?.number ?? 1,
          parentId,
          titleFor,
          firstAttempt: attempt,
          storage,
        });
        if (updated) return updated;
      }
    }
  }
  throw new ResolverFailure(
    'ALREADY_EXISTS',
    'Other pages in this space already use every title the write-up could take. Rename the map and try again.',
  );
}

/** Uploads the chart (create-or-update, one call) when there is one. */
async function uploadChart(args: {
  client: ConfluenceClient;
  pageId: string;
  chart: SentimentChart;
}): Promise<void> {
  if (!args.chart.png) return;
  await args.client.upsertAttachment({
    pageId: args.pageId,
    fileName: args.chart.fileName,
    mediaType: args.chart.mediaType,
    bytes: args.chart.png,
    comment: 'Sentiment curve, generated by Journey Maps',
  });
}

/** Forbidden writes of the write-up page or its chart, in the user's words. */
async function asWriter<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) throw new ResolverFailure('FORBIDDEN', NO_CREATE);
    throw error;
  }
}

/**
 * Records the write-up page in the page summary (one property write, as the user: Confluence
 * checks their edit permission on the map page), where every map load and the space index read
 * it. The map itself is not saved: a generation costs no map version, so it never conflicts with
 * people editing the map during the session (decision 0008).
 */
async function recordWriteUp(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  at: MapLocation;
  stored: StoredMap;
  facts: PageFacts;
  page: PageInfo;
  generatedAt: string;
}): Promise<void> {
  const { rc, client, at, stored, facts, page } = args;
  const key = cacheKey({
    installContext: rc.installContext,
    pageId: at.pageId,
    localId: at.localId,
  });
  try {
    const summary = await recordWriteUpInSummary({
      client,
      content: contentOf(at),
      properties: stored.properties,
      deps: rc.deps,
      record: {
        localId: at.localId,
        pageId: page.id,
        title: page.title,
        generatedAt: args.generatedAt,
        version: page.version?.number ?? 1,
      },
    });
    const current: StoredMap = {
      ...stored,
      properties: [...stored.properties.filter((p) => p.key !== summary.key), summary],
    };
    putCached(key, current);
    rememberFacts(current, facts);
  } catch (error) {
    dropCached(key);
    if (error instanceof ForbiddenError) throw new ResolverFailure('FORBIDDEN', NO_EDIT);
    throw error;
  }
}

/**
 * The map and what is known about its page: the cached map with this user's facts under a
 * minute old (no call), else the page with its properties and the user's permission (1 call).
 * A preview always reads, as the user: it answers the map's content.
 */
async function mapAndFacts(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  at: MapLocation;
  accountId: string;
  now: number;
  preview: boolean;
  /** The map version the caller has seen: a cached map older than that is read again. */
  mapVersion: number | undefined;
}): Promise<{ stored: StoredMap; facts: PageFacts }> {
  const { rc, client, at, accountId, now } = args;
  const key = cacheKey({
    installContext: rc.installContext,
    pageId: at.pageId,
    localId: at.localId,
  });
  const cached = getCached(key);
  const current = cached && (args.mapVersion === undefined || cached.version >= args.mapVersion);
  const warm =
    cached && current && !args.preview ? freshFacts({ stored: cached, accountId, now }) : null;
  if (cached && warm?.canEdit) return { stored: cached, facts: warm };
  const state = await client.getPageState(contentOf(at));
  const stored = readMapFromProperties(state.properties, at.localId);
  const before = anyFacts(cached);
  const sameSpace = before?.page.spaceId === state.page.spaceId;
  const facts: PageFacts = {
    accountId,
    readAt: now,
    page: state.page,
    canEdit: state.canEdit,
    rules: sameSpace ? (before?.rules ?? null) : null,
    writeUpPageId: sameSpace ? (before?.writeUpPageId ?? null) : null,
  };
  putCached(key, stored);
  rememberFacts(stored, facts);
  return { stored, facts };
}

/** `writeup/generate`: preview (storage only) or generate (page + chart + reference). */
export async function generateWriteUpResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'writeup/generate'>> {
  return guard(async () => {
    const input = writeUpPayloadSchema.parse(payload);
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address: input });
    const preview = input.preview === true;
    const now = rc.deps.now();
    const { stored, facts } = await mapAndFacts({
      rc,
      client,
      at,
      accountId: rc.accountId ?? '',
      now: now.getTime(),
      preview,
      mapVersion: input.mapVersion,
    });
    const map =
      stored.map &&
      withWriteUpRef(stored.map, { properties: stored.properties, localId: at.localId });
    if (!map) {
      throw new ResolverFailure(
        'NOT_FOUND',
        'This macro has no journey map yet, so there is nothing to write up. Start a map first.',
      );
    }
    if (input.spaceId !== undefined && input.spaceId !== facts.page.spaceId) {
      throw new ResolverFailure('INVALID_INPUT', 'The page is not in that space.', 'spaceId');
    }
    if (!preview && !facts.canEdit) throw new ResolverFailure('FORBIDDEN', NO_EDIT);

    const today = now.toISOString().slice(0, 10);
    const generatedAt = now.toISOString();
    const render = async (m: JourneyMap): Promise<Rendered> => {
      const rules = needsRouting(m)
        ? await rulesFor({ client, facts, now: now.getTime() })
        : emptyRules;
      const chart = renderSentimentChart(m);
      const storage = renderWriteUp({
        map: m,
        rules,
        mapPage: { title: facts.page.title },
        chart,
        today,
        generatedAt,
      });
      return { storage, chart };
    };
    const titleFor = (m: JourneyMap): TitleFor => titlesOf(m, today);
    const rendered = await render(map);

    if (preview) {
      return {
        pageId: map.writeUp?.pageId ?? '',
        title: map.writeUp?.title ?? titleFor(map)(1),
        url: '',
        version: 0,
        created: false,
        generatedAt,
        storage: rendered.storage,
      };
    }

    const written = await asWriter(async () => {
      const parentId = await parentForMapPages({
        client,
        content: contentOf(at),
        spaceId: facts.page.spaceId,
      });
      const w = await writeWriteUpPage({
        client,
        map,
        mapPage: facts.page,
        parentId,
        titleFor: titleFor(map),
        storage: rendered.storage,
        seen: facts.writeUpPageId,
      });
      await uploadChart({ client, pageId: w.page.id, chart: rendered.chart });
      return w;
    });
    facts.writeUpPageId = written.page.id;
    const page = written.page;
    await recordWriteUp({ rc, client, at, stored, facts, page, generatedAt });
    return {
      pageId: page.id,
      title: page.title,
      url: pageUrl(page),
      version: page.version?.number ?? 1,
      created: written.created,
      generatedAt,
    };
  });
}
