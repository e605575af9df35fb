/**
 * `page/maps`: the journey maps of the page a page-level module (byline panel, ••• page action)
 * or the macro is on, from the page summary: one REST call. The page comes from the context
 * (`contentFor`); the payload only repeats it (decision 0032). Maps whose macro is no longer in the body are left out, as in the index.
 */
import { z } from 'zod';
import { macroLocalIds } from '../confluence/macro-presence';
import { readPageSummary } from '../confluence/summary-store';
import { bylineLabel } from '../domain/summary';
import { clientFor, contentFor } from './context';
import { pageIdSchema } from './payload-schemas';
import { translatorFor } from './i18n';
import { door } from './door';

/** `page/maps` payload: the page the module is on. */
export const pageMapsPayloadSchema = z.object({ pageId: pageIdSchema });

/** `page/maps`: the page's title and path, its maps' summary entries and the byline label. */
export const pageMapsResolver = door('page/maps', pageMapsPayloadSchema, async (rc, input) => {
  const client = clientFor(rc);
  const content = await contentFor(rc, client, input.pageId);
  const read = await readPageSummary(client, content, { body: true });
  const today = rc.deps.now().toISOString().slice(0, 10);
  // The byline label is in the person's locale, which came with the payload (decision 0047).
  const locale = rc.locale;
  // A map whose macro was deleted from the page keeps its properties: not offered (as the index).
  const macros = macroLocalIds(read.storage ?? '');
  const maps = (read.summary?.maps ?? []).flatMap((map) => {
    const macroId = macros.get(map.localId);
    return macroId === undefined ? [] : [{ ...map, macroId }];
  });
  return {
    pageId: content.id,
    pageTitle: read.title,
    pageUrl: read.path,
    maps,
    hiddenMaps: read.summary ? read.summary.mapCount - read.summary.maps.length : 0,
    byline: bylineLabel({ summary: read.summary, today, t: await translatorFor(locale), locale }),
  };
});
