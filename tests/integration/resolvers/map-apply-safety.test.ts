/**
 * `map/apply` answers only what the caller may read, read as them in the same invocation
 * (issue 13 item 1), and applies each batch once however often it is resent (item 3): real
 * @forge/resolver and @forge/api → local Forge runtime → in-process Confluence emulator.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import type { Op } from '../../../src/domain/operations/op-types';
import { dotsSpent } from '../../../src/domain/session/dots';
import type { World } from './harness';
import { loadMap, seedOneStepMap, unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = 'c41e9f7a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const SECRET_TITLE = 'Pricing secrets: margin by tier';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = (pageId = world.pageId): { pageId: string; localId: string } => ({
  pageId,
  localId: LOCAL_ID,
});
/** An op that changes nothing: its target does not exist, so it is dropped. */
const NO_OP: Op = { type: 'card/delete', id: 'no-such-card' };

/** The demo's restricted page (view and edit: Avery and Eddie), with a map Avery has used. */
async function restrictedMap(): Promise<{ pageId: string; version: number }> {
  const page = world.emulator.store.createPage({
    spaceKey: 'CX',
    title: DEMO_TITLES.restricted,
    authorId: 'acc-admin',
  });
  world.emulator.store.restrictPage({
    pageId: page.id,
    view: ['acc-admin', 'acc-editor'],
    edit: ['acc-admin', 'acc-editor'],
  });
  const created = unwrap(
    await world.call(
      'map/create',
      { ...at(page.id), template: 'worked-example', title: SECRET_TITLE },
      'acc-admin',
    ),
  );
  unwrap(await world.call('map/load', at(page.id), 'acc-admin'));
  const applied = unwrap(
    await world.call(
      'map/apply',
      {
        ...at(page.id),
        baseVersion: created.version,
        ops: [{ type: 'map/setTitle', title: `${SECRET_TITLE} (v2)` }],
      },
      'acc-admin',
    ),
  );
  return { pageId: page.id, version: applied.version };
}

describe('map/apply never answers map content the caller did not read as themselves', () => {
  it('an outsider sending a no-op batch to a restricted map gets NOT_FOUND and nothing of it', async () => {
    const { pageId, version } = await restrictedMap();
    world.resetLog();
    for (const baseVersion of [0, version]) {
      const result = await world.call(
        'map/apply',
        { ...at(pageId), baseVersion, ops: [NO_OP] },
        'acc-outsider',
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(result.error.code);
      expect(JSON.stringify(result)).not.toContain('Pricing secrets');
    }
    // The refusal came from Confluence, asked as the outsider.
    const calls = world.emulator.log.entries();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.principal === 'user:acc-outsider' && c.status === 404)).toBe(true);
  });

  it('a viewer’s no-op batch answers exactly what map/load answers them, read as them', async () => {
    const created = unwrap(
      await world.call('map/create', { ...at(), template: 'worked-example', title: 'Open map' }),
    );
    const edited = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: created.version,
        ops: [{ type: 'map/setTitle', title: 'Open map, edited' }],
      }),
    );
    world.resetLog();
    const answer = unwrap(
      await world.call(
        'map/apply',
        { ...at(), baseVersion: edited.version, ops: [NO_OP] },
        'acc-viewer',
      ),
    );
    const reads = world.emulator.log.entries();
    expect(reads.map((c) => [c.method, c.principal])).toEqual([['GET', 'user:acc-viewer']]);
    const loaded = unwrap(await world.call('map/load', at(), 'acc-viewer'));
    // Nothing changed: the answer says so (no ops) and carries no map content at all.
    expect(answer.map).toBeNull();
    expect(answer.change).toEqual({ ops: [], updatedAt: loaded.map?.updatedAt });
    expect(answer.version).toBe(loaded.version);
    expect(answer.dropped.map((d) => d.type)).toEqual(['card/delete']);
  });
});

/** A blank map with one pain point and a vote allowance of 5; answers the version. */
async function votingMap(): Promise<number> {
  const seeded = await seedOneStepMap(world, {
    address: at(),
    title: 'Voting',
    lane: 'painPoints',
    cards: { pA: 'Slow' },
    extraOps: [{ type: 'session/set', votesPerPerson: 5 }],
  });
  return seeded.version;
}

const castDot = (voter: string): Op => ({
  type: 'session/castDot',
  voter,
  cardId: 'pA',
  delta: 1,
});

