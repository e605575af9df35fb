/** v1 CQL search (`/search`, `/content/search`) and the user search behind people pickers. */
import { matches, sortBy } from '../cql/evaluate';
import type { FieldResolver, FieldValue } from '../cql/evaluate';
import { parseCql } from '../cql/parse';
import type { CqlQuery } from '../cql/parse';
import { HttpError } from '../errors';
import { canViewPage } from '../permissions';
import { pageByOffset } from '../pagination';
import { Expand, json, pageWebui, v1Page, v1Space, v1User } from '../shapes';
import type { PageRecord, PropertyIndexField, UserRecord } from '../types';
import type { Route, RouteContext } from './context';

const PROPERTY_FIELD = /^content\.property\[([^\]]+)\]\.(.+)$/i;

function valueAt(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function indexedValue(ctx: RouteContext, page: PageRecord, field: PropertyIndexField): FieldValue {
  const type =
    field.type === 'text'
      ? 'text'
      : field.type === 'number'
        ? 'number'
        : field.type === 'date'
          ? 'date'
          : 'string';
  const prop = ctx.store.propertyByKey('page', page.id, field.propertyKey);
  // CQL sees the property as indexed, which can lag behind the store (search-index.ts).
  const indexed = ctx.searchIndex.valueOf(page.id, field.propertyKey, prop?.value);
  const v = indexed === undefined ? undefined : valueAt(indexed, field.path);
  // Arrays and objects are not indexed by Confluence.
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    return { type, values: [] };
  }
  if (type === 'number' && typeof v !== 'number') {
    const n = Number(v);
    return { type, values: Number.isNaN(n) ? [] : [n] };
  }
  return { type, values: [typeof v === 'number' ? v : String(v)] };
}

const aliasCache = new WeakMap<readonly PropertyIndexField[], Map<string, PropertyIndexField>>();

function aliasMap(indexes: readonly PropertyIndexField[]): Map<string, PropertyIndexField> {
  let map = aliasCache.get(indexes);
  if (!map) {
    map = new Map(indexes.map((f) => [f.searchAlias.toLowerCase(), f]));
    aliasCache.set(indexes, map);
  }
  return map;
}

/** Field resolver for one page. */
export function pageFields(ctx: RouteContext, page: PageRecord): FieldResolver {
  const aliases = aliasMap(ctx.indexes);
  return (name) => {
    const field = name.toLowerCase();
    const space = ctx.store.get('spaces', page.spaceId);
    switch (field) {
      case 'type':
        return { type: 'string', values: [page.type ?? 'page'] };
      case 'space':
      case 'space.key':
        return { type: 'string', values: space ? [space.key] : [] };
      case 'space.id':
        return { type: 'string', values: [page.spaceId] };
      case 'title':
        return { type: 'title', values: [page.title] };
      case 'text':
        return { type: 'text', values: [`${page.title} ${page.body.replace(/<[^>]*>/g, ' ')}`] };
      case 'id':
      case 'content':
        return { type: 'number', values: [Number(page.id)] };
      case 'ancestor':
        return { type: 'number', values: ctx.store.ancestorsOf(page).map((a) => Number(a.id)) };
      case 'parent':
        return { type: 'number', values: page.parentId ? [Number(page.parentId)] : [] };
      case 'created':
        return { type: 'date', values: [page.createdAt] };
      case 'lastmodified':
        return { type: 'date', values: [page.version.createdAt] };
      case 'creator':
        return { type: 'string', values: [page.authorId] };
      case 'contributor':
        return { type: 'string', values: [page.authorId, page.version.authorId] };
      case 'label':
        return { type: 'string', values: [] };
    }
    const alias = aliases.get(field);
    if (alias) return indexedValue(ctx, page, alias);
    const m = PROPERTY_FIELD.exec(name);
    if (m) {
      const declared = ctx.indexes.find((f) => f.propertyKey === m[1] && f.path === m[2]);
      if (declared) return indexedValue(ctx, page, declared);
    }
    throw new HttpError(400, `Could not parse cql : No field exists with name '${name}'`);
  };
}

/** The pages a query finds that the caller may see, in order. */
export function runContentQuery(ctx: RouteContext, query: CqlQuery): PageRecord[] {
  const now = ctx.now();
  const hits: PageRecord[] = [];
  for (const page of ctx.store.all('pages')) {
    if (page.status !== 'current') continue;
    if (!matches(query.where, pageFields(ctx, page), now)) continue;
    if (!canViewPage(ctx.store, ctx.principal, page)) continue;
    hits.push(page);
  }
  hits.sort((a, b) => Number(a.id) - Number(b.id));
  return sortBy(hits, query, (p) => pageFields(ctx, p));
}

/** Confluence's hard caps on `limit`, which depend on the expansions requested. */
function searchCap(expandRaw: string | null): number {
  const e = expandRaw ?? '';
  if (/body\.(export_view|styled_view)/.test(e)) return 25;
  if (e.includes('body')) return 50;
  return e.trim() ? 200 : 1000;
}

function readCql(ctx: RouteContext): CqlQuery {
  const cql = ctx.url.searchParams.get('cql');
  if (!cql) throw new HttpError(400, 'CQL query parameter is required but was empty');
  return parseCql(cql);
}

function v1Links(ctx: RouteContext, next: string | null): Record<string, string> {
  const links: Record<string, string> = {
    base: `${ctx.siteUrl}/wiki`,
    context: '/wiki',
    self: `${ctx.siteUrl}${ctx.url.pathname}${ctx.url.search}`,
  };
  // v1 links are relative to the context path (/wiki), unlike v2's.
  if (next) links.next = next.replace(/^\/wiki/, '');
  return links;
}

