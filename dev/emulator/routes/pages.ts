/** v2 pages and spaces: create/read/update/trash pages, children, space lookups. */
import { HttpError } from '../errors';
import { canEditSpace, canViewPage, canViewSpace, pageOperations } from '../permissions';
import { pageByKey, v2ListBody } from '../pagination';
import { json, v2Page, v2Space } from '../shapes';
import type { PageRecord, SpaceRecord } from '../types';
import type { Route, RouteContext } from './context';
import {
  actorId,
  booleanParam,
  editablePage,
  jsonBody,
  param,
  pathContentType,
  visiblePage,
} from './context';
import { pageIncludes } from './page-includes';

/** Largest create/update request Confluence accepts (5 MB). */
const MAX_PAGE_REQUEST = 5 * 1024 * 1024;

const TITLE_TAKEN =
  'A page with this title already exists: A page already exists with the same TITLE in this space';

function titleTaken(ctx: RouteContext, spaceId: string, title: string, exceptId?: string): boolean {
  for (const p of ctx.store.all('pages')) {
    if (p.spaceId === spaceId && p.status !== 'trashed' && p.id !== exceptId) {
      if (p.title.toLowerCase() === title.toLowerCase()) return true;
    }
  }
  return false;
}

/** A string or number field as a string ('' for anything else). */
function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function readBody(body: Record<string, unknown>): string | undefined {
  const b = body.body as { representation?: unknown; value?: unknown } | undefined;
  if (b === undefined || b === null) return undefined;
  if (b.representation !== 'storage') {
    throw new HttpError(400, "Only body.representation 'storage' is supported by the emulator");
  }
  if (typeof b.value !== 'string') throw new HttpError(400, 'body.value must be a string');
  return b.value;
}

async function boundedJson(ctx: RouteContext): Promise<Record<string, unknown>> {
  const len = Number(ctx.req.headers.get('content-length') ?? 0);
  if (len > MAX_PAGE_REQUEST) throw new HttpError(413, 'Request entity too large');
  return jsonBody(ctx);
}

async function createPage(ctx: RouteContext): Promise<Response> {
  const body = await boundedJson(ctx);
  const spaceId = scalar(body.spaceId);
  const space = ctx.store.get('spaces', spaceId);
  if (!space || !canViewSpace(ctx.principal, space)) {
    throw new HttpError(404, `No space found with id: ${spaceId}`);
  }
  if (!canEditSpace(ctx.principal, space)) {
    throw new HttpError(403, 'User not permitted to create pages in this space');
  }
  const status = body.status === 'draft' ? 'draft' : 'current';
  const title = typeof body.title === 'string' ? body.title.trim() : '';
  if (!title && status === 'current') throw new HttpError(400, 'Title is required');
  if (title.length > 255) throw new HttpError(400, 'Title must not be longer than 255 characters');
  if (status === 'current' && titleTaken(ctx, space.id, title))
    throw new HttpError(400, TITLE_TAKEN);
  let parentId: string | null = space.homepageId;
  if (body.parentId !== undefined && body.parentId !== null) {
    const parent = visiblePage(ctx, scalar(body.parentId));
    if (parent.spaceId !== space.id) throw new HttpError(400, 'Parent page is in another space');
    parentId = parent.id;
  }
  if (ctx.url.searchParams.get('root-level') === 'true') parentId = null;
  const blogpost = pathContentType(ctx) === 'blogpost';
  // Blog posts have no parent (POST /blogposts takes none).
  if (blogpost) parentId = null;
  const author = actorId(ctx);
  const version = ctx.store.stamp(1, author);
  const page = ctx.store.put('pages', {
    id: ctx.store.nextId(),
    ...(blogpost ? { type: 'blogpost' as const } : {}),
    spaceId: space.id,
    title,
    status,
    parentId,
    body: readBody(body) ?? '',
    authorId: author,
    createdAt: version.createdAt,
    version,
    viewRestriction: [],
    editRestriction: [],
  });
  return json(v2Page(ctx, page, { bodyFormat: 'storage' }));
}

function getPage(ctx: RouteContext): Response {
  const id = param(ctx, 'id');
  const wantsTrashed = (ctx.url.searchParams.get('status') ?? '').split(',').includes('trashed');
  const raw = ctx.store.get('pages', id);
  const type = pathContentType(ctx);
  // `get-draft=true` (or `status=draft`) returns the draft of a page never published.
  const draft =
    booleanParam(ctx, 'get-draft', false) ||
    (ctx.url.searchParams.get('status') ?? '').split(',').includes('draft');
  const page =
    raw &&
    raw.status === 'trashed' &&
    wantsTrashed &&
    (raw.type ?? 'page') === type &&
    canViewPage(ctx.store, ctx.principal, raw)
      ? raw
      : visiblePage(ctx, id, { draft });
  return json(
    v2Page(ctx, page, {
      bodyFormat: ctx.url.searchParams.get('body-format'),
      includeVersion: booleanParam(ctx, 'include-version', true),
      includes: pageIncludes(ctx, page),
    }),
  );
}

