/** Content properties of pages and properties of spaces (v2), with versions, key rules and the 32 KB limit. */
import { HttpError } from '../errors';
import { canAdministerSpace, canViewSpace } from '../permissions';
import { pageByKey, v2ListBody } from '../pagination';
import { json, v2Property } from '../shapes';
import type { PropertyRecord, SpaceRecord } from '../types';
import type { Route, RouteContext } from './context';
import { actorId, editablePage, jsonBody, param, visiblePage } from './context';

/** Largest property value, in bytes of JSON. */
export const MAX_PROPERTY_BYTES = 32 * 1024;

type Owner = { kind: 'page' | 'space'; id: string };

function visibleSpace(ctx: RouteContext, id: string): SpaceRecord {
  const space = ctx.store.get('spaces', id);
  if (!space || !canViewSpace(ctx.principal, space)) {
    throw new HttpError(404, `No space found with id: ${id}`);
  }
  return space;
}

function ownerFor(ctx: RouteContext, kind: 'page' | 'space', write: boolean): Owner {
  const id = param(ctx, 'id');
  if (kind === 'page') {
    (write ? editablePage : visiblePage)(ctx, id);
  } else {
    const space = visibleSpace(ctx, id);
    // The v2 spec: creating, updating and deleting a space property needs the space's Admin
    // permission, for the app as for users.
    if (write && !canAdministerSpace(ctx.principal, space)) {
      throw new HttpError(403, `User not permitted to edit space properties of space ${id}`);
    }
  }
  return { kind, id };
}

function findProperty(ctx: RouteContext, owner: Owner): PropertyRecord {
  const id = param(ctx, 'propertyId');
  const p = ctx.store.get('properties', id);
  if (!p || p.owner !== owner.kind || p.ownerId !== owner.id) {
    throw new HttpError(404, `No property found with id: ${id}`);
  }
  return p;
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new HttpError(400, 'Property key must be a non-empty string');
  }
  if (key.length > 255) {
    throw new HttpError(400, 'Property key must not be longer than 255 characters');
  }
  return key;
}

function checkValue(value: unknown): unknown {
  if (value === undefined) throw new HttpError(400, 'Property value is required');
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_PROPERTY_BYTES) {
    throw new HttpError(
      413,
      `Property value is too large: ${bytes} bytes of JSON, the limit is ${MAX_PROPERTY_BYTES}`,
    );
  }
  return value;
}

function list(kind: 'page' | 'space') {
  return (ctx: RouteContext): Response => {
    const owner = ownerFor(ctx, kind, false);
    let items = ctx.store.propertiesOf(owner.kind, owner.id);
    const key = ctx.url.searchParams.get('key');
    if (key !== null) items = items.filter((p) => p.key === key);
    const sort = ctx.url.searchParams.get('sort');
    if (sort === 'key' || sort === '-key') {
      // Sorted lists still page by id; Confluence's sorted cursors are opaque too.
      items = [...items].sort((a, b) => a.key.localeCompare(b.key) * (sort === 'key' ? 1 : -1));
      const paged = pageByKey(
        items.map((p, i) => ({ p, i })),
        ctx.url,
        { def: 25, max: 250, key: (x) => x.i },
      );
      const out = v2ListBody(
        { results: paged.results.map((x) => v2Property(x.p)), next: paged.next },
        ctx.siteUrl,
      );
      return json(out.body, 200, out.headers);
    }
    const paged = pageByKey(items, ctx.url, { def: 25, max: 250, key: (p) => Number(p.id) });
    const out = v2ListBody(
      { results: paged.results.map(v2Property), next: paged.next },
      ctx.siteUrl,
    );
    return json(out.body, 200, out.headers);
  };
}

