/**
 * The map store over the real @forge/api and the emulator: chunked maps (5,000 cards) save and
 * load exactly, a save interrupted at any step leaves the previous map readable, and leftover
 * chunks are collected by the next save.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAs } from '../../../dev/forge-runtime';
import { userClient } from '../../../src/confluence/client';
import { ConflictError, ServerError } from '../../../src/confluence/errors';
import { readMap, saveMap } from '../../../src/confluence/map-store';
import { isChunkKeyOf, mapPropertyKey } from '../../../src/domain/codec';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { generateMap } from '../../support/generate-map';
import type { World } from '../resolvers/harness';
import { createWorld, unwrap } from '../resolvers/harness';

const LOCAL_ID = 'big-map';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(async () => {
  await world.close();
});

const at = (): { pageId: string; localId: string } => ({ pageId: world.pageId, localId: LOCAL_ID });
const asEditor = <T>(fn: () => Promise<T>): Promise<T> => runAs('acc-editor', fn);
const chunkKeys = (): string[] =>
  world.emulator.store
    .propertiesOf('page', world.pageId)
    .map((p) => p.key)
    .filter((k) => isChunkKeyOf(LOCAL_ID, k))
    .sort();

async function saveBig(map: JourneyMap, generation: string): Promise<number> {
  return asEditor(async () => {
    const client = userClient();
    const previous = await readMap(client, at());
    const saved = await saveMap({ client, at: at(), previous, map, changed: ['*'], generation });
    return saved.version;
  });
}

describe('chunked maps', () => {
  it('a 5,000-card map saves in chunks and loads back exactly (map/load: one REST call)', async () => {
    const big = generateMap({ cards: 5_000, seed: 7 });
    const version = await saveBig(big, 'gen1');
    expect(version).toBe(1);
    expect(chunkKeys().length).toBeGreaterThan(1);

    world.resetLog();
    const loaded = unwrap(await world.call('map/load', at()));
    expect(world.restCalls()).toHaveLength(1);
    expect(loaded.map).toEqual(big);
    expect(loaded.repairs).toEqual([]);
  });

  it('an edit through map/apply switches generations atomically and deletes the old chunks', async () => {
    const big = generateMap({ cards: 5_000, seed: 8 });
    await saveBig(big, 'gen1');
    const before = chunkKeys();
    const loaded = unwrap(await world.call('map/load', at()));
    const card = loaded.map?.cards[0];
    if (!card) throw new Error('no card');
    const applied = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: loaded.version,
        ops: [{ type: 'card/edit', id: card.id, patch: { text: 'edited in a big map' } }],
      }),
    );
    expect(applied.version).toBe(loaded.version + 1);
    const after = chunkKeys();
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((k) => before.includes(k))).toBe(false);
    const reloaded = unwrap(await world.call('map/load', at()));
    expect(reloaded.map).toEqual(applied.map);
  });

  it('a save that fails at the head switch leaves the previous map intact; the next save collects the leftovers', async () => {
    const first = generateMap({ cards: 3_000, seed: 9 });
    await saveBig(first, 'gen1');
    const gen1 = chunkKeys();

    // The chunks of generation 2 are written, then the head PUT fails.
    world.emulator.faults.inject({ status: 500, count: 1, match: { method: 'PUT' } });
    // And the clean-up of those new chunks fails too, as after a crash.
    world.emulator.faults.inject({ status: 500, count: 99, match: { method: 'DELETE' } });
    const second = generateMap({ cards: 3_000, seed: 10 });
    await expect(saveBig(second, 'gen2')).rejects.toBeInstanceOf(ServerError);
    world.emulator.faults.clear();

    const leftovers = chunkKeys().filter((k) => !gen1.includes(k));
    expect(leftovers.length).toBeGreaterThan(0);
    const still = unwrap(await world.call('map/load', at()));
    expect(still.map).toEqual(first);
    expect(still.version).toBe(1);

    const third = generateMap({ cards: 3_000, seed: 11 });
    await saveBig(third, 'gen3');
    const remaining = chunkKeys();
    expect(remaining.every((k) => k.endsWith('_gen3'))).toBe(true);
    expect(unwrap(await world.call('map/load', at())).map).toEqual(third);
  });

  it('a stale head version is a ConflictError and the new chunks are removed', async () => {
    const first = generateMap({ cards: 3_000, seed: 12 });
    await saveBig(first, 'gen1');
    const stale = await asEditor(() => readMap(userClient(), at()));
    await saveBig(generateMap({ cards: 3_000, seed: 13 }), 'gen2');
    await expect(
      asEditor(() =>
        saveMap({
          client: userClient(),
          at: at(),
          previous: stale,
          map: generateMap({ cards: 3_000, seed: 14 }),
          changed: ['*'],
          generation: 'gen3',
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(chunkKeys().every((k) => k.endsWith('_gen2'))).toBe(true);
  });

  it('keeps the head key CQL-safe', () => {
    expect(mapPropertyKey('5f0c2a8e-1b7d-4c3e')).toMatch(/^cjm_map_[A-Za-z0-9_]+$/);
  });
});
