/**
 * `map/import`: replaces a macro's map with one the person imported (JSON, CSV or a sheet, turned
 * into a map in the browser). Never trusts the client: the map goes through `restore()` here, at
 * the door, before anything is read; the use case `importMap` (src/application/import-map.ts)
 * checks the caller may edit, keeps the page-bound references and saves.
 */
import { z } from 'zod';
import { importMap } from '../application/import-map';
import { jsonByteLength } from '../domain/codec';
import { IMPORT_MAX_BYTES } from '../domain/exchange/import-limits';
import type { JourneyMap } from '../domain/model/schema';
import type { RepairNote } from '../domain/model/restore';
import { restore } from '../domain/model/restore';
import { clientFor, mapLocationFor } from './context';
import { mapAddressSchema } from './payload-schemas';
import { ResolverFailure } from './result';
import { door } from './door';
import { msg } from '../domain/i18n/message';

/** `map/import`: the map is checked by `restore()`, not by zod (it reports what it repaired). */
export const importPayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  map: z.unknown(),
});

/** The imported map read by `restore()`; too large or unreadable is refused, naming the field. */
function restoredImport(sent: unknown): { map: JourneyMap; repairs: RepairNote[] } {
  const bytes = jsonByteLength(sent ?? null);
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
  const restored = restore(sent);
  if (!restored.ok) {
    throw new ResolverFailure(
      'INVALID_INPUT',
      msg('errors.import.invalid', { detail: restored.error.said }),
      restored.error.path ? `map.${restored.error.path}` : 'map',
    );
  }
  return restored;
}

/** `map/import`: the map checked first, then the address, then the use case. */
export const importMapResolver = door('map/import', importPayloadSchema, async (rc, input) => {
  const imported = restoredImport(input.map);
  const client = clientFor(rc);
  const at = await mapLocationFor({ rc, client, address: input });
  return importMap({ client, at, imported, baseVersion: input.baseVersion, deps: rc.deps });
});
