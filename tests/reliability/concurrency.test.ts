/**
 * Concurrency: N simulated editors × M random ops on ONE map through the real resolvers and the
 * real @forge/api (emulator in-process) with injected 409s, 429s, 500s and latency. Every
 * acknowledged op must be in the final map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../integration/resolvers/harness';
import { createWorld, unwrap } from '../integration/resolvers/harness';
import { startChaos } from './support/chaos';
import { PARAMS, SEED, prng } from './support/params';
import { recordFigure } from './support/figures';
import type { CardSlot } from './support/sim-client';
import { runSimClient } from './support/sim-client';

let world: World;
const at = { pageId: '', localId: 'concurrency-map' };

beforeAll(async () => {
  world = await createWorld();
  at.pageId = world.pageId;
  unwrap(await world.call('map/create', { ...at, template: 'worked-example' }, 'acc-admin'));
});

afterAll(async () => {
  await world?.close();
});

describe('concurrent editors under injected faults', () => {
  it(`keeps every acknowledged op (${PARAMS.clients} clients × ${PARAMS.opsPerClient} ops)`, async () => {
    const start = unwrap(await world.call('map/load', at, 'acc-editor'));
    const map = start.map;
    if (!map) throw new Error('no map');
    const slots: CardSlot[] = map.cards.map((c) => ({
      laneId: c.laneId,
      stepId: c.stepId,
      kind: c.kind,
    }));
    const stageIds = map.stages.map((s) => s.id);
    const random = prng(SEED);
    const chaos = startChaos({
      emulator: world.emulator,
      random: prng(SEED + 1),
      everyRequests: 12,
      maxLatencyMs: 4,
    });
    const started = performance.now();
    const reports = await Promise.all(
      Array.from({ length: PARAMS.clients }, (_, i) =>
        runSimClient({
          world,
          name: `k${i}`,
          accountId: i % 2 === 0 ? 'acc-editor' : 'acc-admin',
          at,
          slots,
          stageIds,
          ops: PARAMS.opsPerClient,
          random: prng(Math.floor(random() * 2 ** 31)),
        }),
      ),
    );
    chaos.stop();
    const seconds = (performance.now() - started) / 1000;

    const final = unwrap(await world.call('map/load', at, 'acc-viewer'));
    const cards = new Map((final.map?.cards ?? []).map((c) => [c.id, c.text]));
    const missing: string[] = [];
    let checked = 0;
    for (const r of reports) {
      for (const [id, text] of r.expected) {
        checked += 1;
        if (text === null && cards.has(id)) missing.push(`${id} should be deleted`);
        if (text !== null && cards.get(id) !== text) {
          missing.push(`${id}: expected "${text}", found ${JSON.stringify(cards.get(id))}`);
        }
      }
      // Nothing of this client's exists that it did not acknowledge.
      for (const id of cards.keys()) {
        if (id.startsWith(`${r.name}-`) && !r.expected.has(id)) missing.push(`${id} never acked`);
      }
    }
    const acked = reports.reduce((n, r) => n + r.acked, 0);
    const failures: Record<string, number> = {};
    for (const r of reports) {
      for (const [code, n] of Object.entries(r.failuresByCode))
        failures[code] = (failures[code] ?? 0) + n;
    }
    recordFigure('concurrency', {
      clients: PARAMS.clients,
      opsPerClient: PARAMS.opsPerClient,
      ackedOps: acked,
      sends: reports.reduce((n, r) => n + r.sends, 0),
      clientRetries: reports.reduce((n, r) => n + r.retries, 0),
      failuresSeenByClients: failures,
      injected: chaos.injected,
      finalVersion: final.version,
      seconds: Number(seconds.toFixed(1)),
      opsPerSecond: Number((acked / seconds).toFixed(1)),
    });

    expect(reports.flatMap((r) => r.unexpected)).toEqual([]);
    expect(acked).toBe(PARAMS.clients * PARAMS.opsPerClient);
    expect(checked).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    // The chaos really happened (what reached the clients depends on timing: reported only).
    expect(chaos.injected['409']).toBeGreaterThan(0);
    expect(chaos.injected['500']).toBeGreaterThan(0);
    expect(chaos.injected['429']).toBeGreaterThan(0);
  });
});
