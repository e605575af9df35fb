/**
 * Create future state (the use case behind `map/createFutureState`): copies a current-state map
 * into a future-state map (a second macro on the same page, or a new child page holding the
 * macro) and links the two both ways. Never a half state: the copy is written completely (map
 * property, then the macro that shows it; undone when the second step fails) before anything
 * links to it, and the current map is linked last through the use case save edits (the
 * `map/apply` path: version-checked, re-read on conflict). When only that last step fails the
 * answer says so and calling again links the copy instead of making another: a second call
 * always finds the future map that links back to this one. A child page the same person created
 * for this map whose map was never written (the function was killed, or the write and the
 * clean-up both failed) is filled on the next call instead of making "(future state 2)".
 * The caller has checked the payload and the address. See docs/decisions/0012.
 */
import type { ConfluenceClient } from '../confluence/client';
import { contentOf, pageRef } from '../confluence/content-ref';
import {
  ForbiddenError,
  NotFoundError,
  TitleTakenError,
  isNeedsAuthentication,
} from '../confluence/errors';
import {
  MacroNotInBodyError,
  addMacroToPage,
  childPageBody,
  cloneMacroFromPage,
  readPageWithMacro,
} from '../confluence/macro-placement';
import { journeyMapMacros } from '../confluence/macro-presence';
import type { MapLocation, StoredMap } from '../confluence/map-store';
import { readMapFromProperties, saveMap } from '../confluence/map-store';
import { parentForMapPages } from '../confluence/page-parent';
import type { KnownMap } from '../confluence/summary-store';
import { mapsOnPage, withSyncedSummary } from '../confluence/summary-store';
import type { PageInfo, StoredProperty } from '../confluence/wire';
import { PROPERTY_KEY_PREFIX, isChunkKeyOf, mapPropertyKey } from '../domain/codec';
import { futurePageTitle, futureStateCopy } from '../domain/future/future-state-copy';
import type { FutureStateResult } from '../domain/future/future-state-result';
import type { JourneyMap, MapLink } from '../domain/model/schema';
import type { UseCaseDeps } from './deps';
import { UseCaseFailure } from './failure';
import { saveEdits } from './save-edits';
import { msg } from '../domain/i18n/message';

/** A map's address as the contract names it (page and macro). */
type MapAddress = { pageId: string; localId: string };

/** Where the future-state copy goes: a second macro on the same page, or a new child page. */
export type FutureStatePlacement = 'samePage' | 'childPage';

/** Titles tried for the child page when other pages of the space hold the plain one. */
const MAX_TITLE_ATTEMPTS = 5;

const NO_EDIT = msg('errors.future.noEdit');
const NO_CREATE = msg('errors.future.noCreate');
const NO_MACRO = msg('errors.future.noMacro');
const LINK_UNREADABLE = msg('errors.future.linkUnreadable');

function pagePath(pageId: string): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
}

function sameLink(link: MapLink | null, at: MapAddress): boolean {
  return link !== null && link.pageId === at.pageId && link.localId === at.localId;
}

