/**
 * A map must always fit in one resolver answer (Forge: ≤ 5 MB), issue 13 item 4: a save that
 * would pass MAP_JSON_MAX_BYTES is refused with TOO_LARGE before anything is written, and a map
 * that is already too big (written by an older version or over REST) opens read-only, packed.
 */
import { describe, expect, it } from 'vitest';
import {
  MAP_JSON_MAX_BYTES,
  encodeMap,
  jsonByteLength,
  mapPropertyKey,
  unpackMap,
} from '../../../src/domain/codec';
import { restore } from '../../../src/domain/model/restore';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { Op } from '../../../src/domain/operations/op-types';
import { INVOKE_RESPONSE_MAX_BYTES } from '../../../dev/host/rpc';
import { generateMap } from '../../support/generate-map';
import type { World } from './harness';
import { unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = 'd9a8b7c6-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = (): { pageId: string; localId: string } => ({ pageId: world.pageId, localId: LOCAL_ID });

/** Card text of ~2,000 characters that deflates well, as real notes do. */
function longText(n: number): string {
  return `${n}: ${'The pricing page hides the real cost until checkout. '.repeat(40)}`.slice(
    0,
    1990,
  );
}

/** A generated map whose cards carry long text, grown until its JSON passes `bytes`. */
function mapOfAtLeast(bytes: number): JourneyMap {
  const map = generateMap({ cards: 1_000, seed: 20261123 });
  map.cards = map.cards.map((c, i) => ({ ...c, text: longText(i) }));
  const template = map.cards[0];
  if (!template) throw new Error('no cards');
  for (let i = map.cards.length; jsonByteLength(map) <= bytes; i++) {
    const batch = Array.from({ length: 100 }, (_, k) => ({
      ...template,
      id: `big${i}x${k}`,
      text: longText(i * 100 + k),
    }));
    map.cards = [...map.cards, ...batch];
  }
  return map;
}

/** Stores a map the way an older version (or a REST client) would have: no size check. */
function storeDirectly(map: JourneyMap): void {
  const encoded = encodeMap(map, { generation: 'old1' });
  const key = mapPropertyKey(LOCAL_ID);
  for (const chunk of encoded.chunks) {
    world.emulator.store.putProperty({
      pageId: world.pageId,
      key: key + chunk.suffix,
      value: chunk.value,
      authorId: 'acc-editor',
    });
  }
  world.emulator.store.putProperty({
    pageId: world.pageId,
    key,
    value: encoded.head,
    authorId: 'acc-editor',
  });
}

/** Everything stored on the page (keys, versions and values). */
function stored(): string {
  return JSON.stringify(
    world.emulator.store
      .propertiesOf('page', world.pageId)
      .map((p) => [p.key, p.version.number, p.value]),
  );
}

describe('the map size limit', () => {
  it('refuses a save that would pass the limit with TOO_LARGE, writing nothing', async () => {
    const map = mapOfAtLeast(MAP_JSON_MAX_BYTES - 300_000);
    expect(jsonByteLength(map)).toBeLessThan(MAP_JSON_MAX_BYTES);
    storeDirectly(map);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.cards).toHaveLength(map.cards.length);
    expect(loaded.capabilities.canEdit).toBe(true);

    const laneId = map.cards[0]?.laneId ?? '';
    const stepId = map.cards[0]?.stepId ?? '';
    const ops: Op[] = Array.from({ length: 200 }, (_, i) => ({
      type: 'card/add',
      id: `more${i}`,
      laneId,
      stepId,
      kind: map.cards[0]?.kind ?? 'action',
      text: longText(900_000 + i),
    }));
    const before = stored();
    world.resetLog();
    const result = await world.call('map/apply', { ...at(), baseVersion: loaded.version, ops });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TOO_LARGE');
      expect(result.error.message).toMatch(
        /too big to save \([\d,]+ cards, [\d.]+ MB; the limit is 4\.00 MB\)/,
      );
      expect(result.error.message).toMatch(/Split it into two maps by stage/);
      expect(result.error.message).toMatch(/Export/);
    }
    expect(world.restCalls().filter((c) => c.method !== 'GET')).toEqual([]);
    expect(stored()).toBe(before);
  });

  it('opens a map that is already too big read-only, packed within one answer', async () => {
    const map = mapOfAtLeast(MAP_JSON_MAX_BYTES + 200_000);
    storeDirectly(map);
    const result = await world.call('map/load', at());
    const loaded = unwrap(result);
    // Forge's front-end answer limit, in UTF-8 bytes as the host counts it (decision 0053).
    expect(jsonByteLength(result)).toBeLessThanOrEqual(INVOKE_RESPONSE_MAX_BYTES);
    expect(loaded.map).toBeNull();
    expect(loaded.capabilities.canEdit).toBe(false);
    expect(loaded.capabilities.reason).toMatch(/larger than the app can save/);
    expect(loaded.capabilities.reason).toMatch(/Export/);
    const unpacked = restore(unpackMap(loaded.packed ?? ''));
    expect(unpacked.ok).toBe(true);
    if (unpacked.ok) expect(unpacked.map.cards).toHaveLength(map.cards.length);

    // And an edit of it is refused before anything is written.
    const before = stored();
    const edit = await world.call('map/apply', {
      ...at(),
      baseVersion: loaded.version,
      ops: [{ type: 'map/setTitle', title: 'Renamed' }],
    });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.code).toBe('TOO_LARGE');
    expect(stored()).toBe(before);
  });
});
