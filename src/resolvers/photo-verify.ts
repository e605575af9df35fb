/**
 * The server-side check every photo passes before a map lists it: the attachment is on the map's
 * page and its bytes, downloaded AS THE USER through the documented endpoint, are a JPEG, PNG,
 * WebP or GIF within the size limit whose declared type matches (decision 0018). Used by
 * `photos/register` (a new photo) and by `map/apply` for a client's `session/restorePhoto` (an
 * undo names an attachment id; the bytes behind it are checked again, not trusted).
 */
import type { ConfluenceClient } from '../confluence/client';
import type { AttachmentInfo } from '../confluence/wire';
import type { Op } from '../domain/operations/op-types';
import { MAX_PHOTO_BYTES, checkPhoto } from '../domain/session/photo-check';
import { ResolverFailure } from './result';
import { msg } from '../domain/i18n/message';
import type { Message } from '../domain/i18n/message';

/** The verdict on one attachment: the attachment when it is a photo, else why not. */
export type AttachmentVerdict =
  | { ok: true; attachment: AttachmentInfo }
  | { ok: false; code: 'NOT_FOUND' | 'TOO_LARGE' | 'INVALID_INPUT'; reason: Message };

/** Checks that `attachmentId` is a photo attached to `pageId` (see the file comment). */
export async function verifyPhotoAttachment(args: {
  client: ConfluenceClient;
  pageId: string;
  attachmentId: string;
}): Promise<AttachmentVerdict> {
  const { client } = args;
  const att = await client.getAttachment(args.attachmentId);
  if (!att || (att.pageId !== undefined && att.pageId !== args.pageId)) {
    return {
      ok: false,
      code: 'NOT_FOUND',
      reason: msg('errors.photo.notAttached'),
    };
  }
  const common = { fileName: att.title, declaredType: att.mediaType, size: att.fileSize };
  if (att.fileSize > MAX_PHOTO_BYTES) {
    const verdict = checkPhoto({ ...common, bytes: new Uint8Array() });
    if (!verdict.ok) return verdict;
  }
  const bytes = await client.downloadAttachment({
    pageId: args.pageId,
    attachmentId: att.id,
    maxBytes: MAX_PHOTO_BYTES,
  });
  const verdict = checkPhoto({ ...common, bytes });
  return verdict.ok ? { ok: true, attachment: att } : verdict;
}

/** Restores one batch may carry (each costs a download; an undo restores one photo). */
export const MAX_RESTORES_PER_BATCH = 10;

/**
 * A client's batch with every `session/restorePhoto` checked like a new photo: each must name a
 * photo attached to this page (its file name taken from Confluence, not the client), or the
 * whole batch is refused with INVALID_INPUT before anything is written.
 */
export async function checkRestoredPhotos(args: {
  client: ConfluenceClient;
  pageId: string;
  ops: readonly Op[];
}): Promise<Op[]> {
  const restores = args.ops.filter((op) => op?.type === 'session/restorePhoto').length;
  if (restores > MAX_RESTORES_PER_BATCH) {
    throw new ResolverFailure(
      'INVALID_INPUT',
      msg('errors.photo.tooManyRestores', { max: MAX_RESTORES_PER_BATCH }),
      'ops',
    );
  }
  const out: Op[] = [];
  for (const [i, op] of args.ops.entries()) {
    if (op?.type !== 'session/restorePhoto') {
      out.push(op);
      continue;
    }
    const attachmentId: unknown = op.photo?.attachmentId;
    const verdict =
      typeof attachmentId === 'string' && /^(att)?\d{1,30}$/.test(attachmentId)
        ? await verifyPhotoAttachment({ client: args.client, pageId: args.pageId, attachmentId })
        : null;
    if (!verdict?.ok) {
      throw new ResolverFailure(
        'INVALID_INPUT',
        msg('errors.photo.cannotRestore', {
          reason: verdict?.reason ?? msg('errors.photo.noAttachment'),
        }),
        `ops.${i}`,
      );
    }
    out.push({ ...op, photo: { ...op.photo, fileName: verdict.attachment.title } });
  }
  return out;
}