/** v2 PermittedOperationsResponse: what the caller may do to a page it can see. */
function operations(ctx: RouteContext): Response {
  const page = visiblePage(ctx, param(ctx, 'id'));
  return json({ operations: pageOperations(ctx.store, ctx.principal, page) });
}

async function updatePage(ctx: RouteContext): Promise<Response> {
  // Read the body first: nothing may be awaited between the version check and the write.
  const body = await boundedJson(ctx);
  const current = editablePage(ctx, param(ctx, 'id'));
  const version = body.version as { number?: unknown; message?: unknown } | undefined;
  if (!version || typeof version.number !== 'number') {
    throw new HttpError(400, 'version.number is required');
  }
  // PageUpdateRequest / BlogPostUpdateRequest: required id, status, title, body, version.
  if (scalar(body.id) !== current.id) {
    throw new HttpError(400, 'id is required and must be the id of the content in the path');
  }
  if (body.status !== 'current' && body.status !== 'draft') {
    throw new HttpError(400, `Unsupported status '${scalar(body.status)}'`);
  }
  const title = typeof body.title === 'string' ? body.title.trim() : '';
  if (!title) throw new HttpError(400, 'Title is required');
  const storage = readBody(body);
  if (storage === undefined) throw new HttpError(400, 'body is required');
  if (version.number !== current.version.number + 1) {
    throw new HttpError(
      409,
      `Version must be incremented when updating a page. Current Version: [${current.version.number}]. Provided version: [${version.number}]`,
    );
  }
  if (titleTaken(ctx, current.spaceId, title, current.id)) throw new HttpError(400, TITLE_TAKEN);
  let parentId = current.parentId;
  if (
    current.type !== 'blogpost' &&
    typeof body.parentId === 'string' &&
    body.parentId !== current.parentId
  ) {
    const parent = visiblePage(ctx, body.parentId);
    if (
      parent.id === current.id ||
      ctx.store.ancestorsOf(parent).some((a) => a.id === current.id)
    ) {
      throw new HttpError(400, 'A page cannot be moved below itself');
    }
    parentId = parent.id;
  }
  const page = ctx.store.put('pages', {
    ...current,
    title,
    status: body.status === 'draft' ? 'draft' : 'current',
    parentId,
    body: storage,
    version: ctx.store.stamp(
      version.number,
      actorId(ctx),
      typeof version.message === 'string' ? version.message : '',
      false,
    ),
  });
  return json(v2Page(ctx, page, { bodyFormat: 'storage' }));
}

function deletePage(ctx: RouteContext): Response {
  const page = editablePage(ctx, param(ctx, 'id'));
  ctx.store.put('pages', { ...page, status: 'trashed' });
  return json(null, 204);
}

function visibleCurrent(ctx: RouteContext, pages: PageRecord[]): PageRecord[] {
  return pages.filter((p) => p.status === 'current' && canViewPage(ctx.store, ctx.principal, p));
}

function listResponse(ctx: RouteContext, pages: PageRecord[], bodyFormat: string | null): Response {
  const max = Math.min(250, ctx.maxListLimit);
  const paged = pageByKey(pages, ctx.url, {
    def: Math.min(25, max),
    max,
    key: (p) => Number(p.id),
  });
  const out = v2ListBody(
    { results: paged.results.map((p) => v2Page(ctx, p, { bodyFormat })), next: paged.next },
    ctx.siteUrl,
  );
  return json(out.body, 200, out.headers);
}

function children(ctx: RouteContext): Response {
  const page = visiblePage(ctx, param(ctx, 'id'));
  const kids = visibleCurrent(ctx, ctx.store.childrenOf(page.id)).map((p) => p);
  const paged = pageByKey(kids, ctx.url, { def: 25, max: 250, key: (p) => Number(p.id) });
  const out = v2ListBody(
    {
      results: paged.results.map((p) => ({
        id: p.id,
        status: p.status,
        title: p.title,
        spaceId: p.spaceId,
        childPosition: Number(p.id) % 10_000,
      })),
      next: paged.next,
    },
    ctx.siteUrl,
  );
  return json(out.body, 200, out.headers);
}

