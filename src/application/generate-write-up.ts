/**
 * Generate write-up (the use case behind `writeup/generate`): renders the session write-up of a
 * map and writes it as a child page of the map's page (created once, then updated: never
 * duplicated, even when two people click at once),
 * attaches the sentiment chart to the map page FIRST (so no body ever shows a missing image) and
 * records the page in the page summary. A page is only overwritten when it carries the marker
 * the app set on it when creating it, naming this map, read as the user (finding 6): the
 * summary's record is page data any editor can rewrite. REST calls (budget: docs/PERFORMANCE.md), whatever the
 * number of photos (they are referenced from the map page, never copied or listed):
 *   warm (this instance read the map page for this user < 60 s ago, e.g. the preview the UI
 *   shows first, or the previous generation): the chart (1, skipped when nothing is charted),
 *   the page update (1) or create + marker (2), and the page summary recording the write-up
 *   (1): 3 again, 4 the first time;
 *   cold: + the map page with its properties (1) + the space's routing rules (1, skipped when
 *   nothing is routed) + the write-up page with its marker (1) when this instance has not
 *   itself written it.
 * Jira: one JQL search for the statuses of the map's linked work (none when nothing is linked),
 * as the person; Jira absent, refusing or down still gives the write-up, saying so.
 * Races (a hand edit of the write-up, a concurrent generation or summary write) cost a few more
 * calls, each bounded: see docs/decisions/0008-write-up.md.
 */
import { readRoutingRules as readStoredRules } from '../confluence/routing-store';
import type { ConfluenceClient } from '../confluence/client';
import {
  ConflictError,
  ForbiddenError,
  TitleTakenError,
  NotFoundError,
} from '../confluence/errors';
import { readMapFromProperties } from '../confluence/map-store';
import { recordWriteUpInSummary, withWriteUpRef } from '../confluence/summary-store';
import type { PageInfo } from '../confluence/wire';
import type { JourneyMap } from '../domain/model/schema';
import type { GeneratedWriteUp } from '../domain/write-up/generated-write-up';
import type { RoutingRules } from '../domain/routing/routing-rules';
import { emptyRules } from '../domain/routing/routing-rules';
import type { SentimentChart } from '../domain/write-up/sentiment-chart';
import { chartFileName, renderSentimentChart } from '../domain/write-up/sentiment-chart';
import { WRITE_UP_MARKER_KEY, isMarkerOf, writeUpMarker } from '../domain/write-up/write-up-marker';
import { sanitizeLocalId } from '../domain/codec';
import { renderWriteUp } from '../domain/write-up/render-write-up';
import { writeUpTitle } from '../domain/write-up/write-up-title';
import { contentOf, pageRef } from '../confluence/content-ref';
import type { MapLocation, StoredMap } from '../confluence/map-store';
import { parentForMapPages } from '../confluence/page-parent';
import type { Translate } from '../domain/i18n';
import type { WriteUpWork } from '../domain/write-up/work-column';
import type { JiraClient } from '../jira/client';
import { statusesOfKeys } from './work-item-statuses';
import type { UseCaseDeps } from './deps';
import { UseCaseFailure } from './failure';
import type { PageFacts } from './writeup-facts';
import { msg } from '../domain/i18n/message';

/** Titles tried before giving up when other pages of the space hold the plain title. */
const MAX_TITLE_ATTEMPTS = 5;
/** Re-reads of the write-up page's version after its update was refused as stale (409). */
const MAX_VERSION_READS = 3;

const NO_EDIT = msg('errors.writeup.noEdit');
const NOT_OURS =
  'The page recorded as this map’s write-up was not created by Journey Maps for this map, so it was left untouched and a new write-up page was created.';
const NO_CREATE = msg('errors.writeup.noCreate');

/**
 * The space's routing rules (current key, else the pre-0020 one); unreadable or missing rules
 * route nothing (items go to Unassigned).
 */
async function readRoutingRules(client: ConfluenceClient, spaceId: string): Promise<RoutingRules> {
  return (await readStoredRules(client, spaceId)).rules;
}

/** The rules for this generation: read once an invocation, as the user. */
async function rulesFor(args: {
  client: ConfluenceClient;
  facts: PageFacts;
}): Promise<RoutingRules> {
  args.facts.rules ??= await readRoutingRules(args.client, args.facts.page.spaceId);
  return args.facts.rules;
}

