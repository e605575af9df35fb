/**
 * `map/opsSince` (decision 0040): the saves after a version, read as the user from the op log
 * in the map's head (a chunked map's op log, an inline map's save tail: decision 0045), replay to
 * exactly the map `map/load` answers and name who saved; before the log's horizon (a new base was
 * written, a save the server added to) it answers `saves: null`; a person who cannot read the
 * page gets a typed refusal and nothing of the map. Real @forge/resolver and
 * @forge/api → local Forge runtime → in-process Confluence emulator.
 */
import { describe, expect, it } from 'vitest';
import { createMapPage } from '../../../bench/lib/seed-map';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import { IDLE_AGENDA, endAgenda, startAgenda } from '../../../src/domain/session/agenda';
import type { LoggedSave } from '../../../src/resolvers/contract';
import { generateMap } from '../../support/generate-map';
import type { World } from './harness';
import { loadMap, unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = 'b7d1e0c2-3a4f-4b5c-9d6e-7f8091a2b3c4';

let world: World;
worldPerTest((w) => {
  world = w;
});

/** A page with a generated map (800 cards: chunked; 20: inline); its address and version. */
async function mapPage(
  cards = 800,
): Promise<{ at: { pageId: string; localId: string }; version: number }> {
  const pageId = await createMapPage({
    emulator: world.emulator,
    title: `Live map, ${cards} cards`,
    localId: LOCAL_ID,
    map: generateMap({ cards, seed: 16 }),
  });
  const at = { pageId, localId: LOCAL_ID };
  return { at, version: unwrap(await world.call('map/version', at)).version };
}

async function apply(
  at: { pageId: string; localId: string },
  baseVersion: number,
  ops: Op[],
  accountId = 'acc-editor',
): Promise<number> {
  return unwrap(await world.call('map/apply', { ...at, baseVersion, ops }, accountId)).version;
}

function replay(map: JourneyMap, saves: LoggedSave[]): JourneyMap {
  return saves.reduce<JourneyMap>(
    (m, s) => ({ ...applyAll(m, s.ops).map, updatedAt: s.updatedAt }),
    map,
  );
}

describe('map/opsSince', () => {
  it('answers the saves since a version; replayed, they give the map map/load answers', async () => {
    const { at, version: v0 } = await mapPage();
    const before = await loadMap(world, at);
    const card = before.cards[0];
    if (!card) throw new Error('no card');
    let v = await apply(at, v0, [{ type: 'map/setTitle', title: 'Live one' }]);
    v = await apply(at, v, [{ type: 'card/edit', id: card.id, patch: { text: 'Live two' } }]);
    v = await apply(at, v, [{ type: 'card/delete', id: card.id }]);
    world.resetLog();
    const answer = unwrap(await world.call('map/opsSince', { ...at, sinceVersion: v0 }));
    // One REST call: the head property by key (the chunks are not read).
    expect(world.restCalls()).toHaveLength(1);
    expect(world.restCalls()[0]?.path).toMatch(/\/properties$/);
    expect(answer.version).toBe(v);
    expect(answer.saves?.map((s) => s.version)).toEqual([v0 + 1, v0 + 2, v0 + 3]);
    expect(answer.saves?.map((s) => s.author)).toEqual(['acc-editor', 'acc-editor', 'acc-editor']);
    expect(replay(before, answer.saves ?? [])).toEqual(await loadMap(world, at));
    // From the middle, and from the latest version (nothing to send).
    const mid = unwrap(await world.call('map/opsSince', { ...at, sinceVersion: v0 + 2 }));
    expect(mid.saves?.map((s) => s.ops)).toEqual([[{ type: 'card/delete', id: card.id }]]);
    const none = unwrap(await world.call('map/opsSince', { ...at, sinceVersion: v }));
    expect(none).toEqual({ version: v, saves: [] });
    expect(JSON.stringify(none).length).toBeLessThan(100);
  });

  it('answers saves: null past the horizon (a save wrote a new base), and then the client loads', async () => {
    const { at, version: v0 } = await mapPage();
    const v1 = await apply(at, v0, [{ type: 'map/setTitle', title: 'Logged' }]);
    const current = await loadMap(world, at);
    const imported = unwrap(
      await world.call('map/import', {
        ...at,
        baseVersion: v1,
        map: { ...current, title: 'Imported' },
      }),
    );
    const v2 = await apply(at, imported.version, [{ type: 'map/setTitle', title: 'After' }]);
    const past = unwrap(await world.call('map/opsSince', { ...at, sinceVersion: v0 }));
    expect(past).toEqual({ version: v2, saves: null });
    const fromBase = unwrap(
      await world.call('map/opsSince', { ...at, sinceVersion: imported.version }),
    );
    expect(fromBase.saves?.map((s) => s.version)).toEqual([v2]);
  });

  it('a small (inline) map answers the saves since a version from its tail, named, and they replay to map/load', async () => {
    const { at, version: createdVersion } = await mapPage(20);
    const created = { version: createdVersion };
    const before = await loadMap(world, at);
    const card = before.cards[0];
    if (!card) throw new Error('no card');
    let v = await apply(at, created.version, [{ type: 'map/setTitle', title: 'Small' }]);
    v = await apply(
      at,
      v,
      [{ type: 'card/edit', id: card.id, patch: { text: 'By Ann' } }],
      'acc-admin',
    );
    // Eddie saved on an old base: his text overwrote Ann's, and the answer says so.
    v = await apply(at, v - 1, [{ type: 'card/edit', id: card.id, patch: { text: 'By Eddie' } }]);
    world.resetLog();
    const answer = unwrap(
      await world.call('map/opsSince', { ...at, sinceVersion: created.version }, 'acc-viewer'),
    );
    expect(world.restCalls()).toHaveLength(1);
    expect(answer.version).toBe(v);
    expect(answer.saves?.map((s) => [s.version, s.author, s.overwritten])).toEqual([
      [created.version + 1, 'acc-editor', []],
      [created.version + 2, 'acc-admin', []],
      [created.version + 3, 'acc-editor', [`cards.${card.id}.text`]],
    ]);
    expect(replay(before, answer.saves ?? [])).toEqual(await loadMap(world, at));
    expect(unwrap(await world.call('map/opsSince', { ...at, sinceVersion: v }))).toEqual({
      version: v,
      saves: [],
    });
  });

  it('an inline map: a save the server added to (who ended the play) starts the tail again', async () => {
    const at = { pageId: world.pageId, localId: LOCAL_ID };
    const created = unwrap(await world.call('map/create', { ...at, template: 'blank' }));
    const running = startAgenda(IDLE_AGENDA, new Date('2026-12-06T10:00:00.000Z'));
    let v = await apply(at, created.version, [{ type: 'session/setAgenda', agenda: running }]);
    const started = v;
    v = await apply(at, v, [{ type: 'session/setAgenda', agenda: endAgenda(running) }]);
    const ended = v;
    v = await apply(at, v, [{ type: 'map/setTitle', title: 'After the play' }]);
    const past = unwrap(await world.call('map/opsSince', { ...at, sinceVersion: started }));
    expect(past).toEqual({ version: v, saves: null });
    const after = unwrap(await world.call('map/opsSince', { ...at, sinceVersion: ended }));
    expect(after.saves?.map((s) => s.version)).toEqual([v]);
  });

  it('refuses a person who cannot read the page, with nothing of the map', async () => {
    const { at, version } = await mapPage();
    await apply(at, version, [{ type: 'map/setTitle', title: 'Pricing secrets' }]);
    world.emulator.store.restrictPage({
      pageId: at.pageId,
      view: ['acc-editor'],
      edit: ['acc-editor'],
    });
    const refused = await world.call(
      'map/opsSince',
      { ...at, sinceVersion: version },
      'acc-viewer',
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(refused.error.code);
    expect(JSON.stringify(refused)).not.toContain('Pricing secrets');
    const anonymous = await world.call('map/opsSince', { ...at, sinceVersion: version }, null);
    expect(anonymous.ok).toBe(false);
  });

  it('refuses a bad version with INVALID_INPUT naming the field', async () => {
    const at = { pageId: world.pageId, localId: LOCAL_ID };
    const res = await world.call('map/opsSince', { ...at, sinceVersion: -1 });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'sinceVersion' },
    });
  });
});
