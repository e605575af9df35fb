/**
 * `index/list`: the journey maps of a space for the space index, as the viewer sees them.
 * One invocation lists up to 1,000 pages of maps in ≤ 9 REST calls (5 searches, 4 body reads);
 * larger spaces continue with the returned cursor.
 */
import { z } from 'zod';
import { SPACE_KEY_PATTERN, listSpaceMaps } from '../confluence/space-index';
import type { ResultOf } from './contract';
import type { ResolverContext } from './context';
import { assertSameSpace, clientFor } from './context';
import { guard } from './result';

/** `index/list` payload. */
export const indexListPayloadSchema = z.object({
  spaceKey: z.string().regex(SPACE_KEY_PATTERN, 'must be a Confluence space key'),
  cursor: z.string().min(1).max(2_000).optional(),
});

/** Lists the space's maps (see src/confluence/space-index.ts for how and at what cost). */
export async function listIndexResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'index/list'>> {
  return guard(async () => {
    const input = indexListPayloadSchema.parse(payload);
    assertSameSpace(rc, { key: input.spaceKey });
    const page = await listSpaceMaps({
      client: clientFor(rc),
      spaceKey: input.spaceKey,
      ...(input.cursor ? { cursor: input.cursor } : {}),
    });
    return {
      entries: page.entries,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      hiddenMaps: page.hiddenMaps,
    };
  });
}
