/**
 * No torn reads: writers keep saving a map large enough to be stored in chunks (edits logged in
 * the head, then compactions into a new chunk generation that deletes the old one) while readers
 * keep loading it. Every read must decode, and be exactly one of the versions a writer saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseHead } from '../../src/domain/codec';
import { mapPropertyKey } from '../../src/domain/codec';
import type { JourneyMap } from '../../src/domain/model/schema';
import { applyAll } from '../../src/domain/operations/apply';
import type { Op } from '../../src/domain/operations/op-types';
import type { World } from '../integration/resolvers/harness';
import { createWorld, unwrap } from '../integration/resolvers/harness';
import { canonicalJson } from './support/canonical-json';
import { recordFigure } from './support/figures';
import { PARAMS, SEED, prng } from './support/params';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function randomText(random: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += Math.floor(random() * 2 ** 32).toString(36);
  return s.slice(0, length);
}

/** Seeds a map of ~400 cards of incompressible text: stored as deflate chunks. */
async function seedLargeMap(
  w: World,
  at: { pageId: string; localId: string },
): Promise<JourneyMap> {
  unwrap(await w.call('map/create', { ...at, template: 'worked-example' }, 'acc-editor'));
  const random = prng(SEED + 7);
  let loaded = unwrap(await w.call('map/load', at, 'acc-editor'));
  const cell = loaded.map?.cards[0];
  if (!cell) throw new Error('template without cards');
  for (let batch = 0; batch < 2; batch++) {
    const ops: Op[] = Array.from({ length: 200 }, (_, i) => ({
      type: 'card/add',
      id: `big${batch}x${i}`,
      laneId: cell.laneId,
      stepId: cell.stepId,
      kind: cell.kind,
      text: randomText(random, 260),
    }));
    unwrap(await w.call('map/apply', { ...at, baseVersion: loaded.version, ops }, 'acc-editor'));
    loaded = unwrap(await w.call('map/load', at, 'acc-editor'));
  }
  if (!loaded.map) throw new Error('no map');
  return loaded.map;
}

async function runScenario(fillers: number): Promise<void> {
  world = await createWorld();
  const w = world;
  const at = { pageId: w.pageId, localId: 'torn-read' };
  // Other properties on the page (other macros' data) push the map's across list pages.
  for (let i = 0; i < fillers; i++) {
    w.emulator.store.putProperty({ pageId: w.pageId, key: `other_${i}`, value: { i } });
  }
  const seeded = await seedLargeMap(w, at);
  const head = w.emulator.store
    .propertiesOf('page', w.pageId)
    .find((p) => p.key === mapPropertyKey(at.localId));
  expect(parseHead(head?.value)?.encoding).toBe('deflate-chunks');

  const first = unwrap(await w.call('map/load', at, 'acc-editor'));
  const written = new Map<number, string>([[first.version, canonicalJson(first.map)]]);
  const reads: { version: number; json: string }[] = [];
  const readErrors: string[] = [];
  let writing = true;
  const random = prng(SEED + 11);
  const cardIds = seeded.cards.map((c) => c.id);
  const generations = new Set<string>();

  const writer = async (n: number): Promise<void> => {
    let base = first.version;
    // What this writer knows of the map: the answer's map, or its change replayed (decision 0028).
    let known = first.map;
    for (let i = 0; i < PARAMS.tornWrites; i++) {
      const id = cardIds[Math.floor(random() * cardIds.length)] ?? '';
      // ~2 KB of fresh text per save fills the head's log: a compaction every few saves.
      const text = `w${n}-${i}-${randomText(random, 1900)}`;
      const res = await w.call(
        'map/apply',
        { ...at, baseVersion: base, ops: [{ type: 'card/edit', id, patch: { text } }] },
        'acc-editor',
      );
      if (!res.ok) continue;
      base = res.data.version;
      if (res.data.map) known = res.data.map;
      else if (known) {
        const replayed = applyAll(known, res.data.change.ops).map;
        known = { ...replayed, updatedAt: res.data.change.updatedAt ?? replayed.updatedAt };
      }
      written.set(res.data.version, canonicalJson(known));
      const h = w.emulator.store
        .propertiesOf('page', w.pageId)
        .find((p) => p.key === mapPropertyKey(at.localId));
      const parsed = parseHead(h?.value);
      if (parsed?.encoding === 'deflate-chunks') generations.add(parsed.generation);
    }
  };
  const reader = async (): Promise<void> => {
    // At least two reads each: on a fast run the writers can finish within one slow load.
    for (let n = 0; writing || n < 2; n++) {
      const res = await w.call('map/load', at, 'acc-viewer');
      if (res.ok) reads.push({ version: res.data.version, json: canonicalJson(res.data.map) });
      else readErrors.push(`${res.error.code}: ${res.error.message}`);
    }
  };
  const readers = Array.from({ length: PARAMS.tornReaders }, () => reader());
  await Promise.all(Array.from({ length: PARAMS.tornWriters }, (_, n) => writer(n)));
  writing = false;
  await Promise.all(readers);

  const torn = reads.filter((r) => written.get(r.version) !== r.json);
  recordFigure('torn-read', {
    fillers,
    writes: written.size - 1,
    generations: generations.size,
    reads: reads.length,
    readErrors: readErrors.length,
    torn: torn.length,
  });
  expect(readErrors).toEqual([]);
  expect(torn.map((t) => t.version)).toEqual([]);
  expect(reads.length).toBeGreaterThan(PARAMS.tornReaders);
  // Compactions happened, so readers raced chunk rewrites and deletions.
  expect(generations.size).toBeGreaterThan(1);
}

describe('readers never see a torn chunked map', () => {
  it('while writers save and compact it', async () => {
    await runScenario(0);
  });

  it('on a page whose property list spans several REST pages', async () => {
    await runScenario(260);
  });
});
