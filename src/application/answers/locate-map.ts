/**
 * Finds one map for an answer: the content by id as the asking person (a page or blog post they
 * can see), then the map on it: the one named, or the only one. Reads only.
 */
import type { ConfluenceClient } from '../../confluence/client';
import type { ContentRef } from '../../confluence/content-ref';
import { contentPath, mapsOnPage } from '../../confluence/summary-store';
import type { StoredProperty } from '../../confluence/wire';
import { sanitizeLocalId } from '../../domain/codec';
import type { JourneyMap } from '../../domain/model/schema';
import { UseCaseFailure } from '../failure';
import { clip } from './clip';
import { msg } from '../../domain/i18n/message';

/** A map found for an answer, with where it is. */
export type LocatedMap = {
  content: ContentRef;
  pageTitle: string;
  spaceId: string;
  /** Site-relative path of the page, anchored at the map. */
  path: string;
  mapId: string;
  map: JourneyMap;
  properties: StoredProperty[];
};

/** The map `mapId` (or the only map) on content `pageId`, as the client's user reads it. */
export async function locateMap(args: {
  client: ConfluenceClient;
  pageId: string;
  mapId?: string;
}): Promise<LocatedMap> {
  const found = await args.client.findContent(args.pageId);
  const properties = await args.client.listProperties(found.content);
  const maps = mapsOnPage(properties);
  const wanted = args.mapId === undefined ? undefined : sanitizeLocalId(args.mapId);
  const pick =
    wanted !== undefined
      ? maps.find((m) => m.localId === wanted)
      : maps.length === 1
        ? maps[0]
        : undefined;
  if (!pick) {
    if (maps.length === 0) {
      throw new UseCaseFailure('NOT_FOUND', msg('errors.rovo.noMap'), 'pageId');
    }
    const list = maps.map((m) => `"${clip(m.map.title, 80)}" (mapId ${m.localId})`).join(', ');
    throw new UseCaseFailure(
      wanted === undefined ? 'INVALID_INPUT' : 'NOT_FOUND',
      wanted === undefined
        ? msg('errors.rovo.severalMaps', { list })
        : msg('errors.rovo.noSuchMap', { list }),
      'mapId',
    );
  }
  const page = contentPath(found.page._links?.webui ?? '', found.page.id);
  return {
    content: found.content,
    pageTitle: found.page.title,
    spaceId: found.page.spaceId,
    path: `${page}#${encodeURIComponent(pick.localId)}`,
    mapId: pick.localId,
    map: pick.map,
    properties,
  };
}
