import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { journeyMapSchema } from '../../../../src/domain/model/schema';
import { restore } from '../../../../src/domain/model/restore';
import { applyAll } from '../../../../src/domain/operations/apply';
import type { Op } from '../../../../src/domain/operations/op-types';
import { changedFields } from '../../../../src/domain/operations/changed-fields';
import { rankPainPoints } from '../../../../src/domain/ranking/rank-pain-points';
import { dotsCast, dotsSpent, revealedDots } from '../../../../src/domain/session/dots';
import { fixtureMap } from '../model/fixture';
import type { Row } from '../operations/table';
import { runRows } from '../operations/table';

const dot = (voter: string, cardId: string, delta = 1): Op => ({
  type: 'session/castDot',
  voter,
  cardId,
  delta,
});

describe('session/castDot', () => {
  const rows: Row[] = [
    {
      name: 'places a dot on a pain point',
      op: dot('acc-a', 'pain1'),
      check: (m) =>
        expect(m.session.ballots).toEqual([{ voter: 'acc-a', cardId: 'pain1', dots: 1 }]),
    },
    {
      name: 'places up to the allowance on one card',
      op: dot('acc-a', 'pain1', 3),
      check: (m) => expect(dotsSpent(m.session.ballots, 'acc-a')).toBe(3),
    },
    {
      name: 'refuses a dot beyond the allowance',
      before: [dot('acc-a', 'pain1', 2), dot('acc-a', 'pain2')],
      op: dot('acc-a', 'pain2'),
      dropped: /3 dots; 3 already placed/,
    },
    {
      name: 'one person’s spending does not limit another',
      before: [dot('acc-a', 'pain1', 3)],
      op: dot('acc-b', 'pain1', 3),
      check: (m) => expect(dotsCast(m.session.ballots)).toBe(6),
    },
    {
      name: 'takes a dot back',
      before: [dot('acc-a', 'pain1', 2)],
      op: dot('acc-a', 'pain1', -1),
      check: (m) =>
        expect(m.session.ballots).toEqual([{ voter: 'acc-a', cardId: 'pain1', dots: 1 }]),
    },
    {
      name: 'taking the last dot back removes the ballot',
      before: [dot('acc-a', 'pain1')],
      op: dot('acc-a', 'pain1', -1),
      check: (m) => expect(m.session.ballots).toEqual([]),
    },
    {
      name: 'cannot take back a dot one never placed (or someone else’s)',
      before: [dot('acc-b', 'pain1')],
      op: dot('acc-a', 'pain1', -1),
      dropped: /no dot of yours/,
    },
    { name: 'dots go on pain points only', op: dot('acc-a', 'a1'), dropped: /pain points only/ },
    { name: 'a missing card takes no dot', op: dot('acc-a', 'gone'), dropped: /pain points only/ },
    {
      name: 'voting is closed once revealed',
      before: [{ type: 'session/revealVotes', revealed: true }],
      op: dot('acc-a', 'pain1'),
      dropped: /revealed/,
    },
    { name: 'a fractional delta is dropped', op: dot('acc-a', 'pain1', 0.5), dropped: /whole/ },
    { name: 'an empty voter is dropped', op: dot('', 'pain1'), dropped: /voter/ },
    { name: 'delta 0 changes nothing', op: dot('acc-a', 'pain1', 0), noop: true },
    {
      name: 'the allowance cannot go below what someone spent',
      before: [dot('acc-a', 'pain1', 2)],
      op: { type: 'session/set', votesPerPerson: 1 },
      check: (m) => expect(m.session.votesPerPerson).toBe(2),
    },
    {
      name: 'ballots stay in canonical order (voter, card)',
      before: [dot('acc-b', 'pain2'), dot('acc-a', 'pain2')],
      op: dot('acc-a', 'pain1'),
      check: (m) =>
        expect(m.session.ballots.map((b) => `${b.voter}/${b.cardId}`)).toEqual([
          'acc-a/pain1',
          'acc-a/pain2',
          'acc-b/pain2',
        ]),
    },
  ];
  runRows(rows);

  it('a dot on a deleted card still counts against the allowance and can be taken back', () => {
    const m = applyAll(fixtureMap(), [
      dot('acc-a', 'pain1', 3),
      { type: 'card/delete', id: 'pain1' },
    ]).map;
    expect(applyAll(m, [dot('acc-a', 'pain2')]).dropped).toHaveLength(1);
    expect(applyAll(m, [dot('acc-a', 'pain1', -1)]).dropped).toHaveLength(0);
  });
});