/** A future-state map among a page's properties that links back to `current`. */
function futureOn(
  properties: StoredProperty[],
  current: MapAddress,
  known?: KnownMap,
): { localId: string; map: JourneyMap } | null {
  return (
    mapsOnPage(properties, known).find(
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
  throw new UseCaseFailure('NOT_FOUND', LINK_UNREADABLE);
}

/** A future-state child page a failed copy left without its map, ready to be filled. */
type LeftBehind = { page: PageInfo; localId: string; properties: StoredProperty[] };

/**
 * `child` as a page a failed copy left behind for `parentId`: created by this person and never
 * edited since (version 1, theirs), one journey-map macro in its body, and nothing of this app
 * among its properties except chunks of that macro's own map (a write cut short). Anything else
 * (someone else's page or edit, another map) is never reused.
 */
function leftBehind(args: {
  child: PageInfo;
  parentId: string | null;
  properties: StoredProperty[];
  accountId: string | null;
}): LeftBehind | null {
  const { child, accountId } = args;
  if (!accountId || child.parentId !== args.parentId) return null;
  if (child.authorId !== accountId) return null;
  if (child.version?.number !== 1 || child.version.authorId !== accountId) return null;
  const storage = child.body?.storage?.value;
  if (storage === undefined) return null;
  const macros = journeyMapMacros(storage);
  const localId = macros.length === 1 ? macros[0]?.macro.localId : undefined;
  if (!localId) return null;
  const foreign = args.properties.some(
    (p) => p.key.startsWith(PROPERTY_KEY_PREFIX) && !isChunkKeyOf(localId, p.key),
  );
  return foreign ? null : { page: child, localId, properties: args.properties };
}

/** What a future-state title names under the map page: the linked-back map, or an empty page. */
type ChildLookup = { found: Found | null; reusable: LeftBehind | null };

/** The page with this future-state title, read as the user, as a {@link ChildLookup}. */
async function lookUpChild(args: {
  client: ConfluenceClient;
  current: MapAddress;
  /** Where pages made for this map go (the map page; a blog post's space homepage). */
  parentId: string | null;
  spaceId: string;
  title: string;
  accountId: string | null;
}): Promise<ChildLookup> {
  const none = { found: null, reusable: null };
  const child = await args.client.findPageByTitle({
    spaceId: args.spaceId,
    title: args.title,
    body: true,
  });
  if (!child || child.parentId !== args.parentId) return none;
  const properties = await args.client.listProperties(pageRef(child.id));
  const there = futureOn(properties, args.current);
  if (there) {
    return {
      found: {
        at: { pageId: child.id, contentType: 'page', localId: there.localId },
        pageTitle: child.title,
      },
      reusable: null,
    };
  }
  return {
    found: null,
    reusable: leftBehind({
      child,
      parentId: args.parentId,
      properties,
      accountId: args.accountId,
    }),
  };
}

/**
 * A future map that links back but is not linked to (its creation succeeded, linking the
 * current map did not): on this page, or on this page's future-state child page; else that
 * child page when a failed copy left it empty.
 */
async function findOrphan(args: {
  client: ConfluenceClient;
  current: MapLocation;
  page: { id: string; title: string; spaceId: string };
  properties: StoredProperty[];
  /** The current map, decoded already. */
  stored: KnownMap;
  accountId: string | null;
}): Promise<ChildLookup> {
  const here = futureOn(args.properties, args.current, args.stored);
  if (here) {
    const at = { ...args.current, localId: here.localId };
    return { found: { at, pageTitle: args.page.title }, reusable: null };
  }
  const parentId = await parentForMapPages({
    client: args.client,
    content: contentOf(args.current),
    spaceId: args.page.spaceId,
  });
  return lookUpChild({
    client: args.client,
    current: args.current,
    parentId,
    spaceId: args.page.spaceId,
    title: futurePageTitle(args.page.title),
    accountId: args.accountId,
  });
}

function nothingStored(properties: StoredProperty[]): StoredMap {
  return { map: null, version: 0, head: null, repairs: [], properties, history: [], batches: [] };
}

/** A future map to write: who writes, the map, and the properties of the content it goes on. */
type Copy = {
  deps: UseCaseDeps;
  client: ConfluenceClient;
  map: JourneyMap;
  properties: StoredProperty[];
};

/** Writes the future map's properties; answers what was written. */
async function writeFutureMap(args: Copy & { at: MapLocation }): Promise<StoredMap> {
  return saveMap({
    client: args.client,
    at: args.at,
    previous: nothingStored(args.properties),
    map: args.map,
    changed: ['*'],
    generation: args.deps.newId(),
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
async function createOnSamePage(
  args: Copy & { current: MapLocation; pageTitle: string },
): Promise<Found> {
  const { deps, client, current } = args;
  const at: MapLocation = { ...current, localId: deps.newId() };
  // The body is checked first: a page without the macro is refused before anything is written.
  const page = await readPageWithMacro({
    client,
    content: contentOf(current),
    localId: current.localId,
  });
  const saved = await writeFutureMap({ ...args, at });
  try {
    await addMacroToPage({
      client,
      content: contentOf(current),
      localId: current.localId,
      newLocalId: at.localId,
      newNodeLocalId: deps.newId(),
      caption: 'Future state',
      page,
    });
  } catch (error) {
    await dropFutureMap(client, at, saved);
    throw error;
  }
  await withSyncedSummary({ client, content: contentOf(at), saved, deps });
  return { at, pageTitle: args.pageTitle };
}

/** Writes the map (and the summary) onto a child page; the page is trashed when that fails. */
async function fillChildPage(args: Copy & { child: PageInfo; localId: string }): Promise<Found> {
  const { deps, client, child } = args;
  const at: MapLocation = { pageId: child.id, contentType: 'page', localId: args.localId };
  try {
    const saved = await writeFutureMap({ ...args, at });
    await withSyncedSummary({ client, content: contentOf(at), saved, deps });
  } catch (error) {
    // If the trash fails too, the next call finds the empty page and fills it (leftBehind).
    await client.deletePage(contentOf(at)).catch(() => undefined);
    if (error instanceof ForbiddenError) throw new UseCaseFailure('FORBIDDEN', NO_CREATE);
    throw error;
  }
  return { at, pageTitle: child.title };
}

/**
 * Child page: the page with the macro first, then the map property (the page is trashed on
 * failure). A page a failed copy left behind is filled instead of making another.
 */
async function createOnChildPage(args: {
  deps: UseCaseDeps;
  accountId: string | null;
  client: ConfluenceClient;
  current: MapLocation;
  map: JourneyMap;
  reusable: LeftBehind | null;
}): Promise<Found> {
  const { deps, client, current } = args;
  const fill = (left: LeftBehind): Promise<Found> =>
    fillChildPage({
      deps,
      client,
      child: left.page,
      localId: left.localId,
      properties: left.properties,
      map: args.map,
    });
  if (args.reusable) return fill(args.reusable);
  const localId = deps.newId();
  const { page: parent, block } = await cloneMacroFromPage({
    client,
    content: contentOf(current),
    localId: current.localId,
    newLocalId: localId,
    newNodeLocalId: deps.newId(),
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
      if (error instanceof ForbiddenError) throw new UseCaseFailure('FORBIDDEN', NO_CREATE);
      if (error instanceof TitleTakenError && attempt < MAX_TITLE_ATTEMPTS) {
        // Attempt 1 was looked at already; a later title may be a page a failed copy left.
        const taken =
          attempt > 1
            ? await lookUpChild({
                client,
                current,
                parentId,
                spaceId: parent.spaceId,
                title,
                accountId: args.accountId,
              })
            : null;
        if (taken?.found) return taken.found;
        if (taken?.reusable) return fill(taken.reusable);
        continue;
      }
      throw error;
    }
    return fillChildPage({ deps, client, child, localId, properties: [], map: args.map });
  }
}

/**
 * Copies the current-state map at `current` into a future-state map placed as asked, or finds
 * the one a previous call made, and links the current map to it (see the file comment).
 */
export async function createFutureState(args: {
  client: ConfluenceClient;
  current: MapLocation;
  placement: FutureStatePlacement;
  accountId: string | null;
  deps: UseCaseDeps;
  /** A failure of the linking step in a person's words (the resolvers own that mapping). */
  describeError: (error: unknown) => string;
}): Promise<FutureStateResult> {
  const { client, current, deps } = args;
  const state = await client.getPageState(contentOf(current));
  // Checked before anything is read further or written: a viewer changes nothing.
  if (!state.canEdit) throw new UseCaseFailure('FORBIDDEN', NO_EDIT);
  const stored = readMapFromProperties(state.properties, current.localId);
  const map = stored.map;
  if (!map) {
    throw new UseCaseFailure('NOT_FOUND', msg('errors.future.mapGone'));
  }
  if (map.state === 'future') {
    throw new UseCaseFailure('INVALID_INPUT', msg('errors.future.alreadyFuture'), 'localId');
  }

  const orphan: ChildLookup = map.linkedMap
    ? { found: await followLink({ client, link: map.linkedMap, current }), reusable: null }
    : await findOrphan({
        client,
        current,
        page: state.page,
        properties: state.properties,
        stored,
        accountId: args.accountId,
      });
  let found = orphan.found;
  const created = found === null;
  if (!found) {
    const copy = futureStateCopy({
      current: map,
      currentAt: current,
      samePage: args.placement === 'samePage',
      now: deps.now(),
    });
    try {
      found =
        args.placement === 'samePage'
          ? await createOnSamePage({
              deps,
              client,
              current,
              map: copy,
              properties: state.properties,
              pageTitle: state.page.title,
            })
          : await createOnChildPage({
              deps,
              accountId: args.accountId,
              client,
              current,
              map: copy,
              reusable: orphan.reusable,
            });
    } catch (error) {
      if (error instanceof MacroNotInBodyError) throw new UseCaseFailure('NOT_FOUND', NO_MACRO);
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
  try {
    const linked = await saveEdits({
      client,
      at: current,
      baseVersion: stored.version,
      // A batch of its own: a retry of this call links again (setting the same link is a no-op).
      batchId: `future-link-${deps.newId()}`.slice(0, 64),
      ops: [{ type: 'map/setLinkedMap', link: answer.future }],
      accountId: args.accountId,
      deps,
    });
    return { ...answer, linked: true, currentVersion: linked.version };
  } catch (error) {
    if (isNeedsAuthentication(error)) throw error;
    return {
      ...answer,
      linked: false,
      currentVersion: stored.version,
      linkError: `The future-state map ${created ? 'was created' : 'exists'}, but this map could not be linked to it: ${args.describeError(error)} Try again to link them (no second copy is made).`,
    };
  }
}
