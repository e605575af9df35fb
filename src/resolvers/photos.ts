/** `photos/list`: the image attachments of a page (the session's wall photos). */
import type { AttachmentInfo } from '../confluence/wire';
import type { PhotoInfo, ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, contentFor } from './context';
import { photosPayloadSchema } from './payload-schemas';
import { guard } from './result';

/** The path the UI fetches the bytes from (through the bridge, as the viewer). */
function downloadPath(a: AttachmentInfo): string {
  const link = a.downloadLink ?? a._links?.download ?? `/download/attachments/${a.id}`;
  return link.startsWith('/wiki/') ? link : `/wiki${link.startsWith('/') ? '' : '/'}${link}`;
}

/** Lists the image attachments of the page. */
export async function listPhotos(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'photos/list'>> {
  return guard(async () => {
    const { pageId } = photosPayloadSchema.parse(payload);
    const client = clientFor(rc);
    const attachments = await client.listAttachments(await contentFor(rc, client, pageId));
    const photos: PhotoInfo[] = attachments
      .filter((a) => a.mediaType.toLowerCase().startsWith('image/'))
      .map((a) => ({
        attachmentId: a.id,
        fileName: a.title,
        mediaType: a.mediaType,
        fileSize: a.fileSize,
        downloadPath: downloadPath(a),
      }));
    return { photos };
  });
}
