/**
 * map/load, map/create, map/apply and map/version end to end: real @forge/resolver and
 * @forge/api → local Forge runtime → in-process Confluence emulator.
 */
import { SUMMARY_PROPERTY_KEY } from '../../../src/domain/summary';
import { describe, expect, it } from 'vitest';
import { mapPropertyKey } from '../../../src/domain/codec';
import type { Op } from '../../../src/domain/operations/op-types';
import type { World } from './harness';
import { loadMap, seedOneStepMap, unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = '5f0c2a8e-1b7d-4c3e-9a61-0d2f7e4b9c10';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = (): { pageId: string; localId: string } => ({ pageId: world.pageId, localId: LOCAL_ID });

/** A blank map with one step and two action cards ('cardA', 'cardB'). */
async function createBlankWithCards(): Promise<{
  version: number;
  laneId: string;
  stepId: string;
}> {
  const seeded = await seedOneStepMap(world, {
    address: at(),
    title: 'Trial',
    lane: 'actions',
    cards: { cardA: 'A', cardB: 'B' },
  });
  return { ...seeded, stepId: 'step1' };
}

/** Sends `ops` through `map/apply` on the test map at `baseVersion`, as `accountId`. */
const applyOps = (baseVersion: number, ops: Op[], accountId = 'acc-editor') =>
  world.call('map/apply', { ...at(), baseVersion, ops }, accountId);

/** A `card/edit` of the card's text. */
const edit = (id: string, text: string): Op => ({ type: 'card/edit', id, patch: { text } });

/** Answers the next `count` PUTs with 429 and a Retry-After of `retryAfterSeconds`. */
const throttlePuts = (args: { count: number; retryAfterSeconds: number }): void =>
  world.emulator.faults.inject({ status: 429, ...args, match: { method: 'PUT' } });

const writes = (): { method: string; path: string; status: number }[] =>
  world.restCalls().filter((c) => c.method !== 'GET');

describe('map/load', () => {
  it('answers null and version 0 when the macro has no map yet, with one REST call and no writes', async () => {
    world.resetLog();
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded).toMatchObject({
      map: null,
      version: 0,
      capabilities: { canEdit: true },
      repairs: [],
    });
    expect(world.restCalls()).toHaveLength(1);
    expect(writes()).toEqual([]);
  });

  it('loads what map/create stored, in exactly one REST call', async () => {
    const created = unwrap(await world.call('map/create', { ...at(), template: 'worked-example' }));
    world.resetLog();
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.version).toBe(created.version);
    expect(loaded.map).toEqual(created.map);
    expect(world.restCalls()).toHaveLength(1);
  });

  it('answers FORBIDDEN (log in) for an anonymous viewer, without a REST call', async () => {
    world.resetLog();
    const result = await world.call('map/load', at(), null);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message).toMatch(/Log in/);
    }
    expect(world.restCalls()).toEqual([]);
  });

  it('answers NOT_FOUND for a page the user cannot see', async () => {
    world.emulator.store.restrictPage({ pageId: world.pageId, view: ['acc-editor'] });
    const result = await world.call('map/load', at(), 'acc-outsider');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});

