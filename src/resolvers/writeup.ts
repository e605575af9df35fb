/**
 * `writeup/generate`: renders the session write-up of a map and writes it as a child page of the
 * map's page (created once, then updated: never duplicated, even when two people click at once),
 * attaches the sentiment chart and records the page on the map. REST calls (DESIGN §6), whatever
 * the number of photos (they are referenced from the map page, never copied or listed):
 *   read:  the map page with its properties (1), the space's routing rules (1, skipped when the
 *          map has nothing to route), the previous write-up page's version (1, regenerating only);
 *   write: the page (1), the chart (1, skipped when nothing is charted), the map's write-up
 *          reference (1) and the page summary that shows it in the index (1).
 * Race: a second concurrent create gets Confluence's "title already exists" 400, finds the page
 * by title (1) and updates it instead (1). See docs/decisions/0008-write-up.md.
 */
import { z } from 'zod';
import type { ConfluenceClient } from '../confluence/client';
import {
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
} from '../confluence/errors';
import type { StoredMap } from '../confluence/map-store';
import { readMap, readMapFromProperties, saveMap } from '../confluence/map-store';
import { updatePageSummary } from '../confluence/summary-store';
import type { PageInfo } from '../confluence/wire';
import type { JourneyMap, WriteUpRef } from '../domain/model/schema';
import type { RoutingRules } from '../domain/routing/routing-rules';
import {
  ROUTING_PROPERTY_KEY,
  emptyRules,
  routingRulesSchema,
} from '../domain/routing/routing-rules';
import { renderSentimentChart } from '../domain/write-up/sentiment-chart';
import { renderWriteUp } from '../domain/write-up/render-write-up';
import { writeUpTitle } from '../domain/write-up/write-up-title';
import type { ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor } from './context';
import { applyOps, diffFields } from './domain-ports';
import { cacheKey, dropCached, putCached } from './map-cache';
import { mapAddressSchema, pageIdSchema } from './payload-schemas';
import { ResolverFailure, guard } from './result';

/** `writeup/generate` payload: the map, optionally the space (checked) and preview mode. */
export const writeUpPayloadSchema = mapAddressSchema.extend({
  spaceId: pageIdSchema.optional(),
  preview: z.boolean().optional(),
});

/** Titles tried before giving up when other pages of the space hold the plain title. */
const MAX_TITLE_ATTEMPTS = 5;
/** Page updates retried after a concurrent edit of the write-up page. */
const MAX_UPDATE_ATTEMPTS = 3;

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

function needsRouting(map: JourneyMap): boolean {
  return map.cards.some((c) => c.kind === 'painPoint' || c.kind === 'opportunity');
}

