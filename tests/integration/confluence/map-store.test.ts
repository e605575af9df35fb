/**
 * The map store over the real @forge/api and the emulator: chunked maps (5,000 cards) save and
 * load exactly, a save interrupted at any step leaves the previous map readable, and leftover
 * chunks are collected by the next save. Edits of chunked maps are logged in the head (one PUT)
 * until the log is full; then a save compacts into a new base generation.
 */
import { describe, expect, it } from 'vitest';
import { runAs } from '../../../dev/forge-runtime';
import { userClient } from '../../../src/confluence/client';
import { ConflictError, ServerError } from '../../../src/confluence/errors';
import type { MapLocation, StoredMap } from '../../../src/confluence/map-store';
import { readMap, readMapFromProperties, saveMap } from '../../../src/confluence/map-store';
import {
  LOG_HEAD_MAX_BYTES,
  isChunkKeyOf,
  jsonByteLength,
  mapPropertyKey,
  parseHead,
} from '../../../src/domain/codec';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import { generateMap } from '../../support/generate-map';
import type { World } from '../resolvers/harness';
import { unwrap } from '../resolvers/harness';
import { worldPerTest } from '../resolvers/world-per-test';

const LOCAL_ID = 'big-map';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = (): MapLocation => ({
  pageId: world.pageId,
  contentType: 'page',
  localId: LOCAL_ID,
});
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
    expect(mapPropertyKey('5f0c2a8e-1b7d-4c3e')).toMatch(/^com_journeymaps_map_[A-Za-z0-9_]+$/);
  });
});

/** What a reader listing the page's properties right now would get. */
function readerView(): StoredMap {
  const properties = world.emulator.store
    .propertiesOf('page', world.pageId)
    .map((p) => ({ id: p.id, key: p.key, value: p.value, version: p.version.number }));
  return readMapFromProperties(properties, LOCAL_ID);
}

/** Bytes of the stored head without its change history (what the log limit counts). */
function headBytes(): number {
  const head = world.emulator.store.propertyByKey('page', world.pageId, mapPropertyKey(LOCAL_ID));
  return jsonByteLength(parseHead(head?.value));
}

function headLogLength(): number {
  const head = world.emulator.store.propertyByKey('page', world.pageId, mapPropertyKey(LOCAL_ID));
  const parsed = parseHead(head?.value);
  if (parsed?.encoding !== 'deflate-chunks') throw new Error('expected a chunked head');
  return parsed.log?.length ?? 0;
}

async function edit(
  map: JourneyMap,
  version: number,
  cardIndex: number,
  text: string,
): Promise<{ map: JourneyMap; version: number }> {
  const card = map.cards[cardIndex];
  if (!card) throw new Error('no card');
  const ops: Op[] = [{ type: 'card/edit', id: card.id, patch: { text } }];
  const applied = unwrap(await world.call('map/apply', { ...at(), baseVersion: version, ops }));
  // The answer is the map, or the change that turns the caller's map into it (decision 0028).
  if (applied.map) return { map: applied.map, version: applied.version };
  const replayed = applyAll(map, applied.change.ops).map;
  return {
    map: { ...replayed, updatedAt: applied.change.updatedAt ?? replayed.updatedAt },
    version: applied.version,
  };
}