describe('map/create', () => {
  it('creates version 1 from a template and refuses a second create with ALREADY_EXISTS', async () => {
    const created = unwrap(
      await world.call('map/create', { ...at(), template: 'blank', title: 'Onboarding' }),
    );
    expect(created.version).toBe(1);
    expect(created.map.title).toBe('Onboarding');
    world.resetLog();
    const again = await world.call('map/create', { ...at(), template: 'blank' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('ALREADY_EXISTS');
    expect(writes()).toEqual([]);
  });

  it('writes the page summary with the new map', async () => {
    unwrap(await world.call('map/create', { ...at(), template: 'worked-example' }));
    const summary = world.emulator.store.propertyByKey('page', world.pageId, SUMMARY_PROPERTY_KEY);
    expect(summary).toBeDefined();
  });
});

describe('map/apply', () => {
  it('applies ops, bumps the version and round-trips through map/load', async () => {
    const { version } = await createBlankWithCards();
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.version).toBe(version);
    expect(loaded.map?.cards.map((c) => c.text)).toEqual(['A', 'B']);
    expect(loaded.map?.stages.map((s) => s.name)).toContain('Evaluate');
  });

  it('costs two REST calls for a plain edit (read as the user + write) and one more only when summary fields change', async () => {
    const { version } = await createBlankWithCards();
    unwrap(await world.call('map/load', at()));

    world.resetLog();
    const edited = unwrap(await applyOps(version, [edit('cardA', 'A, edited')]));
    expect(edited.version).toBe(version + 1);
    // Every save reads as the user first: nothing is cached across invocations (decision 0014).
    expect(world.restCalls().map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200', 'PUT 200']);

    world.resetLog();
    unwrap(await applyOps(edited.version, [{ type: 'map/setTitle', title: 'Trial to purchase' }]));
    const calls = world.restCalls();
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['GET 200', 'PUT 200', 'PUT 200']);
    const summary = world.emulator.store.propertyByKey('page', world.pageId, SUMMARY_PROPERTY_KEY);
    expect(JSON.stringify(summary?.value)).toContain('Trial to purchase');

    // The next summary-changing edit costs the same 3.
    world.resetLog();
    unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: edited.version + 1,
        ops: [{ type: 'map/setTitle', title: 'Trial to purchase, again' }],
      }),
    );
    expect(world.restCalls().map((c) => `${c.method} ${c.status}`)).toEqual([
      'GET 200',
      'PUT 200',
      'PUT 200',
    ]);
  });

  it('keeps both edits when two people change different cards at the same time', async () => {
    const { version } = await createBlankWithCards();
    const [one, two] = await Promise.all([
      applyOps(version, [edit('cardA', 'A by Eddie')]),
      applyOps(version, [edit('cardB', 'B by Avery')], 'acc-admin'),
    ]);
    const a = unwrap(one);
    const b = unwrap(two);
    expect([a.version, b.version].sort()).toEqual([version + 1, version + 2]);
    expect(a.rebased || b.rebased).toBe(true);
    expect(a.overwritten).toEqual([]);
    expect(b.overwritten).toEqual([]);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.cards.map((c) => c.text)).toEqual(['A by Eddie', 'B by Avery']);
  });

  it('is last-writer-wins on the same field, and the later save lists it in `overwritten`', async () => {
    const { version } = await createBlankWithCards();
    const first = unwrap(await applyOps(version, [edit('cardA', 'Eddie wrote this')]));
    expect(first.overwritten).toEqual([]);
    const second = unwrap(
      await applyOps(version, [edit('cardA', 'Avery wrote this')], 'acc-admin'),
    );
    expect(second.rebased).toBe(true);
    expect(second.overwritten.length).toBeGreaterThan(0);
    expect(second.overwritten.every((f) => f.includes('cardA'))).toBe(true);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.cards.find((c) => c.id === 'cardA')?.text).toBe('Avery wrote this');
  });

  it('does not report a field as overwritten when the other person changed a different one', async () => {
    const { version } = await createBlankWithCards();
    unwrap(await applyOps(version, [edit('cardB', 'other card')]));
    const mine = unwrap(await applyOps(version, [edit('cardA', 'mine')], 'acc-admin'));
    expect(mine.rebased).toBe(true);
    expect(mine.overwritten).toEqual([]);
  });

  it('reports ops whose target is gone as dropped and still saves the rest', async () => {
    const { version } = await createBlankWithCards();
    const result = unwrap(
      await applyOps(version, [edit('no-such-card', 'x'), edit('cardA', 'kept')]),
    );
    expect(result.dropped).toHaveLength(1);
    expect(result.dropped[0]).toMatchObject({ index: 0, type: 'card/edit' });
    expect(result.map).toBeNull();
    expect(result.change?.ops).toEqual([edit('cardA', 'kept')]);
    const saved = await loadMap(world, at());
    expect(saved.cards.find((c) => c.id === 'cardA')?.text).toBe('kept');
  });

  it('retries a 429 after Retry-After and succeeds', async () => {
    const { version } = await createBlankWithCards();
    throttlePuts({ count: 2, retryAfterSeconds: 2 });
    world.deps.sleeps.length = 0;
    const result = unwrap(await applyOps(version, [edit('cardA', 'after throttling')]));
    expect(result.version).toBe(version + 1);
    expect(world.deps.sleeps).toHaveLength(2);
    expect(world.deps.sleeps.every((ms) => ms >= 2_000)).toBe(true);
  });

  it('gives up after bounded 429 retries with RATE_LIMITED, writing nothing', async () => {
    const { version } = await createBlankWithCards();
    throttlePuts({ count: 10, retryAfterSeconds: 1 });
    const result = await applyOps(version, [edit('cardA', 'never')]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('RATE_LIMITED');
    world.emulator.faults.clear();
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.version).toBe(version);
  });

  it('answers SERVER_ERROR on a 500 and leaves the stored map as it was', async () => {
    const { version } = await createBlankWithCards();
    const before = unwrap(await world.call('map/load', at()));
    world.emulator.faults.inject({ status: 500, count: 1, match: { method: 'PUT' } });
    const result = await applyOps(version, [edit('cardA', 'lost')]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('SERVER_ERROR');
      expect(result.error.message).not.toMatch(/at .*\.ts|Error:/);
    }
    const after = unwrap(await world.call('map/load', at()));
    expect(after).toEqual(before);
  });

  it('answers NOT_FOUND when there is no map to apply to', async () => {
    const result = await applyOps(0, [{ type: 'map/setTitle', title: 'x' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});

describe('viewers', () => {
  it('get canEdit=false with a reason, and FORBIDDEN on apply and create, with nothing written', async () => {
    const { version } = await createBlankWithCards();
    const loaded = unwrap(await world.call('map/load', at(), 'acc-viewer'));
    expect(loaded.capabilities.canEdit).toBe(false);
    expect(loaded.capabilities.reason).toMatch(/read-only/);
    expect(loaded.map).not.toBeNull();

    world.resetLog();
    const applied = await applyOps(version, [edit('cardA', 'no')], 'acc-viewer');
    expect(applied.ok).toBe(false);
    if (!applied.ok) {
      expect(applied.error.code).toBe('FORBIDDEN');
      expect(applied.error.message).toMatch(/permission/);
    }
    const created = await world.call(
      'map/create',
      { pageId: world.pageId, localId: 'other-macro', template: 'blank' },
      'acc-viewer',
    );
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.code).toBe('FORBIDDEN');
    expect(writes().filter((c) => c.status < 400)).toEqual([]);
    expect(unwrap(await world.call('map/load', at())).version).toBe(version);
  });
});

describe('invalid payloads', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['map/load', 'a non-numeric page id', { pageId: 'abc', localId: 'x' }, 'pageId'],
    ['map/load', 'a missing localId', { pageId: '1' }, 'localId'],
    [
      'map/create',
      'an unknown template',
      { pageId: '1', localId: 'x', template: 'fancy' },
      'template',
    ],
    ['map/apply', 'no ops', { pageId: '1', localId: 'x', baseVersion: 1, ops: [] }, 'ops'],
    [
      'map/apply',
      'a negative base version',
      { pageId: '1', localId: 'x', baseVersion: -1, ops: [{ type: 'map/setTitle', title: 'x' }] },
      'baseVersion',
    ],
    [
      'map/apply',
      'an op without a type',
      { pageId: '1', localId: 'x', baseVersion: 1, ops: [{ title: 'x' }] },
      'ops.0.type',
    ],
    [
      'map/apply',
      'a client-sent write-up link (only writeup/generate sets it)',
      {
        pageId: '1',
        localId: 'x',
        baseVersion: 1,
        ops: [
          { type: 'map/setTitle', title: 'x' },
          { type: 'map/setWriteUp', writeUp: null },
        ],
      },
      'ops.1',
    ],
    [
      'map/apply',
      'an op whose field has the wrong type (checked by its definition)',
      {
        pageId: '1',
        localId: 'x',
        baseVersion: 1,
        ops: [{ type: 'card/edit', id: 'a', patch: { kind: 'gripe' } }],
      },
      'ops.0.patch.kind',
    ],
    [
      'map/apply',
      'an op type nobody defined',
      { pageId: '1', localId: 'x', baseVersion: 1, ops: [{ type: 'card/explode', id: 'a' }] },
      'ops.0.type',
    ],
    ['photos/list', 'a page id with a path', { pageId: '1/../2' }, 'pageId'],
  ];
  it.each(cases)(
    '%s with %s → INVALID_INPUT naming the field, no REST call',
    async (key, _what, payload, field) => {
      world.resetLog();
      const result = await world.call(key as 'map/load', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.field).toBe(field);
      }
      expect(world.restCalls()).toEqual([]);
    },
  );
});

describe('map/version', () => {
  it('answers the head version with one GET filtered by key', async () => {
    const { version } = await createBlankWithCards();
    world.resetLog();
    const result = unwrap(await world.call('map/version', at()));
    expect(result.version).toBe(version);
    const calls = world.emulator.log.entries();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toContain(`key=${mapPropertyKey(LOCAL_ID)}`);
  });

  it('answers 0 when there is no map', async () => {
    expect(unwrap(await world.call('map/version', at())).version).toBe(0);
  });
});
