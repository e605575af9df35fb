/**
 * What each resolver gets besides its payload: injected deps and the invocation's context, and
 * the ONE place where a payload's address is held against that context (security finding 2):
 * the platform says which content and macro a frame is on; the payload only repeats it.
 */
import type { ConfluenceClient } from '../confluence/client';
import { userClient } from '../confluence/client';
import type { ContentRef } from '../confluence/content-ref';
import { isContentType } from '../confluence/content-ref';
import { NotFoundError } from '../confluence/errors';
import type { MapLocation } from '../confluence/map-store';
import { readMap } from '../confluence/map-store';
import type { AppLocale } from '../domain/i18n';
import type { MapAddress } from './contract';
import type { ResolverDeps } from './deps';
import { ResolverFailure } from './result';
import { msg } from '../domain/i18n/message';

/**
 * Where the invocation comes from, as the platform (not the payload) says: a macro on a piece
 * of content, the space page of a space, or neither (no module context: refused).
 */
export type Invocation =
  | {
      module: 'macro';
      /** The content the macro is on; `type` as Forge reports it ('page', 'blogpost', …). */
      content: { id: string; type: string } | null;
      /** The macro instance (top-level `localId` of the context). */
      localId: string | null;
      space: { id: string | null; key: string | null };
      /** True in the editor (the content may be an unpublished draft). */
      isEditing: boolean;
    }
  | {
      /**
       * A page-level module: the byline item or a ••• page action (decision 0032). It addresses
       * the maps of the content it is on, never another page's.
       */
      module: 'contentModule';
      kind: 'byline' | 'contentAction';
      /**
       * The content it is on; `type` null when the context does not say (the docs list
       * `content.type` for the byline, not for the content action): looked up as the user.
       */
      content: { id: string; type: string | null } | null;
      space: { id: string | null; key: string | null };
    }
  | { module: 'spacePage'; space: { id: string | null; key: string | null } }
  | { module: 'none' };

/** The extension types of the page-level modules, as Forge reports them. */
export const CONTENT_MODULE_TYPES = {
  'confluence:contentBylineItem': 'byline',
  'confluence:contentAction': 'contentAction',
} as const;

function contentModuleKind(type: unknown): 'byline' | 'contentAction' | null {
  if (type === 'confluence:contentBylineItem') return CONTENT_MODULE_TYPES[type];
  if (type === 'confluence:contentAction') return CONTENT_MODULE_TYPES[type];
  return null;
}

/** The per-invocation context of a resolver. */
export type ResolverContext = {
  deps: ResolverDeps;
  /** The installation (site) this call is for; keys the warm cache. */
  installContext: string;
  /** The invoking user; null for anonymous viewers. */
  accountId: string | null;
  /** The module, content, macro and space the invocation comes from. */
  invocation: Invocation;
  /** The person's language, from the payload's `locale` (decision 0047; English without one). */
  locale: AppLocale;
};

/** A client acting as the invoking user, with the injected retry timing. */
export function clientFor(rc: ResolverContext): ConfluenceClient {
  if (!rc.accountId) {
    // Anonymous viewers have no user to act as, and the app does not read on their behalf.
    throw new ResolverFailure('FORBIDDEN', msg('errors.server.logIn'));
  }
  return userClient({ sleep: rc.deps.sleep, random: rc.deps.random });
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' ? String(value) : null;
}

/** Reads the invocation from the context Forge passes (`extension`, top-level `localId`). */
export function invocationFrom(context: Record<string, unknown>): Invocation {
  const extension = record(context.extension);
  const spaceRaw = record(extension.space);
  const space = { id: text(spaceRaw.id), key: text(spaceRaw.key) };
  const contentRaw = extension.content === undefined ? null : record(extension.content);
  const kind = contentModuleKind(extension.type);
  if (kind !== null) {
    const id = text(contentRaw?.id);
    return {
      module: 'contentModule',
      kind,
      content: id ? { id, type: text(contentRaw?.type) } : null,
      space,
    };
  }
  if (extension.type === 'macro' || contentRaw !== null) {
    const id = text(contentRaw?.id);
    const type = text(contentRaw?.type);
    return {
      module: 'macro',
      content: id && type ? { id, type } : null,
      localId: text(context.localId),
      space,
      isEditing: extension.isEditing === true,
    };
  }
  if (space.id !== null || space.key !== null) return { module: 'spacePage', space };
  return { module: 'none' };
}

