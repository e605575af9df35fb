/**
 * Dot voting and the live agenda through the real resolvers: real @forge/resolver and
 * @forge/api → local Forge runtime → in-process Confluence emulator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../../../src/domain/operations/op-types';
import { rankPainPoints } from '../../../src/domain/ranking/rank-pain-points';
import { dotsSpent } from '../../../src/domain/session/dots';
import { startAgenda } from '../../../src/domain/session/agenda';
import type { World } from './harness';
import { NOW, createWorld, unwrap } from './harness';

const LOCAL_ID = 'b7e1c0de-7a1f-4f7e-9d0a-5c1e2f3a4b5c';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(async () => {
  await world.close();
});

const at = (): { pageId: string; localId: string } => ({ pageId: world.pageId, localId: LOCAL_ID });
const dot = (voter: string, cardId: string, delta = 1): Op => ({
  type: 'session/castDot',
  voter,
  cardId,
  delta,
});

/** A blank map with one step and two pain points; answers the version. */
async function mapWithPainPoints(): Promise<number> {
  const created = unwrap(
    await world.call('map/create', { ...at(), template: 'blank', title: 'Voting' }),
  );
  const laneId = created.map.lanes.find((l) => l.type === 'painPoints')?.id ?? '';
  const ops: Op[] = [
    { type: 'stage/add', id: 'stage1', name: 'Evaluate' },
    { type: 'step/add', id: 'step1', stageId: 'stage1', name: 'Clicks TRY' },
    { type: 'card/add', id: 'pA', laneId, stepId: 'step1', kind: 'painPoint', text: 'Slow' },
    { type: 'card/add', id: 'pB', laneId, stepId: 'step1', kind: 'painPoint', text: 'Costly' },
  ];
  return unwrap(await world.call('map/apply', { ...at(), baseVersion: created.version, ops }))
    .version;
}

describe('dot voting through map/apply', () => {
  it('a viewer cannot cast dots, even their own: nothing is written', async () => {
    const version = await mapWithPainPoints();
    const result = await world.call(
      'map/apply',
      { ...at(), baseVersion: version, ops: [dot('acc-viewer', 'pA')] },
      'acc-viewer',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.version).toBe(version);
    expect(loaded.map?.session.ballots).toEqual([]);
  });

  it('nobody can place dots in someone else’s name', async () => {
    const version = await mapWithPainPoints();
    const result = await world.call(
      'map/apply',
      { ...at(), baseVersion: version, ops: [dot('acc-admin', 'pA')] },
      'acc-editor',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.field).toBe('ops.0.voter');
    }
    expect(unwrap(await world.call('map/load', at())).version).toBe(version);
  });

  it('refuses a malformed dot op with INVALID_INPUT', async () => {
    const version = await mapWithPainPoints();
    const result = await world.call('map/apply', {
      ...at(),
      baseVersion: version,
      ops: [{ type: 'session/castDot', voter: 'acc-editor', cardId: 'pA', delta: 1.5 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });

  it('a user cannot exceed the allowance: the extra dot is dropped, the rest saved', async () => {
    const version = await mapWithPainPoints();
    const first = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: version,
        ops: [{ type: 'session/set', votesPerPerson: 2 }],
      }),
    );
    const result = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: first.version,
        ops: [dot('acc-editor', 'pA', 2), dot('acc-editor', 'pB')],
      }),
    );
    expect(result.dropped.map((d) => [d.index, d.type])).toEqual([[1, 'session/castDot']]);
    expect(result.dropped[0]?.reason).toMatch(/2 dots; 2 already/);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.session.ballots).toEqual([{ voter: 'acc-editor', cardId: 'pA', dots: 2 }]);
  });

  it('two people voting at the same moment are both counted', async () => {
    const version = await mapWithPainPoints();
    const [one, two] = await Promise.all([
      world.call(
        'map/apply',
        { ...at(), baseVersion: version, ops: [dot('acc-editor', 'pA', 2)] },
        'acc-editor',
      ),
      world.call(
        'map/apply',
        { ...at(), baseVersion: version, ops: [dot('acc-admin', 'pA', 3)] },
        'acc-admin',
      ),
    ]);
    unwrap(one);
    unwrap(two);
    const loaded = unwrap(await world.call('map/load', at()));
    const ballots = loaded.map?.session.ballots ?? [];
    expect(dotsSpent(ballots, 'acc-editor')).toBe(2);
    expect(dotsSpent(ballots, 'acc-admin')).toBe(3);
    expect(loaded.version).toBe(version + 2);
  });

  it('revealed dots rank the pain points, and voting closes once revealed', async () => {
    const version = await mapWithPainPoints();
    const cast = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: version,
        ops: [dot('acc-editor', 'pB', 3), { type: 'session/revealVotes', revealed: true }],
      }),
    );
    expect(cast.map.session.votesRevealed).toBe(true);
    expect(rankPainPoints(cast.map).map((p) => [p.cardId, p.votes])).toEqual([
      ['pB', 3],
      ['pA', 0],
    ]);
    // Voting is closed once revealed.
    const late = unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: cast.version,
        ops: [dot('acc-editor', 'pA')],
      }),
    );
    expect(late.dropped).toHaveLength(1);
  });
});

describe('the live agenda through map/apply', () => {
  it('stores the agenda every viewer reads, and a viewer cannot change it', async () => {
    const version = await mapWithPainPoints();
    const agenda = startAgenda(
      { stepIndex: null, startedAt: null, elapsedSeconds: 0, extraMinutes: [] },
      NOW,
    );
    unwrap(
      await world.call('map/apply', {
        ...at(),
        baseVersion: version,
        ops: [{ type: 'session/setAgenda', agenda }],
      }),
    );
    const seen = unwrap(await world.call('map/load', at(), 'acc-viewer'));
    expect(seen.map?.session.agenda).toEqual(agenda);
    const refused = await world.call(
      'map/apply',
      {
        ...at(),
        baseVersion: seen.version,
        ops: [{ type: 'session/setAgenda', agenda: { ...agenda, stepIndex: 3 } }],
      },
      'acc-viewer',
    );
    expect(refused.ok).toBe(false);
  });
});
