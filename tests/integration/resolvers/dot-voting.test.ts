/**
 * Dot voting and the live agenda through the real resolvers: real @forge/resolver and
 * @forge/api → local Forge runtime → in-process Confluence emulator.
 */
import { describe, expect, it } from 'vitest';
import type { Op } from '../../../src/domain/operations/op-types';
import { rankPainPoints } from '../../../src/domain/ranking/rank-pain-points';
import { dotsSpent } from '../../../src/domain/session/dots';
import { startAgenda } from '../../../src/domain/session/agenda';
import type { World } from './harness';
import { NOW, loadMap, seedOneStepMap, unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = 'b7e1c0de-7a1f-4f7e-9d0a-5c1e2f3a4b5c';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = (): { pageId: string; localId: string } => ({ pageId: world.pageId, localId: LOCAL_ID });
const dot = (voter: string, cardId: string, delta = 1): Op => ({
  type: 'session/castDot',
  voter,
  cardId,
  delta,
});

/** Sends `ops` through `map/apply` on the test map at `baseVersion`, as `accountId`. */
const applyOps = (baseVersion: number, ops: Op[], accountId = 'acc-editor') =>
  world.call('map/apply', { ...at(), baseVersion, ops }, accountId);

/** A blank map with one step and two pain points; answers the version. */
async function mapWithPainPoints(): Promise<number> {
  const seeded = await seedOneStepMap(world, {
    address: at(),
    title: 'Voting',
    lane: 'painPoints',
    cards: { pA: 'Slow', pB: 'Costly' },
  });
  return seeded.version;
}

describe('dot voting through map/apply', () => {
  it('a viewer cannot cast dots, even their own: nothing is written', async () => {
    const version = await mapWithPainPoints();
    const result = await applyOps(version, [dot('acc-viewer', 'pA')], 'acc-viewer');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.version).toBe(version);
    expect(loaded.map?.session.ballots).toEqual([]);
  });

  it('nobody can place dots in someone else’s name', async () => {
    const version = await mapWithPainPoints();
    const result = await applyOps(version, [dot('acc-admin', 'pA')], 'acc-editor');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.field).toBe('ops.0.voter');
    }
    expect(unwrap(await world.call('map/load', at())).version).toBe(version);
  });

  it('refuses a malformed dot op with INVALID_INPUT', async () => {
    const version = await mapWithPainPoints();
    const result = await applyOps(version, [
      { type: 'session/castDot', voter: 'acc-editor', cardId: 'pA', delta: 1.5 },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });

  it('a user cannot exceed the allowance: the extra dot is dropped, the rest saved', async () => {
    const version = await mapWithPainPoints();
    const first = unwrap(await applyOps(version, [{ type: 'session/set', votesPerPerson: 2 }]));
    const result = unwrap(
      await applyOps(first.version, [dot('acc-editor', 'pA', 2), dot('acc-editor', 'pB')]),
    );
    expect(result.dropped.map((d) => [d.index, d.type])).toEqual([[1, 'session/castDot']]);
    expect(result.dropped[0]?.reason).toMatch(/2 dots; 2 already/);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.session.ballots).toEqual([{ voter: 'acc-editor', cardId: 'pA', dots: 2 }]);
  });

  it('two people voting at the same moment are both counted', async () => {
    const version = await mapWithPainPoints();
    const [one, two] = await Promise.all([
      applyOps(version, [dot('acc-editor', 'pA', 2)], 'acc-editor'),
      applyOps(version, [dot('acc-admin', 'pA', 3)], 'acc-admin'),
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
      await applyOps(version, [
        dot('acc-editor', 'pB', 3),
        { type: 'session/revealVotes', revealed: true },
      ]),
    );
    const castMap = await loadMap(world, at());
    expect(castMap.session.votesRevealed).toBe(true);
    expect(rankPainPoints(castMap).map((p) => [p.cardId, p.votes])).toEqual([
      ['pB', 3],
      ['pA', 0],
    ]);
    // Voting is closed once revealed.
    const late = unwrap(await applyOps(cast.version, [dot('acc-editor', 'pA')]));
    expect(late.dropped).toHaveLength(1);
  });
});

