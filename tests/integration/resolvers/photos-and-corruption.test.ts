/** photos/list and how a hand-corrupted map property is reported (CORRUPT, never a crash). */
import { describe, expect, it } from 'vitest';
import { mapPropertyKey } from '../../../src/domain/codec';
import type { World } from './harness';
import { unwrap } from './harness';
import { worldPerTest } from './world-per-test';
import { MISSING_CHUNKS_HEAD, NEWER_MAP_HEAD } from './broken-heads';

const LOCAL_ID = 'macro-1';

let world: World;
worldPerTest((w) => {
  world = w;
});

describe('photos/list', () => {
  // Changed on purpose (finding 9): only photos the server verified into a map are listed; the
  // registered ones are covered by photos-verified.test.ts.
  it('lists no attachment that was never verified into a map, image or not', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    world.emulator.store.addAttachment({
      pageId: world.pageId,
      fileName: 'wall-1.png',
      mediaType: 'image/png',
      bytes: png,
    });
    world.emulator.store.addAttachment({
      pageId: world.pageId,
      fileName: 'wall-2.jpg',
      mediaType: 'image/jpeg',
      bytes: png,
    });
    world.emulator.store.addAttachment({
      pageId: world.pageId,
      fileName: 'agenda.pdf',
      mediaType: 'application/pdf',
      bytes: png,
    });
    const { photos } = unwrap(
      await world.call('photos/list', { pageId: world.pageId }, 'acc-viewer'),
    );
    expect(photos).toEqual([]);
  });

  it('answers NOT_FOUND for a page the user cannot see', async () => {
    world.emulator.store.restrictPage({ pageId: world.pageId, view: ['acc-editor'] });
    const result = await world.call('photos/list', { pageId: world.pageId }, 'acc-outsider');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});

describe('a corrupted map property', () => {
  const corrupt = (value: unknown): void => {
    world.emulator.store.putProperty({
      ownerId: world.pageId,
      key: mapPropertyKey(LOCAL_ID),
      value,
    });
  };

  it('whose chunks are missing answers CORRUPT with a message naming the problem', async () => {
    corrupt(MISSING_CHUNKS_HEAD);
    const result = await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CORRUPT');
      expect(result.error.message).toMatch(/cannot be read/);
      expect(result.error.message).toMatch(/part 1 of 2 is missing/);
      expect(result.error.message).toMatch(/page is fine/);
    }
  });

  it('that is not a map at all answers CORRUPT; apply and create refuse to overwrite it', async () => {
    corrupt('hello, I am not a journey map');
    const address = { pageId: world.pageId, localId: LOCAL_ID };
    const loaded = await world.call('map/load', address);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.code).toBe('CORRUPT');
    world.resetLog();
    const applied = await world.call('map/apply', {
      ...address,
      baseVersion: 1,
      ops: [{ type: 'map/setTitle', title: 'x' }],
    });
    const created = await world.call('map/create', { ...address, template: 'blank' });
    expect(applied.ok).toBe(false);
    expect(created.ok).toBe(false);
    if (!applied.ok) expect(applied.error.code).toBe('CORRUPT');
    if (!created.ok) expect(created.error.code).toBe('CORRUPT');
    expect(world.restCalls().filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('from a newer app version says so', async () => {
    corrupt(NEWER_MAP_HEAD);
    const result = await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CORRUPT');
      expect(result.error.message).toMatch(/newer version/);
    }
  });

  it('that restore() can repair loads with the repairs listed', async () => {
    const created = unwrap(
      await world.call('map/create', {
        pageId: world.pageId,
        localId: LOCAL_ID,
        template: 'worked-example',
      }),
    );
    const broken = structuredClone(created.map) as unknown as { steps: { sentiment: number }[] };
    if (broken.steps[0]) broken.steps[0].sentiment = 7;
    corrupt({ codec: 'cjm/1', encoding: 'json', map: broken });
    const loaded = unwrap(
      await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID }),
    );
    expect(loaded.repairs.length).toBeGreaterThan(0);
    expect(loaded.map?.steps[0]?.sentiment).toBeGreaterThanOrEqual(-2);
    expect(loaded.map?.steps[0]?.sentiment).toBeLessThanOrEqual(2);
  });
});
