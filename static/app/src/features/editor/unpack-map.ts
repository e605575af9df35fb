/**
 * Unpacks a map `map/load` answered packed (too big for the app to save; it opens read-only).
 * Loaded on demand, so the inflate code stays out of the macro's first bundle.
 */
import { unpackMap } from '../../../../../src/domain/codec/packed-map';
import { restore } from '../../../../../src/domain/model/restore';
import type { JourneyMap } from '../../../../../src/domain/model/schema';

/** The packed map, checked like any stored map; null when it cannot be read. */
export function unpackLoadedMap(packed: string): JourneyMap | null {
  const restored = restore(unpackMap(packed));
  return restored.ok ? restored.map : null;
}
