/**
 * map/import through the real resolver handler and @forge/api against the emulator: a viewer is
 * refused and nothing is written; too big, malformed and stale imports change nothing; an
 * import replaces the map, keeps this page's write-up link, and can be undone.
 */
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/domain/exchange/csv-export';
import { importFile } from '../../../src/domain/exchange/import-file';
import { importSheet } from '../../../src/domain/exchange/sheet-import';
import { createEmptyMap } from '../../../src/domain/model/factories';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { generateMap } from '../../support/generate-map';
import type { World } from './harness';
import { unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = 'b7a2c9e0-3d41-4f6a-8e25-6c1d0f9a7b31';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = () => ({ pageId: world.pageId, localId: LOCAL_ID });
const writes = () => world.restCalls().filter((c) => c.method !== 'GET');

async function created(): Promise<{ map: JourneyMap; version: number }> {
  return unwrap(await world.call('map/create', { ...at(), template: 'worked-example' }));
}

describe('map/import', () => {
  it('never brings ballots, a reveal or a facilitator in, and says so', async () => {
    const before = await created();
    const pain = before.map.cards.find((c) => c.kind === 'painPoint');
    const file: JourneyMap = {
      ...before.map,
      session: {
        ...before.map.session,
        facilitator: { accountId: 'acc-editor', name: 'Me' },
        votesPerPerson: 50,
        votesRevealed: true,
        voteOwner: 'acc-editor',
        ballots: [{ voter: 'acc-admin', cardId: pain?.id ?? 'x', dots: 50 }],
      },
    };
    const done = unwrap(
      await world.call('map/import', { ...at(), baseVersion: before.version, map: file }),
    );
    const kept = before.map.session;
    expect(done.map.session).toMatchObject({
      ballots: kept.ballots,
      votesRevealed: kept.votesRevealed,
      votesPerPerson: kept.votesPerPerson,
      voteOwner: kept.voteOwner,
    });
    expect(done.map.session.ballots).toEqual([]);
    expect(done.repairs.map((r) => r.path)).toContain('session.ballots');
    expect(done.repairs.find((r) => r.path === 'session.ballots')?.message).toMatch(
      /50 dot votes were not imported/,
    );
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.session.ballots).toEqual([]);
    expect(loaded.map?.session.votesRevealed).toBe(false);
  });

  it('replaces the map, answers the previous one, and an import of that undoes it', async () => {
    const before = await created();
    const incoming = generateMap({ cards: 120, seed: 5 });
    const done = unwrap(
      await world.call('map/import', { ...at(), baseVersion: before.version, map: incoming }),
    );
    expect(done.version).toBe(before.version + 1);
    expect(done.previous).toEqual(before.map);
    expect(done.map.cards).toEqual(incoming.cards);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map).toEqual(done.map);

    const undone = unwrap(
      await world.call('map/import', { ...at(), baseVersion: done.version, map: done.previous }),
    );
    expect({ ...undone.map, updatedAt: null }).toEqual({ ...before.map, updatedAt: null });
  });

  it('a CSV round trip through the server keeps every card', async () => {
    const before = await created();
    const sheet = importSheet({
      text: exportCsv(before.map),
      base: before.map,
      newId: (p) => `${p}-x${Math.random().toString(36).slice(2, 8)}`,
    });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const done = unwrap(
      await world.call('map/import', { ...at(), baseVersion: before.version, map: sheet.map }),
    );
    expect(exportCsv(done.map)).toBe(exportCsv(before.map));
  });

  it('a wide team sheet (one row per step) lands through the server: steps, lanes, sentiment', async () => {
    const before = await created();
    const sheet = importFile({
      fileName: 'journey.csv',
      text: [
        'Phase,Touchpoint,Customer action,Pain point,Emotion,Budget owner',
        'Sign up,Landing page,Reads the pitch,Too much jargon,confused,Marketing',
        'Sign up,Sign-up form,Fills the form,"Form too long\nNo SSO",frustrated,',
        'Onboard,Welcome tour,Skips the tour,,2,',
      ].join('\r\n'),
      current: before.map,
      newId: (p) => `${p}-w${Math.random().toString(36).slice(2, 8)}`,
    });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const done = unwrap(
      await world.call('map/import', { ...at(), baseVersion: before.version, map: sheet.map }),
    );
    const loaded = unwrap(await world.call('map/load', at())).map;
    expect(loaded).toEqual(done.map);
    const step = (name: string) => loaded?.steps.find((s) => s.name === name);
    expect(
      [step('Landing page'), step('Sign-up form'), step('Welcome tour')].map((s) => s?.sentiment),
    ).toEqual([-1, -2, 2]);
    const onStep = (name: string) =>
      loaded?.cards
        .filter((c) => c.stepId === step(name)?.id)
        .map((c) => `${loaded.lanes.find((l) => l.id === c.laneId)?.name}: ${c.text}`);
    expect(onStep('Sign-up form')).toEqual([
      'Actions: Fills the form',
      'Pain points: Form too long',
      'Pain points: No SSO',
    ]);
    expect(onStep('Landing page')).toContain('Budget owner: Marketing');
    // The worked example's lanes are reused; only the unknown column made a lane.
    expect(loaded?.lanes.length).toBe(before.map.lanes.length + 1);
    expect(loaded?.cards.some((c) => c.text === 'Landing page')).toBe(false);
  });

  it("restores the map on the server and never takes the file's write-up link", async () => {
    const before = await created();
    const hostile = {
      ...createEmptyMap({ title: 'Bad\u0000title' }),
      writeUp: {
        pageId: '12345',
        title: 'Victim page',
        generatedAt: '2026-01-01T00:00:00Z',
        version: 1,
      },
    };
    const done = unwrap(
      await world.call('map/import', { ...at(), baseVersion: before.version, map: hostile }),
    );
    expect(done.map.title).toBe('Badtitle');
    expect(done.map.writeUp).toBeNull();
    expect(done.repairs.map((r) => r.path)).toEqual(['title', 'writeUp']);
  });

  it("refuses a viewer's import and writes nothing", async () => {
    const before = await created();
    world.resetLog();
    const res = await world.call(
      'map/import',
      { ...at(), baseVersion: before.version, map: createEmptyMap({ title: 'Mine now' }) },
      'acc-viewer',
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('FORBIDDEN');
    expect(writes()).toEqual([]);
    expect(unwrap(await world.call('map/load', at())).map).toEqual(before.map);
  });

  it('refuses a map over the payload limit, naming its size, and writes nothing', async () => {
    const before = await created();
    world.resetLog();
    const res = await world.call('map/import', {
      ...at(),
      baseVersion: before.version,
      map: generateMap({ cards: 2600, seed: 2 }),
    });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('TOO_LARGE');
      expect(res.error.message).toMatch(/KB; at most 480 KB/);
    }
    expect(world.restCalls()).toEqual([]);
  });

  it.each([
    ['not a map', { nothing: true }, 'INVALID_INPUT'],
    ['a newer schema', { ...createEmptyMap({ title: 'x' }), schemaVersion: 99 }, 'INVALID_INPUT'],
  ])('refuses %s and writes nothing', async (_name, map, code) => {
    const before = await created();
    world.resetLog();
    const res = await world.call('map/import', { ...at(), baseVersion: before.version, map });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe(code);
    expect(writes()).toEqual([]);
  });

  it('refuses an import built on an old version (someone edited meanwhile): CONFLICT, nothing written', async () => {
    const before = await created();
    unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: before.version,
        ops: [{ type: 'map/setTitle', title: 'Edited meanwhile' }],
      }),
    );
    world.resetLog();
    const res = await world.call('map/import', {
      ...at(),
      baseVersion: before.version,
      map: createEmptyMap({ title: 'Stale' }),
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('CONFLICT');
    expect(writes()).toEqual([]);
    expect(unwrap(await world.call('map/load', at())).map?.title).toBe('Edited meanwhile');
  });
});
