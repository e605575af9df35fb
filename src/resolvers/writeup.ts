/**
 * `writeup/generate`: parses the payload, resolves the map location against the context and
 * calls the use case `generateWriteUp` (src/application/generate-write-up.ts: the REST calls,
 * their budget and the races are described there).
 */
import { z } from 'zod';
import { generateWriteUp } from '../application/generate-write-up';
import { jiraUserClient } from '../jira/client';
import { mapAddressSchema, pageIdSchema } from './payload-schemas';
import { mapDoor } from './door';
import { translatorFor } from './i18n';

/** `writeup/generate` payload: the map, optionally the space (checked) and preview mode. */
export const writeUpPayloadSchema = mapAddressSchema.extend({
  spaceId: pageIdSchema.optional(),
  preview: z.boolean().optional(),
  mapVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** `writeup/generate`: preview (storage only) or generate (page + chart + reference). */
export const generateWriteUpResolver = mapDoor(
  'writeup/generate',
  writeUpPayloadSchema,
  async ({ rc, input, client, at }) =>
    generateWriteUp({
      client,
      at,
      accountId: rc.accountId,
      spaceId: input.spaceId,
      preview: input.preview === true,
      deps: rc.deps,
      // The person's locale (Forge gives resolvers none) came with the payload: the page is in it.
      t: await translatorFor(rc.locale),
      jira: jiraUserClient({ sleep: rc.deps.sleep }),
    }),
);
