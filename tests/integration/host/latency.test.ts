/**
 * The local host's added latency (`latencyMs`, `LATENCY_MS`; docs/PERFORMANCE.md, decision 0051):
 * every request it answers — a resource file, a 304 revalidation, the bridge's RPC — is answered
 * no sooner than the set delay after it arrived, and `setLatency(0)` takes it away again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../../dev/host/index';
import type { Host } from '../../../dev/host/index';

const DELAY = 400;
let dir: string;
let host: Host;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jm-latency-'));
  mkdirSync(path.join(dir, 'res/assets'), { recursive: true });
  writeFileSync(path.join(dir, 'res/index.html'), '<!doctype html><head></head><p>hi</p>');
  writeFileSync(path.join(dir, 'res/assets/app-Ab3_x-9Z.js'), 'export {};');
  host = await startHost({
    port: 0,
    seed: false,
    resources: { main: path.join(dir, 'res') },
    latencyMs: DELAY,
  });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Milliseconds from sending the request to the whole answer, and the answer's status. */
async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status };
}

describe('latency added by the local host', () => {
  it('delays a file, its 304 revalidation and an RPC call by the set time, and can be turned off', async () => {
    const asset = `${host.url}/__forge/resources/main/assets/app-Ab3_x-9Z.js`;
    const first = await fetch(asset);
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const file = await timed(asset);
    const revalidation = await timed(asset, { headers: { 'if-none-match': etag } });
    // No frame token: refused, but only after the delay (the body waited unread meanwhile).
    const rpc = await timed(`${host.url}/__forge/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'invoke', payload: {} }),
    });
    expect(file.status).toBe(200);
    expect(revalidation.status).toBe(304);
    expect(rpc.status).toBeGreaterThanOrEqual(400);
    for (const t of [file, revalidation, rpc]) expect(t.ms).toBeGreaterThanOrEqual(DELAY - 5);

    host.setLatency(0);
    const fast = await timed(asset);
    expect(fast.status).toBe(200);
    // Generous for a loaded machine, yet well under the delay that was just removed.
    expect(fast.ms).toBeLessThan(DELAY - 100);
    host.setLatency(DELAY);
  });

  it('refuses a latency that is not a number of ms ≥ 0', () => {
    expect(() => host.setLatency(Number('3oo'))).toThrow(/latencyMs/);
    expect(() => host.setLatency(-1)).toThrow(/latencyMs/);
  });
});