describe('who runs the vote (issue 13, item 5)', () => {
  const facilitator = (accountId: string): Op => ({
    type: 'session/setPeople',
    facilitator: { accountId, name: accountId },
  });
  const refused = async (
    ops: Op[],
    accountId: string,
    code: 'FORBIDDEN' | 'INVALID_INPUT',
  ): Promise<void> => {
    const before = unwrap(await world.call('map/load', at()));
    world.resetLog();
    const result = await applyOps(before.version, ops, accountId);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(world.restCalls().filter((c) => c.method !== 'GET')).toEqual([]);
    expect(unwrap(await world.call('map/load', at())).map).toEqual(before.map);
  };

  it('an editor who is not the facilitator cannot change the allowance or reveal', async () => {
    const version = await mapWithPainPoints();
    unwrap(await applyOps(version, [facilitator('acc-admin')], 'acc-admin'));
    await refused([{ type: 'session/set', votesPerPerson: 50 }], 'acc-editor', 'FORBIDDEN');
    await refused([{ type: 'session/revealVotes', revealed: true }], 'acc-editor', 'FORBIDDEN');
    // Nor name themselves facilitator and act in the same batch, nor hand the vote over.
    await refused(
      [facilitator('acc-editor'), { type: 'session/revealVotes', revealed: true }],
      'acc-editor',
      'FORBIDDEN',
    );
    await refused([facilitator('acc-editor')], 'acc-editor', 'FORBIDDEN');
    // They still vote.
    const loaded = unwrap(await world.call('map/load', at()));
    unwrap(await applyOps(loaded.version, [dot('acc-editor', 'pA')]));
  });

  it('with no facilitator named, the person who started the vote runs it', async () => {
    const version = await mapWithPainPoints();
    const started = unwrap(
      await applyOps(version, [{ type: 'session/set', votesPerPerson: 5 }], 'acc-admin'),
    );
    expect(started.map?.session.voteOwner).toBe('acc-admin');
    expect((await loadMap(world, at())).session.voteOwner).toBe('acc-admin');
    await refused([{ type: 'session/revealVotes', revealed: true }], 'acc-editor', 'FORBIDDEN');
    unwrap(
      await applyOps(
        started.version,
        [{ type: 'session/revealVotes', revealed: true }],
        'acc-admin',
      ),
    );
    expect((await loadMap(world, at())).session.votesRevealed).toBe(true);
  });

  it('a reveal is final: the facilitator cannot hide the results again', async () => {
    const version = await mapWithPainPoints();
    unwrap(
      await applyOps(
        version,
        [facilitator('acc-admin'), { type: 'session/revealVotes', revealed: true }],
        'acc-admin',
      ),
    );
    expect((await loadMap(world, at(), 'acc-admin')).session.votesRevealed).toBe(true);
    await refused([{ type: 'session/revealVotes', revealed: false }], 'acc-admin', 'INVALID_INPUT');
  });

  it('allowance + reveal + un-reveal + vote in one batch is refused whole', async () => {
    const version = await mapWithPainPoints();
    unwrap(await applyOps(version, [facilitator('acc-admin')], 'acc-admin'));
    const rigging = (voter: string): Op[] => [
      { type: 'session/set', votesPerPerson: 50 },
      { type: 'session/revealVotes', revealed: true },
      { type: 'session/revealVotes', revealed: false },
      dot(voter, 'pA', 40),
      { type: 'session/revealVotes', revealed: true },
    ];
    await refused(rigging('acc-admin'), 'acc-admin', 'INVALID_INPUT');
    await refused(rigging('acc-editor'), 'acc-editor', 'FORBIDDEN');
  });
});

describe('the live agenda through map/apply', () => {
  it('stores the agenda every viewer reads, and a viewer cannot change it', async () => {
    const version = await mapWithPainPoints();
    const agenda = startAgenda(
      { stepIndex: null, startedAt: null, elapsedSeconds: 0, extraMinutes: [] },
      NOW,
    );
    unwrap(await applyOps(version, [{ type: 'session/setAgenda', agenda }]));
    const seen = unwrap(await world.call('map/load', at(), 'acc-viewer'));
    expect(seen.map?.session.agenda).toEqual(agenda);
    const refused = await applyOps(
      seen.version,
      [{ type: 'session/setAgenda', agenda: { ...agenda, stepIndex: 3 } }],
      'acc-viewer',
    );
    expect(refused.ok).toBe(false);
  });
});

describe('the hand tally and the end of the play (decision 0043)', () => {
  const apply = async (ops: Op[], accountId: string) => {
    const before = unwrap(await world.call('map/load', at()));
    return applyOps(before.version, ops, accountId);
  };
  const vote: Op = { type: 'card/vote', id: 'pA', delta: 2 };

  it('only the facilitator sets the hand tally; another editor is refused and nothing is written', async () => {
    await mapWithPainPoints();
    unwrap(
      await apply(
        [{ type: 'session/setPeople', facilitator: { accountId: 'acc-admin', name: 'Avery' } }],
        'acc-admin',
      ),
    );
    const before = await loadMap(world, at());
    const refused = await apply([vote], 'acc-editor');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect(await loadMap(world, at())).toEqual(before);
    unwrap(await apply([vote], 'acc-admin'));
    const after = await loadMap(world, at());
    expect(after.cards.find((c) => c.id === 'pA')?.painPoint?.votes).toBe(2);
  });

  it('records who ended the play from the save’s author; a new run clears it and its extensions', async () => {
    await mapWithPainPoints();
    const running = startAgenda(
      { stepIndex: null, startedAt: null, elapsedSeconds: 0, extraMinutes: [] },
      NOW,
    );
    const extended = { ...running, extraMinutes: [5] };
    unwrap(await apply([{ type: 'session/setAgenda', agenda: extended }], 'acc-editor'));
    expect((await loadMap(world, at())).session.playEndedBy).toBeNull();
    const ended = { ...extended, stepIndex: null, startedAt: null };
    unwrap(await apply([{ type: 'session/setAgenda', agenda: ended }], 'acc-admin'));
    const afterEnd = await loadMap(world, at(), 'acc-viewer');
    expect(afterEnd.session.playEndedBy).toBe('acc-admin');
    expect(afterEnd.session.agenda.extraMinutes).toEqual([5]);
    unwrap(
      await apply([{ type: 'session/setAgenda', agenda: startAgenda(ended, NOW) }], 'acc-editor'),
    );
    const again = await loadMap(world, at());
    expect(again.session.playEndedBy).toBeNull();
    expect(again.session.agenda.extraMinutes).toEqual([]);
  });
});
