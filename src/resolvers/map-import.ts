/**
 * `map/import`: replaces a macro's map with one the person imported (JSON, CSV or a sheet, turned
 * into a map in the browser). Never trusts the client: the map goes through `restore()` here,
 * page-bound references (write-up, linked map, photos) are kept from the map it replaces, the
 * caller must be able to edit the page, and a save on top of a newer version is a CONFLICT. The
 * answer carries the replaced map so the UI can offer "Undo import" (an import of it).
 */
import { z } from 'zod';
import { UseCaseFailure } from '../application/failure';
import { replaceMap } from '../application/replace-map';
import type { StoredMap } from '../confluence/map-store';
import { CorruptMapError, readMapFromProperties } from '../confluence/map-store';
import { jsonByteLength, mapPropertyKey, readBatchLog } from '../domain/codec';
import { adoptPageRefs } from '../domain/exchange/adopt-page-refs';
import { IMPORT_MAX_BYTES } from '../domain/exchange/import-limits';
import { restore } from '../domain/model/restore';
import { clientFor, mapLocationFor } from './context';
import { contentOf } from '../confluence/content-ref';
import { mapAddressSchema } from './payload-schemas';
import { ResolverFailure } from './result';
import { door } from './door';
import { msg } from '../domain/i18n/message';

/** `map/import`: the map is checked by `restore()`, not by zod (it reports what it repaired). */
export const importPayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  map: z.unknown(),
});

const NOT_EDITOR = msg('errors.import.notEditor');

/** Reads the current map; a stored map that cannot be read may still be replaced by an import. */
function currentOf(properties: StoredMap['properties'], localId: string): StoredMap {
  try {
    return readMapFromProperties(properties, localId);
  } catch (error) {
    if (!(error instanceof CorruptMapError)) throw error;
    const head = properties.find((p) => p.key === mapPropertyKey(localId)) ?? null;
    return {
      map: null,
      version: head?.version ?? 0,
      head,
      repairs: [],
      properties,
      history: [],
      batches: readBatchLog(head?.value),
    };
  }
}

/** `map/import`. */
export const importMapResolver = door('map/import', importPayloadSchema, async (rc, input) => {
  const bytes = jsonByteLength(input.map ?? null);
  if (bytes > IMPORT_MAX_BYTES) {
    throw new ResolverFailure(
      'TOO_LARGE',
      msg('errors.import.tooLarge', {
        size: Math.ceil(bytes / 1000),
        limit: IMPORT_MAX_BYTES / 1000,
      }),
      'map',
    );
  }
  const restored = restore(input.map);
  if (!restored.ok) {
    throw new ResolverFailure(
      'INVALID_INPUT',
      msg('errors.import.invalid', { detail: restored.error.message }),
      restored.error.path ? `map.${restored.error.path}` : 'map',
    );
  }
  const client = clientFor(rc);
  const at = await mapLocationFor({ rc, client, address: input });
  const state = await client.getPageState(contentOf(at));
  if (!state.canEdit) throw new ResolverFailure('FORBIDDEN', NOT_EDITOR);
  const previous = currentOf(state.properties, at.localId);
  if (previous.version !== input.baseVersion) {
    throw new ResolverFailure('CONFLICT', msg('errors.import.changedMeanwhile'));
  }
  const adopted = adoptPageRefs(restored.map, previous.map);
  const map = { ...adopted.map, updatedAt: rc.deps.now().toISOString() };
  const saved = await replaceMap({
    client,
    at,
    previous,
    map,
    deps: rc.deps,
    onConflict: new UseCaseFailure('CONFLICT', msg('errors.import.savedMeanwhile')),
  });
  return {
    map,
    version: saved.version,
    previous: previous.map,
    previousVersion: previous.version,
    repairs: [
      ...restored.repairs,
      ...adopted.notes.map((n) => ({ path: n.path ?? '', message: n.message })),
    ],
  };
});