function needsRouting(map: JourneyMap): boolean {
  return map.cards.some((c) => c.kind === 'painPoint' || c.kind === 'opportunity');
}

function pageUrl(page: PageInfo): string {
  const webui = page._links?.webui;
  if (webui && webui.startsWith('/')) return webui.startsWith('/wiki/') ? webui : `/wiki${webui}`;
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(page.id)}`;
}

type PageWrite = { page: PageInfo; created: boolean; notice?: string };
type TitleFor = (attempt: number) => string;
type Rendered = { storage: string; chart: SentimentChart };

/** The write-up titles of a map: "… (2)", "… (3)" for later attempts. */
function titlesOf(map: JourneyMap, today: string, t: Translate): TitleFor {
  return (attempt) =>
    writeUpTitle({ mapTitle: map.title, date: map.session.date ?? today, attempt, t });
}

/** The attempt whose title the page has now, so a "… (2)" page keeps its title (else 1). */
function attemptOf(title: string, titleFor: TitleFor): number {
  for (let attempt = 1; attempt <= MAX_TITLE_ATTEMPTS; attempt++) {
    if (titleFor(attempt) === title) return attempt;
  }
  return 1;
}

/** A current child of the map page: the only place a generation overwrites a page. */
function isWriteUpOf(page: PageInfo, parentId: string | null): boolean {
  return page.status !== 'trashed' && (page.parentId ?? null) === parentId;
}

/** What a page named as the write-up turned out to be. */
type Checked = { kind: 'ours'; page: PageInfo } | { kind: 'gone' } | { kind: 'foreign' };

/**
 * The page named as the write-up, checked to be this map's (one GET, as the user, with the
 * page's properties): a current child of the map page carrying the marker the app set when it
 * created it, naming this map. A page without it is someone else's and is never overwritten.
 */
async function readWriteUpPage(args: {
  client: ConfluenceClient;
  pageId: string;
  /** Where the write-up goes: the map page, or the space homepage for a blog post. */
  parentId: string | null;
  at: MapLocation;
}): Promise<Checked> {
  try {
    const { page, property } = await args.client.getPageWithProperty(
      pageRef(args.pageId),
      WRITE_UP_MARKER_KEY,
    );
    if (page.status === 'trashed') return { kind: 'gone' };
    const ours = isWriteUpOf(page, args.parentId) && isMarkerOf(property?.value, args.at);
    return ours ? { kind: 'ours', page } : { kind: 'foreign' };
  } catch (error) {
    // Deleted, or now hidden from this user: a new one is made.
    if (error instanceof NotFoundError) return { kind: 'gone' };
    throw error;
  }
}

/**
 * Updates the write-up page as `version + 1` straight away. A 409 (someone edited the page by
 * hand, or another generation got there first) costs one GET of the real version (and of the
 * marker again), then the update is retried; another page holding the title moves on to the
 * next title. Null when the page is gone or no longer this map's write-up.
 */
async function updateWriteUpPage(args: {
  client: ConfluenceClient;
  pageId: string;
  version: number;
  mapPage: PageInfo;
  /** Where the write-up goes: the map page, or the space homepage for a blog post. */
  parentId: string | null;
  at: MapLocation;
  titleFor: TitleFor;
  firstAttempt: number;
  storage: string;
}): Promise<PageWrite | null> {
  const { client, pageId, parentId, at, titleFor, storage } = args;
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
        const current = await readWriteUpPage({ client, pageId, parentId, at });
        if (current.kind !== 'ours') return null;
        version = current.page.version?.number ?? 1;
        continue;
      }
      if (error instanceof TitleTakenError && attempt < MAX_TITLE_ATTEMPTS) {
        attempt++;
        continue;
      }
      throw error;
    }
  }
}

/**
 * Creates a write-up page and marks it as this map's (page, then marker property: two calls).
 * A marker that cannot be written takes the page back to the trash (as the user): an unmarked
 * page would never be recognised, and the next generation would make another.
 */
async function createMarkedPage(args: {
  client: ConfluenceClient;
  mapPage: PageInfo;
  /** Where the write-up goes: the map page, or the space homepage for a blog post. */
  parentId: string | null;
  at: MapLocation;
  title: string;
  storage: string;
}): Promise<PageInfo> {
  const { client, mapPage, parentId, at } = args;
  const page = await client.createChildPage({
    spaceId: mapPage.spaceId,
    parentId,
    title: args.title,
    storage: args.storage,
  });
  try {
    await client.createProperty({
      content: pageRef(page.id),
      key: WRITE_UP_MARKER_KEY,
      value: writeUpMarker(at),
      what: 'the write-up page',
    });
  } catch (error) {
    await client.deletePage(pageRef(page.id)).catch(() => undefined);
    throw error;
  }
  return page;
}

/**
 * Creates the write-up page, or updates the one made before. The summary's reference is page
 * data (anyone who may edit the map page can change it), so the page it names is only
 * overwritten when it proves to be this map's write-up (its marker, read as the user; skipped
 * for a page this instance itself wrote); any other page is left untouched and a new write-up
 * is created, and the answer says so. A create that meets "title already exists" looks the
 * title up: a marked child of the map page is this map's write-up (someone generated it at the
 * same moment, or its reference was lost) and is updated; any other page is someone else's, and
 * the next title ("… (2)") is tried.
 */
async function writeWriteUpPage(args: {
  client: ConfluenceClient;
  map: JourneyMap;
  mapPage: PageInfo;
  /** Where the write-up goes: the map page, or the space homepage for a blog post. */
  parentId: string | null;
  at: MapLocation;
  titleFor: TitleFor;
  storage: string;
  /** The write-up page this instance wrote under the map page, if any. */
  seen: string | null;
}): Promise<PageWrite> {
  const { client, map, mapPage, parentId, at, titleFor, storage } = args;
  const ref = map.writeUp;
  let notice: string | undefined;
  if (ref) {
    let version: number | null = ref.version;
    if (ref.pageId !== args.seen) {
      const previous = await readWriteUpPage({ client, pageId: ref.pageId, parentId, at });
      version = previous.kind === 'ours' ? (previous.page.version?.number ?? 1) : null;
      if (previous.kind === 'foreign') notice = NOT_OURS;
    }
    if (version !== null) {
      const updated = await updateWriteUpPage({
        client,
        pageId: ref.pageId,
        version,
        mapPage,
        parentId,
        at,
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
      const page = await createMarkedPage({ client, mapPage, parentId, at, title, storage });
      return notice ? { page, created: true, notice } : { page, created: true };
    } catch (error) {
      if (!(error instanceof TitleTakenError)) throw error;
      const found = await client.findPageByTitle({ spaceId: mapPage.spaceId, title });
      if (found && isWriteUpOf(found, parentId)) {
        const checked = await readWriteUpPage({ client, pageId: found.id, parentId, at });
        if (checked.kind !== 'ours') continue;
        const updated = await updateWriteUpPage({
          client,
          pageId: found.id,
          version: checked.page.version?.number ?? 1,
          mapPage,
          parentId,
          at,
          titleFor,
          firstAttempt: attempt,
          storage,
        });
        if (updated) return updated;
      }
    }
  }
  throw new UseCaseFailure('ALREADY_EXISTS', msg('errors.writeup.titlesTaken'));
}

/**
 * Uploads the chart (create-or-update, one call) to the map page, BEFORE any write-up body
 * references it: the map page always exists, so the write-up never shows a missing image, and a
 * new write-up costs no second body write (decision 0008, finding 16).
 */
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
    if (error instanceof ForbiddenError) throw new UseCaseFailure('FORBIDDEN', NO_CREATE);
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
  deps: Pick<UseCaseDeps, 'now'>;
  client: ConfluenceClient;
  at: MapLocation;
  stored: StoredMap;
  page: PageInfo;
  generatedAt: string;
}): Promise<void> {
  const { deps, client, at, stored, page } = args;
  try {
    await recordWriteUpInSummary({
      client,
      content: contentOf(at),
      properties: stored.properties,
      deps,
      known: stored,
      record: {
        localId: at.localId,
        pageId: page.id,
        title: page.title,
        generatedAt: args.generatedAt,
        version: page.version?.number ?? 1,
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) throw new UseCaseFailure('FORBIDDEN', NO_EDIT);
    throw error;
  }
}

/**
 * The map and what is known about its page, read as the user in this invocation (one call: the
 * page with its properties and the user's permission). Nothing is kept across invocations.
 */
async function mapAndFacts(args: {
  client: ConfluenceClient;
  at: MapLocation;
  accountId: string;
}): Promise<{ stored: StoredMap; facts: PageFacts }> {
  const { client, at, accountId } = args;
  const state = await client.getPageState(contentOf(at));
  const stored = readMapFromProperties(state.properties, at.localId);
  const facts: PageFacts = {
    accountId,
    page: state.page,
    canEdit: state.canEdit,
    rules: null,
    writeUpPageId: null,
  };
  return { stored, facts };
}

/** The statuses of the map's linked work: one search, or none when nothing is linked. */
async function workOf(map: JourneyMap, jira: JiraClient | undefined): Promise<WriteUpWork> {
  if (map.workItems.length === 0 || !jira) return { available: false };
  const read = await statusesOfKeys(
    jira,
    map.workItems.map((w) => w.key),
  );
  return read.available ? { available: true, statuses: read.items } : { available: false };
}

/** Preview (storage only) or generate (page + chart + reference) the write-up of the map at `at`. */
export async function generateWriteUp(args: {
  client: ConfluenceClient;
  at: MapLocation;
  accountId: string | null;
  /** When sent, must be the map page's space. */
  spaceId: string | undefined;
  preview: boolean;
  deps: UseCaseDeps;
  /** The generating person's language: the page is written in it. */
  t: Translate;
  /** Jira as the person, for the statuses of linked work; absent = statuses unavailable. */
  jira?: JiraClient;
}): Promise<GeneratedWriteUp> {
  const { client, at, preview, deps, t } = args;
  const now = deps.now();
  const { stored, facts } = await mapAndFacts({
    client,
    at,
    accountId: args.accountId ?? '',
  });
  const map =
    stored.map &&
    withWriteUpRef(stored.map, { properties: stored.properties, localId: at.localId });
  if (!map) {
    throw new UseCaseFailure('NOT_FOUND', msg('errors.writeup.noMap'));
  }
  if (args.spaceId !== undefined && args.spaceId !== facts.page.spaceId) {
    throw new UseCaseFailure('INVALID_INPUT', msg('errors.writeup.otherSpace'), 'spaceId');
  }
  if (!preview && !facts.canEdit)
    throw new UseCaseFailure('FORBIDDEN', msg('errors.writeup.noEdit'));

  const work = await workOf(map, args.jira);
  const today = now.toISOString().slice(0, 10);
  const generatedAt = now.toISOString();
  const render = async (m: JourneyMap): Promise<Rendered> => {
    const rules = needsRouting(m) ? await rulesFor({ client, facts }) : emptyRules;
    // The chart lives on the map page (uploaded before any body shows it), one file per map.
    const chart: SentimentChart = {
      ...renderSentimentChart(m, t),
      fileName: chartFileName(sanitizeLocalId(at.localId)),
      page: { title: facts.page.title },
    };
    const storage = renderWriteUp({
      map: m,
      rules,
      mapPage: { title: facts.page.title },
      chart,
      today,
      generatedAt,
      t,
      work,
    });
    return { storage, chart };
  };
  const titleFor = (m: JourneyMap): TitleFor => titlesOf(m, today, t);
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
    await uploadChart({ client, pageId: facts.page.id, chart: rendered.chart });
    const parentId = await parentForMapPages({
      client,
      content: contentOf(at),
      spaceId: facts.page.spaceId,
    });
    return writeWriteUpPage({
      client,
      map,
      mapPage: facts.page,
      parentId,
      at,
      titleFor: titleFor(map),
      storage: rendered.storage,
      seen: facts.writeUpPageId,
    });
  });
  facts.writeUpPageId = written.page.id;
  const page = written.page;
  await recordWriteUp({ deps, client, at, stored, page, generatedAt });
  return {
    pageId: page.id,
    title: page.title,
    url: pageUrl(page),
    version: page.version?.number ?? 1,
    created: written.created,
    generatedAt,
    ...(written.notice ? { notice: written.notice } : {}),
  };
}
