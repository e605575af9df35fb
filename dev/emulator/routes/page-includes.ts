/**
 * The optional collections of v2 `GET /pages/{id}` (`include-properties`, `include-operations`,
 * ...): each `{results, meta: {hasMore, cursor?}, _links: {self}}`, at most 50 results, with
 * `_links.self` naming the endpoint that lists the rest.
 */
import { HttpError } from '../errors';
import { firstOfInclude } from '../pagination';
import { pageOperations } from '../permissions';
import { v2Property } from '../shapes';
import type { PageRecord } from '../types';
import type { RouteContext } from './context';
import { booleanParam } from './context';

/** Most results Confluence puts in one included collection. */
export const INCLUDE_LIMIT = 50;

/** Includes the emulator has no data for; refused so callers do not silently get nothing. */
const UNSUPPORTED = [
  'include-versions',
  'include-favorited-by-current-user-status',
  'include-webresources',
];

type Included = {
  results: unknown[];
  meta: { hasMore: boolean; cursor?: string };
  _links: { self: string };
};

function empty(self: string): Included {
  return { results: [], meta: { hasMore: false }, _links: { self } };
}

/** The included collections the request asked for, keyed as in `PageSingle`. */
export function pageIncludes(ctx: RouteContext, page: PageRecord): Record<string, Included> {
  for (const name of UNSUPPORTED) {
    if (booleanParam(ctx, name, false)) {
      throw new HttpError(400, `Query parameter '${name}' is not supported by the emulator`);
    }
  }
  const base = `/wiki/api/v2/pages/${page.id}`;
  const out: Record<string, Included> = {};
  // The emulator keeps no labels or likes: every page has none.
  if (booleanParam(ctx, 'include-labels', false)) out.labels = empty(`${base}/labels`);
  if (booleanParam(ctx, 'include-properties', false)) {
    // Default order of the properties endpoint (by id), so its cursor continues the list.
    const first = firstOfInclude(ctx.store.propertiesOf('page', page.id), {
      limit: INCLUDE_LIMIT,
      key: (p) => Number(p.id),
    });
    out.properties = {
      results: first.results.map(v2Property),
      meta: first.meta,
      _links: { self: `${base}/properties` },
    };
  }
  if (booleanParam(ctx, 'include-operations', false)) {
    const ops = pageOperations(ctx.store, ctx.principal, page);
    // A handful of operations: they always fit.
    out.operations = {
      results: ops,
      meta: { hasMore: false },
      _links: { self: `${base}/operations` },
    };
  }
  if (booleanParam(ctx, 'include-likes', false)) out.likes = empty(`${base}/likes/users`);
  return out;
}
