/** The exports the manifest names (`src/index.ts`), called exactly as Forge calls them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeResolver } from '../../../dev/forge-runtime';
import { handler } from '../../../src/index';
import type { World } from './harness';
import { createWorld, macroContext } from './harness';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(async () => {
  await world.close();
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
