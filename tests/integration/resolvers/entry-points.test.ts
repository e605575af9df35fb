/** The exports the manifest names (`src/index.ts`), called exactly as Forge calls them. */
import { describe, expect, it } from 'vitest';
import { invokeResolver } from '../../../dev/forge-runtime';
import { handler } from '../../../src/index';
import type { World } from './harness';
import { macroContext } from './harness';
import { worldPerTest } from './world-per-test';

let world: World;
worldPerTest((w) => {
  world = w;
});

describe('src/index.ts handler', () => {
  it('answers map/load through the production wiring', async () => {
    const result = await invokeResolver({
      handler,
      functionKey: 'map/load',
      payload: { pageId: world.pageId, localId: 'm1' },
      accountId: 'acc-editor',
      context: macroContext({ emulator: world.emulator, contentId: world.pageId, localId: 'm1' }),
    });
    expect(result).toMatchObject({ ok: true, data: { map: null, version: 0 } });
  });
});
