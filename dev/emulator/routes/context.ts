/** What every route handler receives, and small helpers shared by the routes. */
import { HttpError } from '../errors';
import { canEditPage, canViewPage } from '../permissions';
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
  return ctx.principal.kind === 'user' ? ctx.principal.accountId : 'app-emulator';
}

/** A param that the router guarantees. */
export function param(ctx: RouteContext, name: string): string {
  return ctx.params[name] ?? '';
}

/** A current page the caller may see (404 otherwise, as Confluence hides what you cannot see). */
export function visiblePage(ctx: RouteContext, id: string): PageRecord {
  const page = ctx.store.get('pages', id);
  if (!page || page.status === 'trashed' || !canViewPage(ctx.store, ctx.principal, page)) {
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
