/** What every route handler receives, and small helpers shared by the routes. */
import { HttpError } from '../errors';
import { APP_ACCOUNT_ID, canEditPage, canViewPage } from '../permissions';
import type { SearchIndex } from '../search-index';
import type { ShapeContext } from '../shapes';
import type { EmulatorStore } from '../store/store';
import type { PageRecord, Principal, PropertyIndexField } from '../types';

/** Per-request context. */
export type RouteContext = ShapeContext & {
  req: Request;
  url: URL;
  params: Record<string, string>;
  principal: Principal;
  store: EmulatorStore;
  now: () => Date;
  indexes: readonly PropertyIndexField[];
  /** CQL's (possibly lagging) view of content properties. */
  searchIndex: SearchIndex;
  /** Largest page a v2 list answers (250 as documented; lowered to exercise pagination). */
  maxListLimit: number;
};

/** One route: method, path pattern with `{param}`s, a log name and its handler. */
export type Route = {
  method: string;
  pattern: string;
  name: string;
  handler: (ctx: RouteContext) => Promise<Response> | Response;
};

/** The account id that a write is attributed to. */
export function actorId(ctx: RouteContext): string {
  return ctx.principal.kind === 'user' ? ctx.principal.accountId : APP_ACCOUNT_ID;
}

/** A param that the router guarantees. */
export function param(ctx: RouteContext, name: string): string {
  return ctx.params[name] ?? '';
}

/**
 * The content type a path addresses: v2 serves pages under `/pages` and blog posts under
 * `/blogposts` (a blog post id under `/pages` is 404, as on a real site); v1 paths take any.
 */
export function pathContentType(ctx: RouteContext): 'page' | 'blogpost' | null {
  const path = ctx.url.pathname;
  if (path.startsWith('/wiki/api/v2/blogposts')) return 'blogpost';
  if (path.startsWith('/wiki/api/v2/pages')) return 'page';
  return null;
}

/**
 * Current content of the path's type that the caller may see (404 otherwise, as Confluence hides
 * what you cannot see). A draft is found only when asked for (`draft`: GET with `get-draft`) and
 * only by its author: a new page in the editor cannot be read by id until it is published.
 */
export function visiblePage(
  ctx: RouteContext,
  id: string,
  opts: { draft?: boolean } = {},
): PageRecord {
  const page = ctx.store.get('pages', id);
  const type = pathContentType(ctx);
  const draftSeen =
    page?.status === 'draft' &&
    opts.draft === true &&
    ctx.principal.kind === 'user' &&
    ctx.principal.accountId === page.authorId;
  if (
    !page ||
    page.status === 'trashed' ||
    (page.status === 'draft' && !draftSeen) ||
    (type !== null && (page.type ?? 'page') !== type) ||
    !canViewPage(ctx.store, ctx.principal, page)
  ) {
    throw new HttpError(404, `No content found with id: ${id}`);
  }
  return page;
}

/** A page the caller may change (404 when invisible, 403 when only viewable). */
export function editablePage(ctx: RouteContext, id: string): PageRecord {
  const page = visiblePage(ctx, id);
  if (!canEditPage(ctx.store, ctx.principal, page)) {
    throw new HttpError(403, `User not permitted to edit content with id: ${id}`);
  }
  return page;
}

/** The parsed JSON body (400 when it is not JSON). */
export async function jsonBody(ctx: RouteContext): Promise<Record<string, unknown>> {
  let text = '';
  try {
    text = await ctx.req.text();
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'Request body is not a valid JSON object');
}

/** A boolean query parameter (`true`/`false`, any case); 400 for anything else, as Confluence. */
export function booleanParam(ctx: RouteContext, name: string, def: boolean): boolean {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === '') return def;
  const v = raw.toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  throw new HttpError(400, `Invalid value for query parameter '${name}': ${raw}`);
}
