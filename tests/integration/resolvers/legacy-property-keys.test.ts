/**
 * Decision 0020: property keys moved from `cjm_` to `com_journeymaps_`. A page whose map and
 * summary exist only under the old keys still loads, saves and shows in the space index; new
 * writes use the new prefix and leave the old keys alone (ignored once the new ones exist).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import {
  LEGACY_MAP_PROPERTY_PREFIX,
  MAP_PROPERTY_PREFIX,
  encodeMap,
  mapPropertyKey,
  sanitizeLocalId,
} from '../../../src/domain/codec';
import { LEGACY_ROUTING_PROPERTY_KEY, ROUTING_PROPERTY_KEY } from '../../../src/domain/routing';
import {
  LEGACY_SUMMARY_PROPERTY_KEY,
  SUMMARY_PROPERTY_KEY,
  summarizePage,
} from '../../../src/domain/summary';
import { createFromTemplate } from '../../../src/domain/templates';
import type { World } from './harness';
import { NOW, createWorld, unwrap } from './harness';

const LOCAL_ID = 'legacy-map-1';
let world: World;
let pageId: string;

beforeEach(async () => {
  world = await createWorld();
  const store = world.emulator.store;
  pageId = store.createPage({
    spaceKey: 'CX',
    title: 'Journey saved before 0020',
    authorId: 'acc-editor',
    body: `<p>Map:</p>${buildMacroStorage({ localId: LOCAL_ID })}`,
  }).id;
  let n = 0;
  const map = createFromTemplate({
    template: 'worked-example',
    title: 'Legacy journey',
    newId: () => `lg${(n++).toString(36)}`,
    today: '2026-11-23',
  });
  const encoded = encodeMap(map, { generation: 'old1' });
  const head = mapPropertyKey(LOCAL_ID, true);
  for (const chunk of encoded.chunks) {
    store.putProperty({ pageId, key: head + chunk.suffix, value: chunk.value });
  }
  store.putProperty({ pageId, key: head, value: encoded.head });
  store.putProperty({
    pageId,
    key: LEGACY_SUMMARY_PROPERTY_KEY,
    value: summarizePage({
      maps: [{ localId: sanitizeLocalId(LOCAL_ID), map }],
      today: '2026-11-23',
      now: NOW.toISOString(),
      writeUps: [],
    }),
  });
});
afterEach(async () => {
  await world.close();
});

const keysOnPage = (): string[] =>
  world.emulator.store.propertiesOf('page', pageId).map((p) => p.key);

describe('pre-0020 property keys', () => {
  it('uses the new prefix for every key it writes', () => {
    expect(MAP_PROPERTY_PREFIX).toBe('com_journeymaps_map_');
    expect(LEGACY_MAP_PROPERTY_PREFIX).toBe('cjm_map_');
    expect(SUMMARY_PROPERTY_KEY).toBe('com_journeymaps_summary');
    expect(ROUTING_PROPERTY_KEY).toBe('com_journeymaps_routing');
  });

  it('loads a map stored only under the old keys', async () => {
    expect(keysOnPage().some((k) => k.startsWith(LEGACY_MAP_PROPERTY_PREFIX + 'legacy'))).toBe(
      true,
    );
    const loaded = unwrap(await world.call('map/load', { pageId, localId: LOCAL_ID }));
    expect(loaded.map?.title).toBe('Legacy journey');
    expect(loaded.version).toBe(0);
  });

  it('saves it under the new keys, leaving the old ones in place and ignored', async () => {
    const loaded = unwrap(await world.call('map/load', { pageId, localId: LOCAL_ID }));
    const saved = unwrap(
      await world.call('map/apply', {
        pageId,
        localId: LOCAL_ID,
        baseVersion: loaded.version,
        ops: [{ type: 'map/setTitle', title: 'Migrated journey' }],
      }),
    );
    expect(saved.version).toBe(1);
    const keys = keysOnPage();
    expect(keys).toContain(mapPropertyKey(LOCAL_ID));
    expect(keys).toContain(SUMMARY_PROPERTY_KEY);
    expect(keys).toContain(mapPropertyKey(LOCAL_ID, true));
    const written = world.restCalls().filter((c) => c.method === 'POST' || c.method === 'PUT');
    expect(written.length).toBeGreaterThan(0);
    // Nothing is written under the old prefix.
    const oldIds = new Set(
      world.emulator.store
        .propertiesOf('page', pageId)
        .filter((p) => p.key.startsWith('cjm_'))
        .map((p) => p.id),
    );
    expect(written.filter((c) => [...oldIds].some((id) => c.path.endsWith(`/${id}`)))).toEqual([]);
    const again = unwrap(await world.call('map/load', { pageId, localId: LOCAL_ID }));
    expect(again.map?.title).toBe('Migrated journey');
    expect(again.version).toBe(1);
    const summary = world.emulator.store.propertyByKey('page', pageId, SUMMARY_PROPERTY_KEY);
    expect((summary?.value as { updated: string }).updated).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
  });

  it('lists a page whose summary is only under the old key in the space index', async () => {
    const listed = unwrap(await world.call('index/list', { spaceKey: 'CX' }));
    expect(listed.entries.map((e) => e.map.title)).toContain('Legacy journey');
  });

  it('reads routing rules stored under the old key; the next save writes the new key', async () => {
    const spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
    const old = { channels: { web: 'Web team' }, stages: {}, lanes: {} };
    world.emulator.store.putProperty({ spaceId, key: LEGACY_ROUTING_PROPERTY_KEY, value: old });
    const read = unwrap(await world.call('routing/get', { spaceId }, 'acc-admin'));
    expect(read).toMatchObject({ rules: old, version: 0 });
    const next = { ...old, lanes: { backstage: 'Platform' } };
    unwrap(await world.call('routing/set', { spaceId, rules: next, baseVersion: 0 }, 'acc-admin'));
    expect(
      world.emulator.store.propertyByKey('space', spaceId, ROUTING_PROPERTY_KEY)?.value,
    ).toEqual(next);
    expect(
      world.emulator.store.propertyByKey('space', spaceId, LEGACY_ROUTING_PROPERTY_KEY)?.value,
    ).toEqual(old);
  });
});