/** Builds the context from what `@forge/resolver` passes and the locale the payload carried. */
export function contextFrom(args: {
  deps: ResolverDeps;
  context: Record<string, unknown>;
  locale: AppLocale;
}): ResolverContext {
  const { deps, context, locale } = args;
  const installContext = typeof context.installContext === 'string' ? context.installContext : '';
  const accountId = typeof context.accountId === 'string' ? context.accountId : null;
  return { deps, installContext, accountId, invocation: invocationFrom(context), locale };
}

const NO_MODULE = msg('errors.server.noModule');
const OTHER_MACRO = msg('errors.server.otherMacro');
const OTHER_SPACE = msg('errors.server.otherSpace');
const OTHER_PAGE = msg('errors.server.otherPage');
const NO_SUCH_MAP = msg('errors.server.noSuchMap');
const UNSUPPORTED = msg('errors.server.unsupportedContent');
/** Shown instead of "page not found" while a new page is an unpublished draft. */
export const PUBLISH_FIRST = msg('errors.server.publishFirst');

/** The macro's own content, checked: a page or blog post, else refused. */
function macroContent(content: { id: string; type: string } | null): ContentRef {
  if (!content) throw new ResolverFailure('FORBIDDEN', NO_MODULE);
  if (!isContentType(content.type)) throw new ResolverFailure('INVALID_INPUT', UNSUPPORTED);
  return { type: content.type, id: content.id };
}

/**
 * A page-level module's own content: its type from the context, else looked up (a page, else a
 * blog post) as the user, which also fails for content the user cannot see.
 */
async function ownContent(
  client: ConfluenceClient,
  content: { id: string; type: string | null },
): Promise<ContentRef> {
  if (content.type !== null) return macroContent({ id: content.id, type: content.type });
  return (await client.findContent(content.id)).content;
}

/**
 * Content the space page may address: visible to the user (read as the user) and in the space
 * the space page is open in.
 */
async function contentInSpace(args: {
  client: ConfluenceClient;
  space: { id: string | null; key: string | null };
  id: string;
}): Promise<ContentRef> {
  const found = await args.client.findContent(args.id);
  const spaceId = found.page.spaceId;
  const same =
    args.space.id !== null
      ? args.space.id === spaceId
      : args.space.key !== null && (await args.client.getSpace(spaceId)).key === args.space.key;
  if (!same) throw new ResolverFailure('FORBIDDEN', OTHER_SPACE);
  return found.content;
}

/**
 * The content a page-level request (e.g. `photos/list`) may address: the macro's own content,
 * or for the space page a page or blog post of its space that the user can see.
 */
export async function contentFor(
  rc: ResolverContext,
  client: ConfluenceClient,
  pageId: string,
): Promise<ContentRef> {
  const inv = rc.invocation;
  if (inv.module === 'macro') {
    const content = macroContent(inv.content);
    if (content.id !== pageId) throw new ResolverFailure('FORBIDDEN', OTHER_MACRO);
    return content;
  }
  if (inv.module === 'spacePage') return contentInSpace({ client, space: inv.space, id: pageId });
  if (inv.module === 'contentModule') {
    if (inv.content?.id !== pageId) {
      throw new ResolverFailure('FORBIDDEN', inv.content ? OTHER_PAGE : NO_MODULE);
    }
    return ownContent(client, inv.content);
  }
  throw new ResolverFailure('FORBIDDEN', NO_MODULE);
}

/**
 * The map a request may address, with its content type (finding 2). A macro addresses its own
 * map only (content id AND localId must match the context); with `linkedRead`, it may also read
 * the map its own map links to (the future/current comparison), checked by reading its own map
 * as the user. The space page addresses maps on content of its space that the user can see.
 */