describe('concurrent dot voting (rebase)', () => {
  it('two people voting at once on the same card both count', () => {
    const base = fixtureMap();
    const remote = applyAll(base, [dot('acc-a', 'pain1')]).map;
    const result = applyAll(remote, [dot('acc-b', 'pain1', 2)]);
    expect(result.dropped).toEqual([]);
    expect(revealedDots({ ...result.map.session, votesRevealed: true }).get('pain1')).toBe(3);
  });

  it('one person in two tabs cannot exceed the allowance', () => {
    const base = fixtureMap();
    const remote = applyAll(base, [dot('acc-a', 'pain1', 2)]).map;
    const result = applyAll(remote, [dot('acc-a', 'pain2', 2)]);
    expect(result.dropped).toHaveLength(1);
    expect(dotsSpent(result.map.session.ballots, 'acc-a')).toBe(2);
  });

  it('lists one field path per voter and card', () => {
    const base = fixtureMap();
    const after = applyAll(base, [dot('acc-a', 'pain1'), dot('acc-b', 'pain1')]).map;
    expect(changedFields(base, after)).toEqual([
      'session.ballots.pain1/acc-a',
      'session.ballots.pain1/acc-b',
    ]);
  });
});

describe('votes feed the impact score once revealed', () => {
  const cast = (m: JourneyMap): JourneyMap =>
    applyAll(m, [dot('acc-a', 'pain2', 3), dot('acc-b', 'pain2', 2)]).map;

  it('ranks by revealed dots (hidden dots change nothing)', () => {
    const base = fixtureMap();
    const before = rankPainPoints(base).map((p) => p.cardId);
    expect(before[0]).not.toBe('pain2');
    const hidden = cast(base);
    expect(rankPainPoints(hidden).map((p) => p.cardId)).toEqual(before);
    const revealed = applyAll(hidden, [{ type: 'session/revealVotes', revealed: true }]).map;
    const ranked = rankPainPoints(revealed);
    const pain2 = ranked.find((p) => p.cardId === 'pain2');
    expect(pain2?.votes).toBe(
      (base.cards.find((c) => c.id === 'pain2')?.painPoint?.votes ?? 0) + 5,
    );
    expect(pain2?.factors.votesMultiplier).toBe((pain2?.votes ?? 0) + 1);
    expect(ranked[0]?.cardId).toBe('pain2');
  });
});

describe('restore of ballots', () => {
  const stored = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(fixtureMap())) as Record<string, unknown>;

  it('a map stored before ballots existed loads with none, and no repair', () => {
    const doc = stored();
    delete (doc.session as Record<string, unknown>).ballots;
    const result = restore(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.repairs).toEqual([]);
    expect(result.map.session.ballots).toEqual([]);
    expect(journeyMapSchema.safeParse(result.map).success).toBe(true);
  });

  it('keeps valid ballots, sorts them, and repairs the malformed', () => {
    const doc = stored();
    (doc.session as Record<string, unknown>).ballots = [
      { voter: 'acc-b', cardId: 'pain1', dots: 2 },
      { voter: 'acc-a', cardId: 'pain1', dots: 1 },
      { voter: 'acc-a', cardId: 'pain1', dots: 4 },
      { voter: 42, cardId: 'pain1', dots: 1 },
      { voter: 'acc-c', cardId: 'pain2', dots: 99 },
      'junk',
    ];
    const result = restore(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.session.ballots).toEqual([
      { voter: 'acc-a', cardId: 'pain1', dots: 1 },
      { voter: 'acc-b', cardId: 'pain1', dots: 2 },
      { voter: 'acc-c', cardId: 'pain2', dots: 50 },
    ]);
    expect(result.repairs.map((r) => r.path)).toEqual([
      'session.ballots[2]',
      'session.ballots[3]',
      'session.ballots[4].dots',
      'session.ballots[5]',
    ]);
  });

  it('a ballots field that is not a list is emptied and reported', () => {
    const doc = stored();
    (doc.session as Record<string, unknown>).ballots = 'nope';
    const result = restore(doc);
    expect(result.ok && result.map.session.ballots).toEqual([]);
    expect(result.ok && result.repairs.map((r) => r.path)).toEqual(['session.ballots']);
  });
});
