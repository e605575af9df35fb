/**
 * The save → conflict → summary block that `map/create` and `map/import` share: the whole map
 * is written on top of `previous` (`changed: ['*']`), a concurrent save becomes the caller's own
 * refusal, and the page summary is brought up to date.
 */
import type { ConfluenceClient } from '../confluence/client';
import { contentOf } from '../confluence/content-ref';
import { ConflictError } from '../confluence/errors';
import type { MapLocation, StoredMap } from '../confluence/map-store';
import { saveMap } from '../confluence/map-store';
import { withSyncedSummary } from '../confluence/summary-store';
import type { JourneyMap } from '../domain/model/schema';
import type { UseCaseDeps } from './deps';
import type { UseCaseFailure } from './failure';

/** Writes `map` as the whole new map and syncs the summary; a conflict throws `onConflict`. */
export async function replaceMap(args: {
  client: ConfluenceClient;
  at: MapLocation;
  previous: StoredMap;
  map: JourneyMap;
  deps: Pick<UseCaseDeps, 'now' | 'newId'>;
  /** The refusal when someone else saved first (nothing of ours was written). */
  onConflict: UseCaseFailure;
}): Promise<StoredMap> {
  const { client, at, deps } = args;
  let saved: StoredMap;
  try {
    saved = await saveMap({
      client,
      at,
      previous: args.previous,
      map: args.map,
      changed: ['*'],
      generation: deps.newId(),
    });
  } catch (error) {
    if (error instanceof ConflictError) throw args.onConflict;
    throw error;
  }
  await withSyncedSummary({ client, content: contentOf(at), saved, deps });
  return saved;
}
