/**
 * The macro's `adfExport` function: Confluence calls it when a page is exported (PDF, Word) and
 * renders the ADF it returns in place of the macro's iframe. It reads the map (one REST call),
 * as the exporting user when the platform names one.
 */
import { z } from 'zod';
import type { ConfluenceClient } from '../confluence/client';
import { appClient, userClient } from '../confluence/client';
import { ConfluenceError } from '../confluence/errors';
import { CorruptMapError, readMap } from '../confluence/map-store';
import type { MapLocation } from '../confluence/map-store';
import type { AdfDoc } from './nodes';
import { messageAdf, renderMapAdf } from './render-map';
import { validateAdf } from './validate';

export { renderMapAdf, messageAdf } from './render-map';
export { validateAdf } from './validate';
export type { AdfDoc } from './nodes';

// Lenient: the export payload differs between export types; read ids wherever Forge puts them.
const idText = z.union([z.string(), z.number()]).transform(String);
const exportEventSchema = z.looseObject({
  exportType: z.string().optional(),
  localId: z.string().optional(),
  extensionPayload: z
    .looseObject({
      exportType: z.string().optional(),
      localId: z.string().optional(),
      content: z.looseObject({ id: idText.optional() }).optional(),
    })
    .optional(),
  context: z
    .looseObject({
      localId: z.string().optional(),
      contentId: idText.optional(),
      extension: z
        .looseObject({
          content: z.looseObject({ id: idText.optional(), type: z.string().optional() }).optional(),
        })
        .optional(),
      content: z.looseObject({ id: idText.optional(), type: z.string().optional() }).optional(),
    })
    .optional(),
});

/** The page and macro instance an export event is about, if it names them. */
export function exportTarget(event: unknown): MapLocation | null {
  const parsed = exportEventSchema.safeParse(event);
  if (!parsed.success) return null;
  const e = parsed.data;
  const pageId =
    e.context?.extension?.content?.id ??
    e.context?.content?.id ??
    e.context?.contentId ??
    e.extensionPayload?.content?.id;
  const localId = e.context?.localId ?? e.extensionPayload?.localId ?? e.localId;
  if (!pageId || !/^\d{1,20}$/.test(pageId) || !localId) return null;
  // A macro on a blog post is exported from the blog post (decision 0015); pages otherwise.
  const type = e.context?.extension?.content?.type ?? e.context?.content?.type;
  return { pageId, contentType: type === 'blogpost' ? 'blogpost' : 'page', localId };
}

/** The export function the manifest names (`adf-export` → `adfExport`). */
export async function adfExport(
  event: unknown,
  runtime?: { principal?: { accountId?: string } },
): Promise<AdfDoc> {
  const target = exportTarget(event);
  if (!target) return messageAdf('The journey map could not be identified for this export.');
  const accountId = runtime?.principal?.accountId;
  // The target comes from the platform's invocation, not from client input; with no user to
  // act as (e.g. a scheduled export), the app reads the map it stored itself.
  const client: ConfluenceClient = accountId
    ? userClient()
    : appClient({
        reason: 'page export without a user principal; page id from the platform context',
      });
  try {
    const stored = await readMap(client, target);
    if (!stored.map) return messageAdf('No journey map has been created in this macro yet.');
    const doc = renderMapAdf(stored.map);
    const problems = validateAdf(doc);
    if (problems.length > 0) {
      console.error('journey-maps: invalid export ADF', problems.slice(0, 5));
      return messageAdf('The journey map could not be exported. Open the page to see it.');
    }
    return doc;
  } catch (error) {
    if (error instanceof CorruptMapError || error instanceof ConfluenceError) {
      return messageAdf(`The journey map could not be exported: ${error.message}`);
    }
    console.error('journey-maps: export failed', error);
    return messageAdf('The journey map could not be exported. Open the page to see it.');
  }
}
