/**
 * `routing/get` and `routing/set`: the space's team routing rules (channel, stage, lane → team).
 * Anyone who sees the space reads them; space admins change them, as themselves (a space
 * property write needs the space Admin permission; see routing-store.ts).
 */
import { z } from 'zod';
import { ConflictError, ForbiddenError, InvalidRequestError } from '../confluence/errors';
import {
  canAdministerSpace,
  readRoutingRules,
  writeRoutingRules,
} from '../confluence/routing-store';
import { routingRulesSchema } from '../domain/routing';
import { assertSameSpace, clientFor } from './context';
import { ResolverFailure } from './result';
import { door } from './door';
import { msg, render } from '../domain/i18n/message';
import { translatorFor } from './i18n';

/** A numeric Confluence space id. */
export const spaceIdSchema = z
  .string()
  .regex(/^\d{1,20}$/, 'must be a numeric Confluence space id');

/** Most rules per section, so the property stays far below 32 KB. */
export const MAX_RULES_PER_SECTION = 100;

/** `routing/get` payload. */
export const routingGetPayloadSchema = z.object({ spaceId: spaceIdSchema });

/** `routing/set` payload. */
export const routingSetPayloadSchema = z.object({
  spaceId: spaceIdSchema,
  rules: routingRulesSchema.refine(
    (r) =>
      Object.keys(r.channels).length <= MAX_RULES_PER_SECTION &&
      Object.keys(r.stages).length <= MAX_RULES_PER_SECTION,
    `has more than ${MAX_RULES_PER_SECTION} rules in a section`,
  ),
  baseVersion: z.number().int().min(0),
});

/** Why someone who is not a space admin sees the rules read-only. */
export const NOT_SPACE_ADMIN = msg('errors.routing.notSpaceAdmin');
const CONFLICT = msg('errors.routing.conflict');

/** `routing/get`: the rules, their version and whether the viewer may change them (2 calls). */
export const getRoutingResolver = door(
  'routing/get',
  routingGetPayloadSchema,
  async (rc, { spaceId }) => {
    assertSameSpace(rc, { id: spaceId });
    const client = clientFor(rc);
    const [stored, canEdit] = await Promise.all([
      readRoutingRules(client, spaceId),
      canAdministerSpace(client, spaceId),
    ]);
    const said = stored.unreadable
      ? msg('errors.routing.unreadable')
      : canEdit
        ? undefined
        : NOT_SPACE_ADMIN;
    const reason = said && render(said, await translatorFor(rc.locale));
    return {
      rules: stored.rules,
      version: stored.version,
      canEdit,
      ...(reason ? { reason } : {}),
    };
  },
);

/** `routing/set`: replaces the rules when the viewer is a space admin and nobody saved since. */
export const setRoutingResolver = door(
  'routing/set',
  routingSetPayloadSchema,
  async (rc, input) => {
    assertSameSpace(rc, { id: input.spaceId });
    const user = clientFor(rc);
    // Asked first so a non-admin gets the reason, not Confluence's bare 403 after a read.
    if (!(await canAdministerSpace(user, input.spaceId))) {
      throw new ResolverFailure('FORBIDDEN', NOT_SPACE_ADMIN);
    }
    try {
      return await writeRoutingRules({
        client: user,
        spaceId: input.spaceId,
        rules: input.rules,
        baseVersion: input.baseVersion,
      });
    } catch (error) {
      // A stale version (409), or a first save racing another first save (duplicate key, 400).
      if (
        error instanceof ConflictError ||
        (error instanceof InvalidRequestError && input.baseVersion === 0)
      ) {
        throw new ResolverFailure('CONFLICT', CONFLICT);
      }
      // Admin rights taken away between the check and the write.
      if (error instanceof ForbiddenError) throw new ResolverFailure('FORBIDDEN', NOT_SPACE_ADMIN);
      throw error;
    }
  },
);
