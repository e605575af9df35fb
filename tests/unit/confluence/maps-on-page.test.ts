/**
 * `mapsOnPage` with a map the caller already holds: that map is taken as it is (not decoded
 * again) when its head property is still the one on the page (same key, same version); any other
 * head is decoded from the properties.
 */
import { describe, expect, it } from 'vitest';
import { mapsOnPage } from '../../../src/confluence/summary-store';
import type { StoredProperty } from '../../../src/confluence/wire';
import { mapPropertyKey } from '../../../src/domain/codec';
import { createEmptyMap } from '../../../src/domain/model/factories';

/** A head whose value no decoder accepts: only the caller's copy can stand for it. */
const head: StoredProperty = { id: '7', key: mapPropertyKey('m1'), value: 'not a map', version: 3 };
const map = createEmptyMap({ title: 'Held by the caller' });

describe('mapsOnPage with the map the caller holds', () => {
  it.each([
    {
      name: 'no known map: the head is decoded (and left out as unreadable)',
      known: undefined,
      found: 0,
    },
    { name: 'same head, same version: the known map is used', known: { head, map }, found: 1 },
    {
      name: 'same head, other version (someone saved since): decoded',
      known: { head: { ...head, version: 2 }, map },
      found: 0,
    },
    {
      name: 'another map’s head: decoded',
      known: { head: { ...head, key: mapPropertyKey('m2') }, map },
      found: 0,
    },
    { name: 'known without a map: decoded', known: { head, map: null }, found: 0 },
  ])('$name', ({ known, found }) => {
    const maps = mapsOnPage([head], known);
    expect(maps).toHaveLength(found);
    if (found) expect(maps[0]).toEqual({ localId: 'm1', map });
  });
});