function pageUrl(page: PageInfo): string {
  const webui = page._links?.webui;
  if (webui && webui.startsWith('/')) return webui.startsWith('/wiki/') ? webui : `/wiki${webui}`;
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(page.id)}`;
}

type PageWrite = { page: PageInfo; created: boolean };

/**
 * Updates `existing` to the new title and body, re-reading its version after a concurrent edit
 * and moving to the next title when another page took this one.
 */
async function updateWriteUpPage(args: {
  client: ConfluenceClient;
  existing: PageInfo;
  titleFor: (attempt: number) => string;
  storage: string;
}): Promise<PageWrite> {
  let current = args.existing;
  let attempt = 1;
  for (let tries = 0; tries < MAX_UPDATE_ATTEMPTS + MAX_TITLE_ATTEMPTS; tries++) {
    try {
      const page = await args.client.updatePage({
        pageId: current.id,
        title: args.titleFor(attempt),
        storage: args.storage,
        version: current.version?.number ?? 1,
      });
      return { page, created: false };
    } catch (error) {
      if (error instanceof ConflictError) {
        current = await args.client.getPage(current.id);
        continue;
      }
      if (isTitleTaken(error) && attempt < MAX_TITLE_ATTEMPTS) {
        attempt++;
        continue;
      }
      throw error;
    }
  }
  throw new ConflictError('The write-up page keeps changing; try again in a moment.', 409);
}

/**
 * Creates the write-up page, or updates the one made before. A create that meets "title already
 * exists" looks the title up: a child of the map page with that title is this map's write-up
 * (someone generated it at the same moment, or its reference was lost) and is updated; a page
 * elsewhere is someone else's, and the next title ("… (2)") is tried.
 */
async function writeWriteUpPage(args: {
  client: ConfluenceClient;
  map: JourneyMap;
  mapPage: PageInfo;
  titleFor: (attempt: number) => string;
  storage: string;
}): Promise<PageWrite> {
  const { client, map, mapPage, titleFor, storage } = args;
  if (map.writeUp) {
    let previous: PageInfo | null = null;
    try {
      previous = await client.getPage(map.writeUp.pageId);
    } catch (error) {
      // Deleted (or now hidden from this user): make a new one.
      if (!(error instanceof NotFoundError)) throw error;
    }
    if (previous && previous.status !== 'trashed' && previous.spaceId === mapPage.spaceId) {
      return updateWriteUpPage({ client, existing: previous, titleFor, storage });
    }
  }
  for (let attempt = 1; attempt <= MAX_TITLE_ATTEMPTS; attempt++) {
    const title = titleFor(attempt);
    try {
      const page = await client.createChildPage({
        spaceId: mapPage.spaceId,
        parentId: mapPage.id,
        title,
        storage,
      });
      return { page, created: true };
    } catch (error) {
      if (!isTitleTaken(error)) throw error;
      const found = await client.findPageByTitle({ spaceId: mapPage.spaceId, title });
      if (found && found.parentId === mapPage.id) {
        return updateWriteUpPage({
          client,
          existing: found,
          titleFor: (n) => titleFor(attempt + n - 1),
          storage,
        });
      }
    }
  }
  throw new ResolverFailure(
    'ALREADY_EXISTS',
    'Other pages in this space already use every title the write-up could take. Rename the map and try again.',
  );
}

/** Records the write-up on the map (the `map/setWriteUp` op through the normal save path). */
async function recordWriteUp(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  at: { pageId: string; localId: string };
  stored: StoredMap;
  writeUp: WriteUpRef;
}): Promise<void> {
  const { rc, client, at } = args;
  const key = cacheKey({ installContext: rc.installContext, ...at });
  let latest = args.stored;
  for (let attempt = 1; ; attempt++) {
    if (!latest.map) return;
    const applied = applyOps(latest.map, [{ type: 'map/setWriteUp', writeUp: args.writeUp }]);
    const changed = diffFields(latest.map, applied.map);
    if (changed.length === 0) return;
    try {
      const saved = await saveMap({
        client,
        at,
        previous: latest,
        map: applied.map,
        changed,
        generation: rc.deps.newId(),
      });
      putCached(key, saved);
      await updatePageSummary({
        client,
        pageId: at.pageId,
        properties: saved.properties,
        deps: rc.deps,
      });
      return;
    } catch (error) {
      dropCached(key);
      if (!(error instanceof ConflictError) || attempt >= rc.deps.maxApplyAttempts) throw error;
      await rc.deps.sleep(Math.round((50 + rc.deps.random() * 150) * attempt));
      latest = await readMap(client, at);
    }
  }
}

/** `writeup/generate`: preview (storage only) or generate (page + chart + reference). */
export async function generateWriteUpResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'writeup/generate'>> {
  return guard(async () => {
    const input = writeUpPayloadSchema.parse(payload);
    const at = { pageId: input.pageId, localId: input.localId };
    const client = clientFor(rc);
    const state = await client.getPageState(at.pageId);
    const stored = readMapFromProperties(state.properties, at.localId);
    const map = stored.map;
    if (!map) {
      throw new ResolverFailure(
        'NOT_FOUND',
        'This macro has no journey map yet, so there is nothing to write up. Start a map first.',
      );
    }
    if (input.spaceId !== undefined && input.spaceId !== state.page.spaceId) {
      throw new ResolverFailure('INVALID_INPUT', 'The page is not in that space.', 'spaceId');
    }
    if (!input.preview && !state.canEdit) throw new ResolverFailure('FORBIDDEN', NO_EDIT);

    const rules = needsRouting(map)
      ? await readRoutingRules(client, state.page.spaceId)
      : emptyRules;
    const now = rc.deps.now();
    const today = now.toISOString().slice(0, 10);
    const generatedAt = now.toISOString();
    const chart = renderSentimentChart(map);
    const storage = renderWriteUp({
      map,
      rules,
      mapPage: { title: state.page.title },
      chart,
      today,
      generatedAt,
    });
    const titleFor = (attempt: number): string =>
      writeUpTitle({ mapTitle: map.title, date: map.session.date ?? today, attempt });

    if (input.preview) {
      return {
        pageId: map.writeUp?.pageId ?? '',
        title: map.writeUp?.title ?? titleFor(1),
        url: '',
        version: 0,
        created: false,
        storage,
      };
    }

    let written: PageWrite;
    try {
      written = await writeWriteUpPage({ client, map, mapPage: state.page, titleFor, storage });
      if (chart.png) {
        await client.upsertAttachment({
          pageId: written.page.id,
          fileName: chart.fileName,
          mediaType: chart.mediaType,
          bytes: chart.png,
          comment: 'Sentiment curve, generated by Journey Maps',
        });
      }
    } catch (error) {
      if (error instanceof ForbiddenError) throw new ResolverFailure('FORBIDDEN', NO_CREATE);
      throw error;
    }
    const title = written.page.title;
    await recordWriteUp({
      rc,
      client,
      at,
      stored,
      writeUp: { pageId: written.page.id, title, generatedAt },
    });
    return {
      pageId: written.page.id,
      title,
      url: pageUrl(written.page),
      version: written.page.version?.number ?? 1,
      created: written.created,
    };
  });
}
