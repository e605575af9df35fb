/**
 * When Forge answers a product call with `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` (the user
 * has not granted the app access yet), `@forge/api` throws NeedsAuthenticationError; it must
 * reach the resolver framework unchanged so Forge shows the consent prompt, not become a typed
 * SERVER_ERROR answer.
 */
import { describe, expect, it } from 'vitest';
import type { World } from './harness';
import { worldPerTest } from './world-per-test';

let world: World;
worldPerTest((w) => {
  world = w;
});

describe('NeedsAuthenticationError', () => {
  it('the runtime shim answers like the platform (header forge-proxy-error)', async () => {
    world.runtime.proxyErrors.inject({ reason: 'NEEDS_AUTHENTICATION_ERR', count: 1 });
    await expect(
      world.call('map/load', { pageId: world.pageId, localId: 'm1' }),
    ).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    // One answer only: the next call reaches Confluence again.
    const again = await world.call('map/load', { pageId: world.pageId, localId: 'm1' });
    expect(again.ok).toBe(true);
  });

  it('reaches the resolver framework unchanged from every kind of resolver', async () => {
    const spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
    for (const [key, payload] of [
      ['routing/get', { spaceId }],
      ['index/list', { spaceKey: 'CX' }],
      ['photos/list', { pageId: world.pageId }],
    ] as const) {
      world.runtime.proxyErrors.inject({ reason: 'NEEDS_AUTHENTICATION_ERR', count: 1 });
      await expect(world.call(key, payload)).rejects.toMatchObject({
        name: 'NEEDS_AUTHENTICATION_ERR',
      });
      world.runtime.proxyErrors.clear();
    }
  });
});
