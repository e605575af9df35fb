/**
 * `map/createFutureState`: copies a current-state map into a future-state map (a second macro on
 * the same page, or a new child page holding the macro) and links the two both ways. Never a half
 * state: the copy is written completely (map property, then the macro that shows it; undone when
 * the second step fails) before anything links to it, and the current map is linked last through
 * the ordinary `map/apply` path (version-checked, re-read on conflict). When only that last step
 * fails the answer says so and calling again links the copy instead of making another: a second
 * call always finds the future map that links back to this one. See docs/decisions/0012.
 */
import { z } from 'zod';
import type { ConfluenceClient } from '../confluence/client';
import { ForbiddenError, InvalidRequestError, NotFoundError } from '../confluence/errors';
import {
  MacroNotInBodyError,
  addMacroToPage,
  childPageBody,
  cloneMacroFromPage,
  readPageWithMacro,
} from '../confluence/macro-placement';
import type { StoredMap } from '../confluence/map-store';
import { readMapFromProperties, saveMap } from '../confluence/map-store';
import { mapsOnPage, withSyncedSummary } from '../confluence/summary-store';
import type { PageInfo, StoredProperty } from '../confluence/wire';
import { mapPropertyKey } from '../domain/codec';
import { futurePageTitle, futureStateCopy } from '../domain/future/future-state-copy';
import type { JourneyMap, MapLink } from '../domain/model/schema';
import type { MapAddress, ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, mapLocationFor } from './context';
import type { ContentRef } from '../confluence/content-ref';
import { contentOf } from '../confluence/content-ref';
import type { MapLocation } from '../confluence/map-store';
import { parentForMapPages } from '../confluence/page-parent';
import { applyMapResolver } from './map';
import { cacheKey, putCached } from './map-cache';
import { mapAddressSchema } from './payload-schemas';
import { ResolverFailure, guard } from './result';

/** `map/createFutureState` payload: the current-state map and where its copy goes. */
export const futureStatePayloadSchema = mapAddressSchema.extend({
  placement: z.enum(['samePage', 'childPage']),
});

/** Titles tried for the child page when other pages of the space hold the plain one. */
const MAX_TITLE_ATTEMPTS = 5;

const NO_EDIT =
  'You can view this journey map but not edit its page, so you cannot create its future-state map. Ask the page owner or a space admin for edit access.';
const NO_CREATE =
  'You do not have permission to add pages in this space, so the future-state map cannot get its own page. Ask a space admin for the "Add pages" permission, or create it on this page instead.';
const NO_MACRO =
  'This journey map is not in the page body any more (the macro was removed, or the page has unsaved edits). Publish the page with the map, then try again.';
const LINK_UNREADABLE =
  'This map is linked to a future-state map that cannot be opened: it was deleted, or you cannot see its page. Open the comparison to unlink it, then create a new one.';

function pagePath(pageId: string): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
}

function sameLink(link: MapLink | null, at: MapAddress): boolean {
  return link !== null && link.pageId === at.pageId && link.localId === at.localId;
}

function isTitleTaken(error: unknown): boolean {
  return (
    error instanceof InvalidRequestError &&
    /title/i.test(error.detail) &&
    /exist/i.test(error.detail)
  );
}

/** A future-state map among a page's properties that links back to `current`. */
function futureOn(
  properties: StoredProperty[],
  current: MapAddress,
): { localId: string; map: JourneyMap } | null {
  return (
    mapsOnPage(properties).find(
      (m) => m.map.state === 'future' && sameLink(m.map.linkedMap, current),
    ) ?? null
  );
}

type Found = { at: MapLocation; pageTitle: string };

/** The future map the current map links to; refuses when that link cannot be followed. */
async function followLink(args: {
  client: ConfluenceClient;
  link: MapLink;
  current: MapLocation;
}): Promise<Found> {
  // A future map is on the current map's own content or on a (child) page.
  const contentType = args.link.pageId === args.current.pageId ? args.current.contentType : 'page';
  const at: MapLocation = { ...args.link, contentType };
  try {
    const state = await args.client.getPageState(contentOf(at));
    const there = readMapFromProperties(state.properties, args.link.localId);
    if (there.map?.state === 'future') {
      return { at, pageTitle: state.page.title };
    }
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
  }
  throw new ResolverFailure('NOT_FOUND', LINK_UNREADABLE);
}