describe('op log of chunked maps', { timeout: 120_000 }, () => {
  for (const cards of [1_000, 5_000]) {
    it(`a plain edit of a ${cards.toLocaleString('en')}-card map is one PUT of the head; the chunks stay`, async () => {
      await saveBig(generateMap({ cards, seed: 30 }), 'gen1');
      const before = chunkKeys();
      expect(before.length).toBeGreaterThan(1);
      const loaded = unwrap(await world.call('map/load', at()));
      if (!loaded.map) throw new Error('no map');
      // The first save of the day may also write the page summary; steady state is measured next.
      let state = await edit(loaded.map, loaded.version, 0, 'first edit');

      for (let i = 1; i <= 3; i++) {
        world.resetLog();
        state = await edit(state.map, state.version, i, `edit ${i}`);
        // The read as the user (decision 0014), then one write: the head.
        expect(world.restCalls().map((c) => c.method)).toEqual(['GET', 'PUT']);
      }
      expect(chunkKeys()).toEqual(before);
      expect(headLogLength()).toBe(4);

      world.resetLog();
      const reloaded = unwrap(await world.call('map/load', at()));
      expect(world.restCalls()).toHaveLength(1);
      expect(reloaded.map).toEqual(state.map);
      expect(reloaded.version).toBe(state.version);
      expect(reloaded.repairs).toEqual([]);
      expect(state.map.cards[3]?.text).toBe('edit 3');
    });
  }

  it('when the log is full a save compacts: new chunks, then the head, then deletes; it loads exactly', async () => {
    await saveBig(generateMap({ cards: 1_000, seed: 31 }), 'gen1');
    const gen1 = chunkKeys();
    const loaded = unwrap(await world.call('map/load', at()));
    if (!loaded.map) throw new Error('no map');
    let state = { map: loaded.map, version: loaded.version };
    // Long texts fill the head's log (~24 KB) in a dozen saves.
    let compacted: { method: string }[] | null = null;
    for (let i = 0; i < 40 && !compacted; i++) {
      world.resetLog();
      state = await edit(state.map, state.version, i, `${i} `.padEnd(1_900, 'x'));
      if (!chunkKeys().some((k) => gen1.includes(k))) compacted = world.restCalls();
      else expect(headLogLength()).toBe(i + 1);
    }
    if (!compacted) throw new Error('the log never compacted');
    // The save's read as the user comes first (decision 0014); then the writes, in order.
    expect(compacted[0]?.method).toBe('GET');
    const methods = compacted.slice(1).map((c) => c.method);
    const firstPut = methods.indexOf('PUT');
    // Chunks (POST) strictly before the head (PUT), deletes of the old generation after it.
    expect(methods.slice(0, firstPut).every((m) => m === 'POST')).toBe(true);
    expect(methods.slice(0, firstPut).length).toBe(chunkKeys().length);
    expect(methods.filter((m) => m === 'DELETE')).toHaveLength(gen1.length);
    expect(methods.lastIndexOf('POST')).toBeLessThan(firstPut);
    expect(methods.indexOf('DELETE')).toBeGreaterThan(firstPut);
    expect(headLogLength()).toBe(0);

    const reloaded = unwrap(await world.call('map/load', at()));
    expect(reloaded.map).toEqual(state.map);
    expect(reloaded.version).toBe(state.version);

    // And the next edit logs on the new base again.
    world.resetLog();
    state = await edit(state.map, state.version, 0, 'after compaction');
    expect(world.restCalls().map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(unwrap(await world.call('map/load', at())).map).toEqual(state.map);
  });

  it('a reader never sees a torn map: after every REST call of logged and compacting saves it reads the old or the new map', async () => {
    await saveBig(generateMap({ cards: 1_000, seed: 32 }), 'gen1');
    const loaded = unwrap(await world.call('map/load', at()));
    if (!loaded.map) throw new Error('no map');
    let state = { map: loaded.map, version: loaded.version };
    let before = state;
    let checks = 0;
    const g = globalThis as { __forge_fetch__?: (...a: never[]) => Promise<Response> };
    const inner = g.__forge_fetch__;
    if (!inner) throw new Error('no forge runtime');
    g.__forge_fetch__ = async (...a: never[]) => {
      const response = await inner(...a);
      const seen = readerView();
      expect([before.version, before.version + 1]).toContain(seen.version);
      // Exactly the map committed at the version the reader sees (the new one is checked below).
      if (seen.version === before.version) expect(seen.map).toEqual(before.map);
      checks++;
      return response;
    };
    try {
      let compactions = 0;
      const gen = (): string => chunkKeys().join();
      for (let i = 0; i < 40 && compactions < 1; i++) {
        before = state;
        const generation = gen();
        state = await edit(state.map, state.version, i, `${i} `.padEnd(1_900, 'y'));
        expect(readerView().map).toEqual(state.map);
        if (gen() !== generation) compactions++;
      }
      expect(compactions).toBe(1);
    } finally {
      g.__forge_fetch__ = inner;
    }
    expect(checks).toBeGreaterThan(10);
  });

  it('a compaction that fails at the head switch leaves the logged map intact; the next save collects the leftovers', async () => {
    await saveBig(generateMap({ cards: 1_000, seed: 33 }), 'gen1');
    const gen1 = chunkKeys();
    const loaded = unwrap(await world.call('map/load', at()));
    if (!loaded.map) throw new Error('no map');
    let state = { map: loaded.map, version: loaded.version };
    // Fill the log until one more 2,000-character edit no longer fits (LOG_HEAD_MAX_BYTES).
    for (let i = 0; headBytes() <= LOG_HEAD_MAX_BYTES - 2_000; i++) {
      state = await edit(state.map, state.version, i, `${i} `.padEnd(1_900, 'z'));
    }
    expect(chunkKeys()).toEqual(gen1);
    world.emulator.faults.inject({ status: 500, count: 1, match: { method: 'PUT' } });
    world.emulator.faults.inject({ status: 500, count: 99, match: { method: 'DELETE' } });
    const card = state.map.cards[50];
    if (!card) throw new Error('no card');
    const failed = await world.call('map/apply', {
      ...at(),
      baseVersion: state.version,
      ops: [{ type: 'card/edit', id: card.id, patch: { text: 'w'.repeat(2_000) } }],
    });
    world.emulator.faults.clear();
    expect(failed.ok).toBe(false);
    expect(chunkKeys().length).toBeGreaterThan(gen1.length);
    const still = unwrap(await world.call('map/load', at()));
    expect(still.map).toEqual(state.map);
    expect(still.version).toBe(state.version);

    state = await edit(state.map, state.version, 50, 'w'.repeat(2_000));
    const remaining = chunkKeys();
    expect(remaining.some((k) => gen1.includes(k))).toBe(false);
    expect(new Set(remaining.map((k) => k.split('_').pop())).size).toBe(1);
    expect(unwrap(await world.call('map/load', at())).map).toEqual(state.map);
  });

  it('a batch with a dropped op is logged and replays to exactly what the writer answered', async () => {
    await saveBig(generateMap({ cards: 1_000, seed: 35 }), 'gen1');
    const loaded = unwrap(await world.call('map/load', at()));
    const card = loaded.map?.cards[5];
    if (!card) throw new Error('no card');
    const applied = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: loaded.version,
        ops: [
          { type: 'card/edit', id: 'gone', patch: { text: 'lost' } },
          { type: 'card/edit', id: card.id, patch: { text: 'kept' } },
        ],
      }),
    );
    expect(applied.dropped).toHaveLength(1);
    expect(headLogLength()).toBe(1);
    // What the writer knows: the answered map, or its change replayed on what it loaded.
    const known =
      applied.map ??
      (() => {
        const replayed = applyAll(loaded.map as JourneyMap, applied.change.ops).map;
        return { ...replayed, updatedAt: applied.change.updatedAt ?? replayed.updatedAt };
      })();
    expect(unwrap(await world.call('map/load', at())).map).toEqual(known);
  });

  it('ops that do not reproduce the map are not logged: the save writes a new base instead', async () => {
    const first = generateMap({ cards: 1_000, seed: 36 });
    await saveBig(first, 'gen1');
    const gen1 = chunkKeys();
    const second = generateMap({ cards: 1_000, seed: 37 });
    await asEditor(async () => {
      const client = userClient();
      const previous = await readMap(client, at());
      await saveMap({
        client,
        at: at(),
        previous,
        map: second,
        changed: ['*'],
        generation: 'gen2',
        ops: [],
      });
    });
    expect(chunkKeys().some((k) => gen1.includes(k))).toBe(false);
    expect(headLogLength()).toBe(0);
    expect(unwrap(await world.call('map/load', at())).map).toEqual(second);
  });

  it('concurrent edits of different cards of a chunked map both survive', async () => {
    await saveBig(generateMap({ cards: 5_000, seed: 34 }), 'gen1');
    const loaded = unwrap(await world.call('map/load', at()));
    const [a, b] = [loaded.map?.cards[10], loaded.map?.cards[20]];
    if (!a || !b) throw new Error('no cards');
    const both = await Promise.all([
      world.call('map/apply', {
        ...at(),
        baseVersion: loaded.version,
        ops: [{ type: 'card/edit', id: a.id, patch: { text: 'from Avery' } }],
      }),
      world.call('map/apply', {
        ...at(),
        baseVersion: loaded.version,
        ops: [{ type: 'card/edit', id: b.id, patch: { text: 'from Eddie' } }],
      }),
    ]);
    const versions = both.map((r) => unwrap(r).version).sort();
    expect(versions).toEqual([loaded.version + 1, loaded.version + 2]);
    const reloaded = unwrap(await world.call('map/load', at()));
    expect(reloaded.version).toBe(loaded.version + 2);
    const text = (id: string): string | undefined =>
      reloaded.map?.cards.find((c) => c.id === id)?.text;
    expect(text(a.id)).toBe('from Avery');
    expect(text(b.id)).toBe('from Eddie');
    expect(headLogLength()).toBe(2);
  });
});