export async function mapLocationFor(args: {
  rc: ResolverContext;
  client: ConfluenceClient;
  address: MapAddress;
  linkedRead?: boolean;
}): Promise<MapLocation> {
  const inv = args.rc.invocation;
  switch (inv.module) {
    case 'spacePage':
      return mapInSpace({ ...args, space: inv.space });
    case 'contentModule':
      return mapOnOwnContent({ ...args, inv });
    case 'macro':
      return mapOfMacro({ ...args, inv, linkedRead: args.linkedRead === true });
    default:
      throw new ResolverFailure('FORBIDDEN', NO_MODULE);
  }
}

/** The space page addresses maps on content of its space that the user can see. */
async function mapInSpace(args: {
  client: ConfluenceClient;
  space: { id: string | null; key: string | null };
  address: MapAddress;
}): Promise<MapLocation> {
  const { address } = args;
  const content = await contentInSpace({ ...args, id: address.pageId });
  return { pageId: content.id, contentType: content.type, localId: address.localId };
}

/**
 * A macro addresses its own map; with `linkedRead` also the map its own map links to (read as
 * the user to find the link).
 */
async function mapOfMacro(args: {
  client: ConfluenceClient;
  inv: Extract<Invocation, { module: 'macro' }>;
  address: MapAddress;
  linkedRead: boolean;
}): Promise<MapLocation> {
  const { client, inv, address } = args;
  const own = macroContent(inv.content);
  const at: MapLocation = { pageId: own.id, contentType: own.type, localId: inv.localId ?? '' };
  if (inv.localId !== null && address.pageId === own.id && address.localId === inv.localId) {
    return at;
  }
  if (args.linkedRead && inv.localId !== null) {
    const link = (await readMap(client, at)).map?.linkedMap ?? null;
    if (link && link.pageId === address.pageId && link.localId === address.localId) {
      const found = await client.findContent(address.pageId);
      return { pageId: found.content.id, contentType: found.content.type, localId: link.localId };
    }
  }
  throw new ResolverFailure('FORBIDDEN', OTHER_MACRO);
}

/**
 * A page-level module (byline, page action) addresses a map of the content it is on: the page
 * comes from the context, and the map must exist there, read as the user (decision 0032).
 */
async function mapOnOwnContent(args: {
  client: ConfluenceClient;
  inv: Extract<Invocation, { module: 'contentModule' }>;
  address: MapAddress;
}): Promise<MapLocation> {
  const content = args.inv.content;
  if (!content) throw new ResolverFailure('FORBIDDEN', NO_MODULE);
  if (args.address.pageId !== content.id) throw new ResolverFailure('FORBIDDEN', OTHER_PAGE);
  const own = await ownContent(args.client, content);
  const at: MapLocation = { pageId: own.id, contentType: own.type, localId: args.address.localId };
  if ((await readMap(args.client, at)).map === null) {
    throw new ResolverFailure('NOT_FOUND', NO_SUCH_MAP);
  }
  return at;
}

/**
 * The space a space-level request (`index/list`, `routing/*`) may address: the one the space
 * page (or the macro) is in. Either the id or the key is compared, whichever the request names.
 */
export function assertSameSpace(rc: ResolverContext, asked: { id?: string; key?: string }): void {
  const inv = rc.invocation;
  if (inv.module === 'none') throw new ResolverFailure('FORBIDDEN', NO_MODULE);
  const space = inv.space;
  const ok =
    (asked.id === undefined || asked.id === space.id) &&
    (asked.key === undefined || asked.key === space.key);
  if (!ok) {
    throw new ResolverFailure('FORBIDDEN', msg('errors.server.differentSpace'));
  }
}

/**
 * A "not found" while the macro is in the editor is most likely a new page that is still a draft
 * (its id cannot be read until it is published): say so instead (finding 12).
 */
export async function draftAware<T>(rc: ResolverContext, read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    const inv = rc.invocation;
    if (inv.module === 'macro' && inv.isEditing && error instanceof NotFoundError) {
      throw new ResolverFailure('NOT_FOUND', PUBLISH_FIRST);
    }
    throw error;
  }
}