/** The voting map's version and a batch `batchId` that casts one of Eddie's dots on it. */
async function editorDotBatch(batchId: string) {
  const version = await votingMap();
  return {
    version,
    batch: { ...at(), baseVersion: version, batchId, ops: [castDot('acc-editor')] },
  };
}

async function ballots(): Promise<{ version: number; editorDots: number }> {
  const loaded = unwrap(await world.call('map/load', at()));
  return {
    version: loaded.version,
    editorDots: dotsSpent(loaded.map?.session.ballots ?? [], 'acc-editor'),
  };
}

describe('map/apply applies a batch once, however often it is resent', () => {
  it('a resend of the same batch (a lost answer) is applied once and answered the same', async () => {
    const { version, batch } = await editorDotBatch('batch-vote-0001');
    const first = unwrap(await world.call('map/apply', batch));
    world.resetLog();
    const again = unwrap(await world.call('map/apply', batch));
    // Answered the same, with the map instead of the change (which base it follows is unknown).
    expect({ ...again, map: null, change: null }).toEqual({ ...first, map: null, change: null });
    expect(first.change?.ops).toEqual([castDot('acc-editor')]);
    // One read, nothing written.
    expect(world.restCalls().map((c) => c.method)).toEqual(['GET']);
    expect(again.map).toEqual(unwrap(await world.call('map/load', at())).map);
    expect(await ballots()).toEqual({ version: version + 1, editorDots: 1 });
  });

  it('a resend after someone else’s later save is still applied once, with the latest map', async () => {
    const { version, batch } = await editorDotBatch('batch-vote-0002');
    const first = unwrap(await world.call('map/apply', batch));
    const theirs = unwrap(
      await world.call(
        'map/apply',
        { ...at(), baseVersion: first.version, ops: [castDot('acc-admin')] },
        'acc-admin',
      ),
    );
    const again = unwrap(await world.call('map/apply', batch));
    expect(again.version).toBe(theirs.version);
    expect(again.map).toEqual(unwrap(await world.call('map/load', at())).map);
    expect({ dropped: again.dropped, overwritten: again.overwritten }).toEqual({
      dropped: first.dropped,
      overwritten: first.overwritten,
    });
    expect(await ballots()).toEqual({ version: version + 2, editorDots: 1 });
  });

  it('a batch whose head PUT committed but whose answer was lost is not applied again', async () => {
    const { version, batch } = await editorDotBatch('batch-vote-0003');
    world.emulator.faults.inject({
      status: 500,
      count: 1,
      afterCommit: true,
      match: { method: 'PUT', pathPrefix: `/wiki/api/v2/pages/${world.pageId}/properties/` },
    });
    const lost = await world.call('map/apply', batch);
    // Whatever the first call answered, the write is in Confluence.
    expect((await ballots()).editorDots).toBe(1);
    const again = unwrap(await world.call('map/apply', batch));
    expect(again.version).toBe(version + 1);
    expect(dotsSpent((await loadMap(world, at())).session.ballots, 'acc-editor')).toBe(1);
    // The resend is answered like the first time (with the map rather than the change).
    const gist = ({ version: v, dropped, rebased, overwritten }: typeof again): unknown => ({
      v,
      dropped,
      rebased,
      overwritten,
    });
    if (lost.ok) expect(gist(again)).toEqual(gist(lost.data));
    expect(again.map).not.toBeNull();
    expect(await ballots()).toEqual({ version: version + 1, editorDots: 1 });
  });

  it('the same batch id from another person is their own batch, not a resend', async () => {
    const version = await votingMap();
    const id = 'batch-shared-0004';
    unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: version,
        batchId: id,
        ops: [castDot('acc-editor')],
      }),
    );
    const admin = unwrap(
      await world.call(
        'map/apply',
        { ...at(), baseVersion: version + 1, batchId: id, ops: [castDot('acc-admin')] },
        'acc-admin',
      ),
    );
    expect(admin.version).toBe(version + 2);
    expect(dotsSpent((await loadMap(world, at())).session.ballots, 'acc-admin')).toBe(1);
  });

  it('refuses a batch without a valid batchId with INVALID_INPUT, writing nothing', async () => {
    const version = await votingMap();
    for (const batchId of [undefined, 'short', 'has spaces in it', 'x'.repeat(65)]) {
      const result = await world.call('map/apply', {
        ...at(),
        baseVersion: version,
        batchId,
        ops: [castDot('acc-editor')],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.field).toBe('batchId');
      }
    }
    expect(await ballots()).toEqual({ version, editorDots: 0 });
  });
});