function create(kind: 'page' | 'space') {
  return async (ctx: RouteContext): Promise<Response> => {
    const body = await jsonBody(ctx);
    const owner = ownerFor(ctx, kind, true);
    const key = checkKey(body.key);
    const value = checkValue(body.value);
    if (ctx.store.propertyByKey(owner.kind, owner.id, key)) {
      throw new HttpError(400, `A property with key '${key}' already exists on this ${kind}`);
    }
    const version = ctx.store.stamp(1, actorId(ctx));
    const p = ctx.store.put('properties', {
      id: ctx.store.nextId(),
      owner: owner.kind,
      ownerId: owner.id,
      key,
      value,
      createdAt: version.createdAt,
      version,
    });
    if (kind === 'page') ctx.searchIndex.changed(owner.id, key, value, undefined);
    return json(v2Property(p), kind === 'space' ? 201 : 200);
  };
}

function get(kind: 'page' | 'space') {
  return (ctx: RouteContext): Response => {
    const owner = ownerFor(ctx, kind, false);
    return json(v2Property(findProperty(ctx, owner)));
  };
}

function update(kind: 'page' | 'space') {
  return async (ctx: RouteContext): Promise<Response> => {
    // Read the body first: nothing may be awaited between the version check and the write.
    const body = await jsonBody(ctx);
    const owner = ownerFor(ctx, kind, true);
    const current = findProperty(ctx, owner);
    const key = checkKey(body.key ?? current.key);
    if (key !== current.key) {
      throw new HttpError(
        400,
        `Property key cannot be changed (was '${current.key}', got '${key}')`,
      );
    }
    const version = body.version as { number?: unknown; message?: unknown } | undefined;
    if (!version || typeof version.number !== 'number') {
      throw new HttpError(400, 'version.number is required');
    }
    const value = checkValue(body.value);
    if (version.number !== current.version.number + 1) {
      throw new HttpError(
        409,
        `Version must be incremented when updating a property. Current Version: [${current.version.number}]. Provided version: [${version.number}]`,
      );
    }
    const p = ctx.store.put('properties', {
      ...current,
      value,
      version: ctx.store.stamp(
        version.number,
        actorId(ctx),
        typeof version.message === 'string' ? version.message : '',
      ),
    });
    if (kind === 'page') ctx.searchIndex.changed(owner.id, key, value, current.value);
    return json(v2Property(p));
  };
}

function remove(kind: 'page' | 'space') {
  return (ctx: RouteContext): Response => {
    const owner = ownerFor(ctx, kind, true);
    const p = findProperty(ctx, owner);
    ctx.store.del('properties', p.id);
    if (kind === 'page') ctx.searchIndex.changed(owner.id, p.key, undefined, p.value);
    return json(null, 204);
  };
}

const PAGE = '/wiki/api/v2/pages/{id}/properties';
const SPACE = '/wiki/api/v2/spaces/{id}/properties';
const BLOG = '/wiki/api/v2/blogposts/{id}/properties';

/** The five routes of the properties under `base` (list, create, get, update, delete). */
function propertyCrud(args: { base: string; name: string; kind: 'page' | 'space' }): Route[] {
  const { base, name, kind } = args;
  const one = `${base}/{propertyId}`;
  return [
    { method: 'GET', pattern: base, name: `${name}.list`, handler: list(kind) },
    { method: 'POST', pattern: base, name: `${name}.create`, handler: create(kind) },
    { method: 'GET', pattern: one, name: `${name}.get`, handler: get(kind) },
    { method: 'PUT', pattern: one, name: `${name}.update`, handler: update(kind) },
    { method: 'DELETE', pattern: one, name: `${name}.delete`, handler: remove(kind) },
  ];
}

/** Property routes: pages, blog posts (their properties live like a page's) and spaces. */
export const propertyRoutes: Route[] = [
  ...propertyCrud({ base: PAGE, name: 'properties', kind: 'page' }),
  ...propertyCrud({ base: BLOG, name: 'blogpostProperties', kind: 'page' }),
  ...propertyCrud({ base: SPACE, name: 'spaceProperties', kind: 'space' }),
];
