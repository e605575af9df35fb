/** `photos/list`: the verified session photos of the maps on a page (decision 0018). */
import { mapsOnPage } from '../confluence/summary-store';
import type { AttachmentInfo, StoredProperty } from '../confluence/wire';
import type { PhotoInfo } from './contract';
import { clientFor, contentFor } from './context';
import { photosPayloadSchema } from './payload-schemas';
import { door } from './door';

/**
 * The documented download the UI fetches the bytes from (through the bridge, as the viewer):
 * v1 `…/child/attachment/{id}/download`, never the undocumented `/wiki/download/…` servlet.
 */
function downloadPath(pageId: string, a: AttachmentInfo): string {
  return `/wiki/rest/api/content/${encodeURIComponent(pageId)}/child/attachment/${encodeURIComponent(a.id)}/download`;
}

/** Attachment ids of the photos the server verified into a map on the page (photos/register). */
function verifiedIds(properties: StoredProperty[]): Set<string> {
  return new Set(
    mapsOnPage(properties).flatMap(({ map }) => map.session.photos.map((p) => p.attachmentId)),
  );
}

/** Lists the image attachments of the page. */
export const listPhotos = door('photos/list', photosPayloadSchema, async (rc, { pageId }) => {
  const client = clientFor(rc);
  const content = await contentFor(rc, client, pageId);
  const { properties } = await client.getPageState(content);
  const verified = verifiedIds(properties);
  const attachments = await client.listAttachments(content);
  const photos: PhotoInfo[] = attachments
    .filter((a) => verified.has(a.id))
    .map((a) => ({
      attachmentId: a.id,
      fileName: a.title,
      mediaType: a.mediaType,
      fileSize: a.fileSize,
      downloadPath: downloadPath(pageId, a),
    }));
  return { photos };
});
