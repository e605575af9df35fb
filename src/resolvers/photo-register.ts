/**
 * `photos/register`: the second half of adding a session photo. The browser uploads the file to
 * the page (as the user, through the bridge); then this resolver downloads it AS THE USER through
 * the documented download endpoint, checks size, magic bytes and declared type
 * (`domain/session/photo-check.ts`) and only then adds it to the map, a server-side op a client
 * cannot send itself. A refused file is deleted from the page and never listed (decision 0018).
 */
import { z } from 'zod';
import type { ConfluenceClient } from '../confluence/client';
import type { ResolverError } from './contract';
import { clientFor } from './context';
import { applyServerOps } from './map';
import { verifyPhotoAttachment } from './photo-verify';
import { mapAddressSchema } from './payload-schemas';
import { ResolverFailure } from './result';
import { door } from './door';
import { msg } from '../domain/i18n/message';
import type { Message } from '../domain/i18n/message';

/** `photos/register` payload: the map, the version the client saw and the uploaded attachment. */
export const photoRegisterPayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  attachmentId: z.string().regex(/^(att)?\d{1,30}$/, 'must be a Confluence attachment id'),
  caption: z.string().max(2000).optional(),
  stepId: z.string().max(200).nullable().optional(),
});

async function refuse(args: {
  client: ConfluenceClient;
  attachmentId: string;
  code: 'TOO_LARGE' | 'INVALID_INPUT';
  reason: Message;
}): Promise<never> {
  // Best effort: the file must not stay on the page looking like a photo.
  const removed = await args.client.deleteAttachment(args.attachmentId).then(
    () => true,
    () => false,
  );
  throw new ResolverFailure(
    args.code,
    removed
      ? msg('errors.photo.refusedRemoved', { reason: args.reason })
      : msg('errors.photo.refused', { reason: args.reason }),
  );
}

/** What an envelope's error said, as a message to throw on (keyless: the unexpected one). */
function saidOf(error: ResolverError): Message {
  return error.key ? { key: error.key, params: error.params } : msg('errors.server.unexpected');
}

/** `photos/register`: see the file comment. */
export const registerPhotoResolver = door(
  'photos/register',
  photoRegisterPayloadSchema,
  async (rc, input) => {
    const client = clientFor(rc);
    const verdict = await verifyPhotoAttachment({
      client,
      pageId: input.pageId,
      attachmentId: input.attachmentId,
    });
    if (!verdict.ok) {
      if (verdict.code === 'NOT_FOUND') {
        throw new ResolverFailure(
          'NOT_FOUND',
          msg('errors.photo.uploadAgain', { reason: verdict.reason }),
          'attachmentId',
        );
      }
      return refuse({
        client,
        attachmentId: input.attachmentId,
        code: verdict.code,
        reason: verdict.reason,
      });
    }
    const att = verdict.attachment;
    return applyServerOps(rc, {
      pageId: input.pageId,
      localId: input.localId,
      baseVersion: input.baseVersion,
      // One batch per attachment: registering the same upload again (a lost answer) adds it once.
      batchId: `photo-register-${att.id}`.slice(0, 64),
      ops: [
        {
          type: 'session/addPhoto',
          photo: {
            attachmentId: att.id,
            fileName: att.title,
            caption: input.caption ?? '',
            stepId: input.stepId ?? null,
          },
        },
      ],
    }).then((result) => {
      if (!result.ok) throw new ResolverFailure(result.error.code, saidOf(result.error));
      return result.data;
    });
  },
);
