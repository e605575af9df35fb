/**
 * `routing/get` and `routing/set`: the space's team routing rules (channel, stage, lane → team).
 * Anyone who sees the space reads them; space editors change them (see routing-store.ts for why
 * the write itself goes through the app, after the check made as the user).
 */
import { z } from 'zod';
import { appClient } from '../confluence/client';
import { ConflictError, InvalidRequestError } from '../confluence/errors';
import { canEditSpace, readRoutingRules, writeRoutingRules } from '../confluence/routing-store';
import { routingRulesSchema } from '../domain/routing';
import type { ResultOf } from './contract';
import type { ResolverContext } from './context';
import { assertSameSpace, clientFor } from './context';
import { ResolverFailure, guard } from './result';

const spaceIdSchema = z.string().regex(/^\d{1,20}$/, 'must be a numeric Confluence space id');

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

const NOT_EDITOR =
  'Only people who can add pages to this space can change its routing rules. Ask a space admin for edit access.';
const CONFLICT =
  'Someone else changed the routing rules while you were editing. Reload them and make your change again.';

/** `routing/get`: the rules, their version and whether the viewer may change them (2 calls). */
export async function getRoutingResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'routing/get'>> {
  return guard(async () => {
    const { spaceId } = routingGetPayloadSchema.parse(payload);
    assertSameSpace(rc, { id: spaceId });
    const client = clientFor(rc);
    const [stored, canEdit] = await Promise.all([
      readRoutingRules(client, spaceId),
      canEditSpace(client, spaceId),
    ]);
    const reason = stored.unreadable
      ? 'The stored routing rules could not be read; saving replaces them.'
      : canEdit
        ? undefined
        : NOT_EDITOR;
    return {
      rules: stored.rules,
      version: stored.version,
      canEdit,
      ...(reason ? { reason } : {}),
    };
  });
}

/** `routing/set`: replaces the rules when the viewer is a space editor and nobody saved since. */
export async function setRoutingResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'routing/set'>> {
  return guard(async () => {
    const input = routingSetPayloadSchema.parse(payload);
    assertSameSpace(rc, { id: input.spaceId });
    const user = clientFor(rc);
    // The explicit check that makes the app's write below legitimate: asked as the user.
    if (!(await canEditSpace(user, input.spaceId))) {
      throw new ResolverFailure('FORBIDDEN', NOT_EDITOR);
    }
    const writer = appClient({
      sleep: rc.deps.sleep,
      random: rc.deps.random,
      reason:
        'Space properties need the space Admin permission; space editors may set routing rules, checked as the user just before.',
    });
    try {
      return await writeRoutingRules({
        reader: user,
        writer,
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
      throw error;
    }
  });
}
