/** Cursor pagination as Confluence v2 does it: opaque cursor, `_links.next` and a `Link` header. */
import { HttpError } from './errors';

/** Reads `limit` (default/max per endpoint); Confluence clamps values above the maximum. */
export function readLimit(url: URL, def: number, max: number): number {
  const raw = url.searchParams.get('limit');
  if (raw === null || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, `Invalid limit value: ${raw}`);
  return Math.min(n, max);
}

function encodeCursor(v: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

/** Decodes a cursor made by this module; 400 when it is not one. */
export function decodeCursor(raw: string): Record<string, string | number> {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (v && typeof v === 'object') return v as Record<string, string | number>;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'Invalid cursor');
}

/** One page of a list plus what the response needs to point at the next one. */
export type Paged<T> = { results: T[]; next: string | null };

/** Pages a list ordered by `sortKey` (ascending, unique), resuming after the cursor's key. */
export function pageByKey<T>(
  items: readonly T[],
  url: URL,
  opts: { def: number; max: number; key: (item: T) => number },
): Paged<T> {
  const limit = readLimit(url, opts.def, opts.max);
  const cursor = url.searchParams.get('cursor');
  const after = cursor ? Number(decodeCursor(cursor).after) : -Infinity;
  const rest = items.filter((i) => opts.key(i) > after);
  const results = rest.slice(0, limit);
  const last = results[results.length - 1];
  if (rest.length <= limit || last === undefined) return { results, next: null };
  const nextUrl = new URL(url.toString());
  nextUrl.searchParams.set('cursor', encodeCursor({ after: opts.key(last) }));
  nextUrl.searchParams.set('limit', String(limit));
  return { results, next: `${nextUrl.pathname}${nextUrl.search}` };
}

/** The first `limit` items of an include (`include-properties` etc.) and the cursor to go on. */
export function firstOfInclude<T>(
  items: readonly T[],
  opts: { limit: number; key: (item: T) => number },
): { results: T[]; meta: { hasMore: boolean; cursor?: string } } {
  const results = items.slice(0, opts.limit);
  const last = results[results.length - 1];
  if (items.length <= opts.limit || last === undefined)
    return { results, meta: { hasMore: false } };
  // Same cursor format as `pageByKey`, so the list endpoint in `_links.self` resumes after `last`.
  return { results, meta: { hasMore: true, cursor: encodeCursor({ after: opts.key(last) }) } };
}

/** The offset a search cursor holds; 400 (as Confluence) when it holds none. */
function offsetOf(decoded: Record<string, string | number>): number {
  const offset = decoded.offset;
  if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  throw new HttpError(400, 'Invalid cursor');
}

/** Pages a list by offset (search), cursor-encoded; `start` works too. */
export function pageByOffset<T>(
  items: readonly T[],
  url: URL,
  opts: { def: number; max: number },
): Paged<T> & { start: number; limit: number } {
  const limit = readLimit(url, opts.def, opts.max);
  const cursor = url.searchParams.get('cursor');
  const start = cursor
    ? offsetOf(decodeCursor(cursor))
    : Math.max(0, Number(url.searchParams.get('start') ?? 0) || 0);
  const results = items.slice(start, start + limit);
  if (start + limit >= items.length) return { results, next: null, start, limit };
  const nextUrl = new URL(url.toString());
  nextUrl.searchParams.delete('start');
  nextUrl.searchParams.set('next', 'true');
  nextUrl.searchParams.set('cursor', encodeCursor({ offset: start + limit }));
  nextUrl.searchParams.set('limit', String(limit));
  return { results, next: `${nextUrl.pathname}${nextUrl.search}`, start, limit };
}

/** The `_links` and `Link` header of a v2 list response. */
export function v2ListBody<T>(
  paged: Paged<T>,
  siteUrl: string,
): { body: { results: T[]; _links: Record<string, string> }; headers: Record<string, string> } {
  const links: Record<string, string> = { base: `${siteUrl}/wiki` };
  const headers: Record<string, string> = {};
  if (paged.next) {
    links.next = paged.next;
    headers.link = `<${paged.next}>; rel="next", <${siteUrl}/wiki>; rel="base"`;
  }
  return { body: { results: paged.results, _links: links }, headers };
}