/** The v1 search answer: one page of `results` out of `totalSize` hits, timed from `started`. */
function searchAnswer(
  ctx: RouteContext,
  args: {
    results: unknown[];
    paged: { start: number; limit: number; next: string | null };
    totalSize: number;
    started: number;
  },
): Response {
  const { results, paged } = args;
  return json({
    results,
    start: paged.start,
    limit: paged.limit,
    size: results.length,
    totalSize: args.totalSize,
    cqlQuery: ctx.url.searchParams.get('cql') ?? '',
    searchDuration: Date.now() - args.started,
    _links: v1Links(ctx, paged.next),
  });
}

function search(ctx: RouteContext): Response {
  const started = Date.now();
  const query = readCql(ctx);
  const expandRaw = ctx.url.searchParams.get('expand');
  const expand = new Expand(expandRaw, 'content.');
  const hits = runContentQuery(ctx, query);
  const paged = pageByOffset(hits, ctx.url, { def: 25, max: searchCap(expandRaw) });
  const results = paged.results.map((page) => {
    const space = ctx.store.get('spaces', page.spaceId);
    return {
      content: v1Page(ctx, page, expand),
      title: page.title,
      excerpt: page.body
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200),
      url: pageWebui(ctx, page),
      resultGlobalContainer: space
        ? { title: space.name, displayUrl: `/spaces/${space.key}` }
        : undefined,
      breadcrumbs: [],
      entityType: 'content',
      iconCssClass: `aui-icon content-type-${page.type ?? 'page'}`,
      lastModified: page.version.createdAt,
      friendlyLastModified: new Date(page.version.createdAt).toUTCString(),
      score: 0,
    };
  });
  return searchAnswer(ctx, { results, paged, totalSize: hits.length, started });
}

function contentSearch(ctx: RouteContext): Response {
  const query = readCql(ctx);
  const expandRaw = ctx.url.searchParams.get('expand');
  const expand = new Expand(expandRaw);
  const hits = runContentQuery(ctx, query);
  const paged = pageByOffset(hits, ctx.url, { def: 25, max: searchCap(expandRaw) });
  return json({
    results: paged.results.map((p) => v1Page(ctx, p, expand)),
    start: paged.start,
    limit: paged.limit,
    size: paged.results.length,
    _links: v1Links(ctx, paged.next),
  });
}

function userFields(user: UserRecord): FieldResolver {
  return (name) => {
    switch (name.toLowerCase()) {
      case 'type':
        return { type: 'string', values: ['user'] };
      case 'user.fullname':
        return { type: 'text', values: [user.displayName] };
      case 'user':
      case 'user.accountid':
        return { type: 'string', values: [user.accountId] };
    }
    throw new HttpError(400, `Could not parse cql : No field exists with name '${name}'`);
  };
}

function userSearch(ctx: RouteContext): Response {
  const started = Date.now();
  const query = readCql(ctx);
  const now = ctx.now();
  const users = [...ctx.store.all('users')].filter((u) => matches(query.where, userFields(u), now));
  const paged = pageByOffset(users, ctx.url, { def: 25, max: 1000 });
  const results = paged.results.map((u) => ({
    user: v1User(ctx, u),
    title: u.displayName,
    excerpt: '',
    url: `/people/${u.accountId}`,
    breadcrumbs: [],
    entityType: 'user',
    iconCssClass: 'aui-icon content-type-profile',
    lastModified: now.toISOString(),
    score: 0,
  }));
  return searchAnswer(ctx, { results, paged, totalSize: users.length, started });
}

const APP_USER: UserRecord = {
  accountId: 'app-emulator',
  email: '',
  displayName: 'Journey Maps (app)',
};

function currentUser(ctx: RouteContext): Response {
  if (ctx.principal.kind !== 'user') {
    return json({ ...v1User(ctx, APP_USER), accountType: 'app', email: null });
  }
  const user = ctx.store.get('users', ctx.principal.accountId);
  if (!user) throw new HttpError(404, `No user found with accountId: ${ctx.principal.accountId}`);
  // The person's language: the Forge i18n docs read `locale` from this call (not in the v1 spec).
  return json({ ...v1User(ctx, user), locale: user.locale ?? 'en-US' });
}

function getUser(ctx: RouteContext): Response {
  const accountId = ctx.url.searchParams.get('accountId');
  if (!accountId) throw new HttpError(400, 'accountId is required');
  const user = ctx.store.get('users', accountId);
  if (!user) throw new HttpError(404, `No user found with accountId: ${accountId}`);
  return json(v1User(ctx, user));
}

function getSpaceV1(ctx: RouteContext): Response {
  const key = ctx.params.key ?? '';
  const space = ctx.store.spaceByKey(key);
  if (
    !space ||
    (ctx.principal.kind === 'user' &&
      ![...space.viewers, ...space.editors].includes(ctx.principal.accountId))
  ) {
    throw new HttpError(404, `No space with key : ${key}`);
  }
  return json(v1Space(ctx, space));
}

/** Search and user routes. */
export const searchRoutes: Route[] = [
  { method: 'GET', pattern: '/wiki/rest/api/search', name: 'search.cql', handler: search },
  {
    method: 'GET',
    pattern: '/wiki/rest/api/content/search',
    name: 'search.content',
    handler: contentSearch,
  },
  {
    method: 'GET',
    pattern: '/wiki/rest/api/search/user',
    name: 'users.search',
    handler: userSearch,
  },
  { method: 'GET', pattern: '/wiki/rest/api/user', name: 'users.get', handler: getUser },
  {
    method: 'GET',
    pattern: '/wiki/rest/api/user/current',
    name: 'users.current',
    handler: currentUser,
  },
  {
    method: 'GET',
    pattern: '/wiki/rest/api/space/{key}',
    name: 'spaces.v1get',
    handler: getSpaceV1,
  },
];
