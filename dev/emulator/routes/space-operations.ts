/**
 * v2 `GET /spaces/{id}/operations`: what the caller may do in a space, limited to what the
 * emulator implements (reading the space, creating pages in it, administering it).
 */
import { HttpError } from '../errors';
import { canAdministerSpace, canEditSpace, canViewSpace } from '../permissions';
import { json } from '../shapes';
import type { Principal, SpaceRecord } from '../types';
import type { Route, RouteContext } from './context';
import { param } from './context';

/** One permitted operation in a space, as v2 lists them. */
export type SpaceOperation = { operation: string; targetType: string };

/**
 * The operations the principal has in the space: `read space` for anyone who sees it; `create
 * page` and `create attachment` for space editors (the emulator's "Add pages" permission);
 * `administer space` for space admins. Real Confluence lists more (blog posts, comments, exports).
 */
export function spaceOperations(principal: Principal, space: SpaceRecord): SpaceOperation[] {
  if (!canViewSpace(principal, space)) return [];
  const ops: SpaceOperation[] = [{ operation: 'read', targetType: 'space' }];
  if (canEditSpace(principal, space)) {
    ops.push(
      { operation: 'create', targetType: 'page' },
      { operation: 'create', targetType: 'attachment' },
    );
  }
  if (canAdministerSpace(principal, space))
    ops.push({ operation: 'administer', targetType: 'space' });
  return ops;
}

function getSpaceOperations(ctx: RouteContext): Response {
  const id = param(ctx, 'id');
  if (!/^\d+$/.test(id)) throw new HttpError(400, `Invalid space id: ${id}`);
  const space = ctx.store.get('spaces', id);
  // Confluence answers 404 both for a missing space and one the caller cannot see.
  if (!space || !canViewSpace(ctx.principal, space)) {
    throw new HttpError(404, `No space found with id: ${id}`);
  }
  return json({
    operations: spaceOperations(ctx.principal, space),
    _links: { base: `${ctx.siteUrl}/wiki` },
  });
}

/** Space operation routes. */
export const spaceOperationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/wiki/api/v2/spaces/{id}/operations',
    name: 'spaces.operations',
    handler: getSpaceOperations,
  },
];
