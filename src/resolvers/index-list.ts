/**
 * `index/list`: the journey maps of a space for the space index, as the viewer sees them.
 * One invocation lists up to 1,000 pages of maps in ≤ 9 REST calls (5 searches, 4 body reads);
 * larger spaces continue with the returned cursor.
 */
import { z } from 'zod';
import { InvalidRequestError } from '../confluence/errors';
import { SPACE_KEY_PATTERN, listSpaceMaps } from '../confluence/space-index';
import { assertSameSpace, clientFor } from './context';
import { ResolverFailure } from './result';
import { door } from './door';
import { msg } from '../domain/i18n/message';

/**
 * Confluence's search cursors are opaque tokens in the base64 / URL-safe alphabet; anything else
 * (spaces, `%`, `&`, path characters) was not handed out by the index and is refused before it
 * reaches CQL search.
 */
export const INDEX_CURSOR_PATTERN = /^[A-Za-z0-9+/=_.~-]{1,2000}$/;

const STALE_CURSOR = msg('errors.server.staleCursor');

/** `index/list` payload. */
export const indexListPayloadSchema = z.object({
  spaceKey: z.string().regex(SPACE_KEY_PATTERN, 'must be a Confluence space key'),
  cursor: z.string().regex(INDEX_CURSOR_PATTERN, 'is not an index cursor').optional(),
});

/** Lists the space's maps (see src/confluence/space-index.ts for how and at what cost). */
export const listIndexResolver = door('index/list', indexListPayloadSchema, async (rc, input) => {
  assertSameSpace(rc, { key: input.spaceKey });
  const page = await listSpaceMaps({
    client: clientFor(rc),
    spaceKey: input.spaceKey,
    ...(input.cursor ? { cursor: input.cursor } : {}),
  }).catch((error: unknown) => {
    // The CQL is ours and fixed: a 400 on a continued search means Confluence refused the cursor.
    if (input.cursor && error instanceof InvalidRequestError && error.status === 400) {
      throw new ResolverFailure('INVALID_INPUT', STALE_CURSOR, 'cursor');
    }
    throw error;
  });
  return {
    entries: page.entries,
    ...(page.cursor ? { cursor: page.cursor } : {}),
    hiddenMaps: page.hiddenMaps,
  };
});
