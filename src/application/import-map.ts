/**
 * Import: replace a macro's map with one the person imported (already checked by `restore()`
 * at the door). The caller must be able to edit the page and must have imported on top of the
 * latest version; page-bound references (write-up, linked map, photos, the vote) are kept from
 * the map it replaces; the save → conflict → summary path is `replaceMap`'s, as for a new map.
 * The answer carries the replaced map so the UI can offer "Undo import" (an import of it).
 */
import type { ConfluenceClient } from '../confluence/client';
import { contentOf } from '../confluence/content-ref';
import type { MapLocation, StoredMap } from '../confluence/map-store';
import { CorruptMapError, readMapFromProperties } from '../confluence/map-store';
import { mapPropertyKey, readBatchLog } from '../domain/codec';
import { adoptPageRefs } from '../domain/exchange/adopt-page-refs';
import type { JourneyMap } from '../domain/model/schema';
import type { RepairNote } from '../domain/model/restore';
import type { UseCaseDeps } from './deps';
import { UseCaseFailure } from './failure';
import { replaceMap } from './replace-map';
import { msg } from '../domain/i18n/message';

const NOT_EDITOR = msg('errors.import.notEditor');

const STALE_BASE = msg('errors.import.changedMeanwhile');

/** The refusal when a concurrent save wins the race (nothing of the import was written). */
const SAVED_MEANWHILE = msg('errors.import.savedMeanwhile');

/** What an import answers (`map/import`'s data). */
export type ImportedMap = {
  map: JourneyMap;
  version: number;
  previous: JourneyMap | null;
  previousVersion: number;
  repairs: RepairNote[];
};

/** Reads the current map; a stored map that cannot be read may still be replaced by an import. */
function replaceableMap(properties: StoredMap['properties'], localId: string): StoredMap {
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

/** Replaces the map at `at` with `imported` on top of `baseVersion` (see file comment). */
export async function importMap(args: {
  client: ConfluenceClient;
  at: MapLocation;
  /** The imported map as `restore()` read it, with what it repaired. */
  imported: { map: JourneyMap; repairs: RepairNote[] };
  baseVersion: number;
  deps: Pick<UseCaseDeps, 'now' | 'newId'>;
}): Promise<ImportedMap> {
  const { client, at, deps } = args;
  const state = await client.getPageState(contentOf(at));
  if (!state.canEdit) throw new UseCaseFailure('FORBIDDEN', NOT_EDITOR);
  const previous = replaceableMap(state.properties, at.localId);
  if (previous.version !== args.baseVersion) throw new UseCaseFailure('CONFLICT', STALE_BASE);
  const adopted = adoptPageRefs(args.imported.map, previous.map);
  const map = { ...adopted.map, updatedAt: deps.now().toISOString() };
  const onConflict = new UseCaseFailure('CONFLICT', SAVED_MEANWHILE);
  const saved = await replaceMap({ client, at, previous, map, deps, onConflict });
  return {
    map,
    version: saved.version,
    previous: previous.map,
    previousVersion: previous.version,
    repairs: [
      ...args.imported.repairs,
      ...adopted.notes.map((n) => ({ path: n.path ?? '', message: n.message, said: n.said })),
    ],
  };
}
