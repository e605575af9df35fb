/**
 * `routing/get` / `routing/set` against the emulator: anyone who sees the space reads the rules,
 * only space admins change them (a space property write needs the space Admin permission), and
 * the write is made as the user, never through the app.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTING_PROPERTY_KEY } from '../../../src/domain/routing';
import type { World } from '../resolvers/harness';
import { createWorld, spacePageContext, unwrap } from '../resolvers/harness';

let world: World;
let spaceId: string;
beforeEach(async () => {
  world = await createWorld();
  spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
});
afterEach(async () => {
  await world.close();
});

const RULES = {
  channels: { web: 'Web team', phone: 'Contact centre' },
  stages: { purchase: 'Billing' },
  lanes: { backstage: 'Platform' },
};

describe('routing rules', () => {
  it('reads empty rules and who may edit them, in two REST calls (rules under either key: one unfiltered list)', async () => {
    world.resetLog();
    const asViewer = unwrap(await world.call('routing/get', { spaceId }, 'acc-viewer'));
    expect(asViewer).toMatchObject({
      rules: { channels: {}, stages: {}, lanes: {} },
      version: 0,
      canEdit: false,
    });
    expect(asViewer.reason).toMatch(/Only space admins can change routing rules/);
    // The space's properties (current and pre-0020 key in one list), the operations.
    expect(world.restCalls()).toHaveLength(2);
    // Eddie edits pages in CX but is no space admin: read-only, with the reason.
    const asEditor = unwrap(await world.call('routing/get', { spaceId }, 'acc-editor'));
    expect(asEditor.canEdit).toBe(false);
    expect(asEditor.reason).toMatch(/Only space admins can change routing rules/);
    const asAdmin = unwrap(await world.call('routing/get', { spaceId }, 'acc-admin'));
    expect(asAdmin.canEdit).toBe(true);
    expect(asAdmin.reason).toBeUndefined();
  });

  it('lets a space admin save, writing as the user (never as the app)', async () => {
    world.resetLog();
    const saved = unwrap(
      await world.call('routing/set', { spaceId, rules: RULES, baseVersion: 0 }, 'acc-admin'),
    );
    expect(saved.version).toBe(1);
    const log = world.emulator.log.entries();
    const write = log.findIndex((e) => e.route === 'spaceProperties.create');
    expect(write).toBeGreaterThanOrEqual(0);
    expect(log[write]?.principal).toBe('user:acc-admin');
    expect(log.filter((e) => e.principal === 'app')).toEqual([]);
    const stored = world.emulator.store.propertyByKey('space', spaceId, ROUTING_PROPERTY_KEY);
    expect(stored?.value).toEqual(RULES);

    const again = unwrap(await world.call('routing/get', { spaceId }, 'acc-viewer'));
    expect(again).toMatchObject({ rules: RULES, version: 1, canEdit: false });
    const next = { ...RULES, lanes: {} };
    const updated = unwrap(
      await world.call('routing/set', { spaceId, rules: next, baseVersion: 1 }, 'acc-admin'),
    );
    expect(updated.version).toBe(2);
  });

  it('refuses editors, viewers and anonymous people without writing anything', async () => {
    world.resetLog();
    const editor = await world.call(
      'routing/set',
      { spaceId, rules: RULES, baseVersion: 0 },
      'acc-editor',
    );
    expect(editor).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only space admins/) as unknown },
    });
    const viewer = await world.call(
      'routing/set',
      { spaceId, rules: RULES, baseVersion: 0 },
      'acc-viewer',
    );
    expect(viewer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anonymous = await world.call(
      'routing/set',
      { spaceId, rules: RULES, baseVersion: 0 },
      null,
    );
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(world.restCalls().filter((c) => c.method !== 'GET')).toEqual([]);
    expect(
      world.emulator.store.propertyByKey('space', spaceId, ROUTING_PROPERTY_KEY),
    ).toBeUndefined();
  });

  it('answers CONFLICT when someone saved since the rules were read', async () => {
    unwrap(await world.call('routing/set', { spaceId, rules: RULES, baseVersion: 0 }, 'acc-admin'));
    const stale = await world.call(
      'routing/set',
      { spaceId, rules: { channels: {}, stages: {}, lanes: {} }, baseVersion: 0 },
      'acc-admin',
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const stored = world.emulator.store.propertyByKey('space', spaceId, ROUTING_PROPERTY_KEY);
    expect(stored?.value).toEqual(RULES);
  });

  it('validates the rules and the space id', async () => {
    const badLane = await world.call(
      'routing/set',
      { spaceId, rules: { channels: {}, stages: {}, lanes: { nope: 'X' } }, baseVersion: 0 },
      'acc-admin',
    );
    expect(badLane).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const emptyTeam = await world.call(
      'routing/set',
      { spaceId, rules: { channels: { web: '  ' }, stages: {}, lanes: {} }, baseVersion: 0 },
      'acc-admin',
    );
    expect(emptyTeam).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badSpace = await world.call('routing/get', { spaceId: '../pages' }, 'acc-editor');
    expect(badSpace).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'spaceId' },
    });
    // From the CX space page, another space's id is refused before anything is read.
    const unknown = await world.call(
      'routing/get',
      { spaceId: '999999' },
      'acc-editor',
      spacePageContext(world.emulator, 'CX'),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