/**
 * A future map that links back but is not linked to (its creation succeeded, linking the
 * current map did not): on this page, or on this page's future-state child page.
 */
async function findOrphan(args: {
  client: ConfluenceClient;
  current: MapLocation;
  page: { id: string; title: string; spaceId: string };
  properties: StoredProperty[];
}): Promise<Found | null> {
  const here = futureOn(args.properties, args.current);
  if (here) {
    const at = { ...args.current, localId: here.localId };
    return { at, pageTitle: args.page.title };
  }
  const child = await args.client.findPageByTitle({
    spaceId: args.page.spaceId,
    title: futurePageTitle(args.page.title),
  });
  const parentId = await parentForMapPages({
    client: args.client,
    content: contentOf(args.current),
    spaceId: args.page.spaceId,
  });
  if (!child || child.parentId !== parentId) return null;
  const childRef: ContentRef = { type: 'page', id: child.id };
  const there = futureOn(await args.client.listProperties(childRef), args.current);
  return there
    ? {
        at: { pageId: child.id, contentType: 'page', localId: there.localId },
        pageTitle: child.title,
      }
    : null;
}

function nothingStored(properties: StoredProperty[]): StoredMap {
  return { map: null, version: 0, head: null, repairs: [], properties, history: [] };
}

/** Writes the future map's properties; answers what was written. */
async function writeFutureMap(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  at: MapLocation;
  properties: StoredProperty[];
  map: JourneyMap;
}): Promise<StoredMap> {
  return saveMap({
    client: args.client,
    at: args.at,
    previous: nothingStored(args.properties),
    map: args.map,
    changed: ['*'],
    generation: args.rc.deps.newId(),
  });
}

/** Removes what `writeFutureMap` wrote (best effort: the macro that would show it is not there). */
async function dropFutureMap(
  client: ConfluenceClient,
  at: MapLocation,
  saved: StoredMap,
): Promise<void> {
  const head = mapPropertyKey(at.localId);
  await Promise.allSettled(
    saved.properties
      .filter((p) => p.key === head || p.key.startsWith(`${head}_c`))
      .map((p) =>
        client.deleteProperty({ content: contentOf(at), propertyId: p.id, what: 'the map' }),
      ),
  );
}

/** Same page: the map property first, then the macro after the current one in the body. */
async function createOnSamePage(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  current: MapLocation;
  map: JourneyMap;
  properties: StoredProperty[];
  pageTitle: string;
}): Promise<Found> {
  const { rc, client, current } = args;
  const at: MapLocation = { ...current, localId: rc.deps.newId() };
  // The body is checked first: a page without the macro is refused before anything is written.
  const page = await readPageWithMacro({
    client,
    content: contentOf(current),
    localId: current.localId,
  });
  const saved = await writeFutureMap({
    rc,
    client,
    at,
    properties: args.properties,
    map: args.map,
  });
  try {
    await addMacroToPage({
      client,
      content: contentOf(current),
      localId: current.localId,
      newLocalId: at.localId,
      caption: 'Future state',
      page,
    });
  } catch (error) {
    await dropFutureMap(client, at, saved);
    throw error;
  }
  const synced = await withSyncedSummary({
    client,
    content: contentOf(at),
    saved,
    deps: rc.deps,
  });
  // The page's properties changed (a new map, the summary): the current map's cached copy would
  // resave a stale summary, so it is replaced by one read off what is now stored (no REST call).
  putCached(
    cacheKey({
      installContext: rc.installContext,
      pageId: current.pageId,
      localId: current.localId,
    }),
    readMapFromProperties(synced.properties, current.localId),
  );
  return { at, pageTitle: args.pageTitle };
}