function visibleSpace(ctx: RouteContext, id: string): SpaceRecord {
  const space = ctx.store.get('spaces', id);
  if (!space || !canViewSpace(ctx.principal, space)) {
    throw new HttpError(404, `No space found with id: ${id}`);
  }
  return space;
}

function spacePages(ctx: RouteContext): Response {
  const space = visibleSpace(ctx, param(ctx, 'id'));
  const title = ctx.url.searchParams.get('title');
  const rootOnly = ctx.url.searchParams.get('depth') === 'root';
  const pages = visibleCurrent(
    ctx,
    [...ctx.store.all('pages')].filter(
      (p) =>
        p.type !== 'blogpost' &&
        p.spaceId === space.id &&
        (title === null || p.title === title) &&
        (!rootOnly || p.parentId === null),
    ),
  ).sort((a, b) => Number(a.id) - Number(b.id));
  return listResponse(ctx, pages, ctx.url.searchParams.get('body-format'));
}

function listPages(ctx: RouteContext): Response {
  const ids = ctx.url.searchParams.get('id')?.split(',');
  const spaceIds = ctx.url.searchParams.get('space-id')?.split(',');
  const title = ctx.url.searchParams.get('title');
  const type = pathContentType(ctx) ?? 'page';
  const pages = visibleCurrent(
    ctx,
    [...ctx.store.all('pages')].filter(
      (p) =>
        (p.type ?? 'page') === type &&
        (!ids || ids.includes(p.id)) &&
        (!spaceIds || spaceIds.includes(p.spaceId)) &&
        (title === null || p.title === title),
    ),
  ).sort((a, b) => Number(a.id) - Number(b.id));
  return listResponse(ctx, pages, ctx.url.searchParams.get('body-format'));
}

function listSpaces(ctx: RouteContext): Response {
  const keys = ctx.url.searchParams.get('keys')?.split(',');
  const ids = ctx.url.searchParams.get('ids')?.split(',');
  const spaces = [...ctx.store.all('spaces')]
    .filter(
      (s) =>
        canViewSpace(ctx.principal, s) &&
        (!keys || keys.includes(s.key)) &&
        (!ids || ids.includes(s.id)),
    )
    .sort((a, b) => Number(a.id) - Number(b.id));
  const paged = pageByKey(spaces, ctx.url, { def: 25, max: 250, key: (s) => Number(s.id) });
  const out = v2ListBody(
    { results: paged.results.map((s) => v2Space(ctx, s)), next: paged.next },
    ctx.siteUrl,
  );
  return json(out.body, 200, out.headers);
}

/** The same content routes for blog posts (`/blogposts`, no children, no parent). */
const blogPostRoutes: Route[] = [
  { method: 'GET', pattern: '/wiki/api/v2/blogposts', name: 'blogposts.list', handler: listPages },
  {
    method: 'POST',
    pattern: '/wiki/api/v2/blogposts',
    name: 'blogposts.create',
    handler: createPage,
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/blogposts/{id}',
    name: 'blogposts.get',
    handler: getPage,
  },
  {
    method: 'PUT',
    pattern: '/wiki/api/v2/blogposts/{id}',
    name: 'blogposts.update',
    handler: updatePage,
  },
  {
    method: 'DELETE',
    pattern: '/wiki/api/v2/blogposts/{id}',
    name: 'blogposts.delete',
    handler: deletePage,
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/blogposts/{id}/operations',
    name: 'blogposts.operations',
    handler: operations,
  },
];

/** Page, blog post and space routes. */
export const pageRoutes: Route[] = [
  ...blogPostRoutes,
  { method: 'GET', pattern: '/wiki/api/v2/pages', name: 'pages.list', handler: listPages },
  { method: 'POST', pattern: '/wiki/api/v2/pages', name: 'pages.create', handler: createPage },
  { method: 'GET', pattern: '/wiki/api/v2/pages/{id}', name: 'pages.get', handler: getPage },
  { method: 'PUT', pattern: '/wiki/api/v2/pages/{id}', name: 'pages.update', handler: updatePage },
  {
    method: 'DELETE',
    pattern: '/wiki/api/v2/pages/{id}',
    name: 'pages.delete',
    handler: deletePage,
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/pages/{id}/operations',
    name: 'pages.operations',
    handler: operations,
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/pages/{id}/children',
    name: 'pages.children',
    handler: children,
  },
  { method: 'GET', pattern: '/wiki/api/v2/spaces', name: 'spaces.list', handler: listSpaces },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/spaces/{id}',
    name: 'spaces.get',
    handler: (ctx) => json(v2Space(ctx, visibleSpace(ctx, param(ctx, 'id')))),
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/spaces/{id}/pages',
    name: 'spaces.pages',
    handler: spacePages,
  },
];