/** Child page: the page with the macro first, then the map property (the page is trashed on failure). */
async function createOnChildPage(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  current: MapLocation;
  map: JourneyMap;
}): Promise<Found> {
  const { rc, client, current } = args;
  const localId = rc.deps.newId();
  const { page: parent, block } = await cloneMacroFromPage({
    client,
    content: contentOf(current),
    localId: current.localId,
    newLocalId: localId,
  });
  const storage = childPageBody({
    parentTitle: parent.title,
    intro: 'The future state of the journey mapped on',
    block,
  });
  const parentId = await parentForMapPages({
    client,
    content: contentOf(current),
    spaceId: parent.spaceId,
  });
  for (let attempt = 1; ; attempt++) {
    const title = futurePageTitle(parent.title, attempt);
    let child: PageInfo;
    try {
      child = await client.createChildPage({
        spaceId: parent.spaceId,
        parentId,
        title,
        storage,
      });
    } catch (error) {
      if (error instanceof ForbiddenError) throw new ResolverFailure('FORBIDDEN', NO_CREATE);
      if (isTitleTaken(error) && attempt < MAX_TITLE_ATTEMPTS) continue;
      throw error;
    }
    const at: MapLocation = { pageId: child.id, contentType: 'page', localId };
    try {
      const saved = await writeFutureMap({ rc, client, at, properties: [], map: args.map });
      await withSyncedSummary({ client, content: contentOf(at), saved, deps: rc.deps });
    } catch (error) {
      await client.deletePage(contentOf(at)).catch(() => undefined);
      if (error instanceof ForbiddenError) throw new ResolverFailure('FORBIDDEN', NO_CREATE);
      throw error;
    }
    return { at, pageTitle: child.title };
  }
}

/** `map/createFutureState`: see the file comment. */
export async function createFutureStateResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/createFutureState'>> {
  return guard(async () => {
    const input = futureStatePayloadSchema.parse(payload);
    const client = clientFor(rc);
    const current = await mapLocationFor({ rc, client, address: input });
    const state = await client.getPageState(contentOf(current));
    // Checked before anything is read further or written: a viewer changes nothing.
    if (!state.canEdit) throw new ResolverFailure('FORBIDDEN', NO_EDIT);
    const stored = readMapFromProperties(state.properties, current.localId);
    const map = stored.map;
    if (!map) {
      throw new ResolverFailure(
        'NOT_FOUND',
        'This journey map does not exist (any more). Reload the page.',
      );
    }
    if (map.state === 'future') {
      throw new ResolverFailure(
        'INVALID_INPUT',
        'This is a future-state map already. Create future-state maps from the current-state map.',
        'localId',
      );
    }

    let found: Found | null = map.linkedMap
      ? await followLink({ client, link: map.linkedMap, current })
      : await findOrphan({ client, current, page: state.page, properties: state.properties });
    const created = found === null;
    if (!found) {
      const copy = futureStateCopy({
        current: map,
        currentAt: current,
        samePage: input.placement === 'samePage',
        now: rc.deps.now(),
      });
      try {
        found =
          input.placement === 'samePage'
            ? await createOnSamePage({
                rc,
                client,
                current,
                map: copy,
                properties: state.properties,
                pageTitle: state.page.title,
              })
            : await createOnChildPage({ rc, client, current, map: copy });
      } catch (error) {
        if (error instanceof MacroNotInBodyError) throw new ResolverFailure('NOT_FOUND', NO_MACRO);
        throw error;
      }
    }

    const answer = {
      future: { pageId: found.at.pageId, localId: found.at.localId },
      pageTitle: found.pageTitle,
      pageUrl: pagePath(found.at.pageId),
      created,
    };
    if (sameLink(map.linkedMap, found.at)) {
      return { ...answer, linked: true, currentVersion: stored.version };
    }
    const linked = await applyMapResolver(rc, {
      pageId: current.pageId,
      localId: current.localId,
      baseVersion: stored.version,
      ops: [{ type: 'map/setLinkedMap', link: answer.future }],
    });
    if (!linked.ok) {
      return {
        ...answer,
        linked: false,
        currentVersion: stored.version,
        linkError: `The future-state map ${created ? 'was created' : 'exists'}, but this map could not be linked to it: ${linked.error.message} Try again to link them (no second copy is made).`,
      };
    }
    return { ...answer, linked: true, currentVersion: linked.data.version };
  });
}
