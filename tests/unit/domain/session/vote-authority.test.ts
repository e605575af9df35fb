/** The vote's authority rule (docs/decisions/0017), table-driven, and the import's vote adoption. */
import { describe, expect, it } from 'vitest';
import { adoptVote } from '../../../../src/domain/exchange/adopt-vote';
import { createEmptyMap, createSession } from '../../../../src/domain/model/factories';
import type { JourneyMap, Session } from '../../../../src/domain/model/schema';
import type { Op } from '../../../../src/domain/operations/op-types';
import {
  checkVoteAuthority,
  voteAuthority,
  withVoteOwner,
} from '../../../../src/domain/session/vote-authority';

const FAC = { accountId: 'fac', name: 'Fac' };
const session = (patch: Partial<Session> = {}): Session => ({ ...createSession(), ...patch });
const allowance: Op = { type: 'session/set', votesPerPerson: 7 };
const reveal: Op = { type: 'session/revealVotes', revealed: true };
const unreveal: Op = { type: 'session/revealVotes', revealed: false };
const handOver: Op = { type: 'session/setPeople', facilitator: { accountId: 'x', name: 'X' } };
const dot: Op = { type: 'session/castDot', voter: 'x', cardId: 'c1', delta: 1 };

type Case = [string, Session, Op[], string | null, string | null];
const CASES: Case[] = [
  ['nobody runs it yet: anyone may start', session(), [allowance, reveal], 'x', null],
  ['facilitator sets the allowance', session({ facilitator: FAC }), [allowance], 'fac', null],
  ['facilitator reveals', session({ facilitator: FAC }), [reveal], 'fac', null],
  ['editor sets the allowance', session({ facilitator: FAC }), [allowance], 'x', 'FORBIDDEN@0'],
  ['editor reveals', session({ facilitator: FAC }), [dot, reveal], 'x', 'FORBIDDEN@1'],
  ['editor names a facilitator', session({ facilitator: FAC }), [handOver], 'x', 'FORBIDDEN@0'],
  ['facilitator hands over', session({ facilitator: FAC }), [handOver], 'fac', null],
  ['the vote owner runs it', session({ voteOwner: 'own' }), [reveal], 'own', null],
  ['not the vote owner', session({ voteOwner: 'own' }), [reveal], 'x', 'FORBIDDEN@0'],
  [
    'a named facilitator wins over the owner',
    session({ facilitator: FAC, voteOwner: 'own' }),
    [reveal],
    'own',
    'FORBIDDEN@0',
  ],
  [
    'a guest facilitator (no account) leaves it to the owner',
    session({ facilitator: { accountId: null, name: 'G' }, voteOwner: 'own' }),
    [reveal],
    'own',
    null,
  ],
  [
    'a reveal is final',
    session({ facilitator: FAC, votesRevealed: true }),
    [unreveal],
    'fac',
    'INVALID_INPUT@0',
  ],
  [
    'reveal then un-reveal in one batch',
    session({ facilitator: FAC }),
    [allowance, reveal, unreveal, dot],
    'fac',
    'INVALID_INPUT@2',
  ],
  ['un-reveal while hidden changes nothing', session(), [unreveal], 'x', null],
  ['anonymous caller', session(), [allowance], null, 'FORBIDDEN@0'],
  [
    'the same allowance (an undo of a date edit) is no gesture',
    session({ facilitator: FAC, votesPerPerson: 7 }),
    [allowance],
    'x',
    null,
  ],
  [
    'dots and other edits need no authority',
    session({ facilitator: FAC }),
    [dot, { type: 'session/set', notes: 'n' }],
    'x',
    null,
  ],
];

describe('checkVoteAuthority', () => {
  it.each(CASES)('%s', (_name, s, ops, accountId, expected) => {
    const refusal = checkVoteAuthority({ session: s, ops, accountId });
    expect(refusal ? `${refusal.code}@${refusal.index}` : null).toBe(expected);
  });

  it('names the authority: facilitator account, else the vote owner, else nobody', () => {
    expect(voteAuthority(session({ facilitator: FAC, voteOwner: 'own' }))).toBe('fac');
    expect(voteAuthority(session({ voteOwner: 'own' }))).toBe('own');
    expect(voteAuthority(session())).toBeNull();
  });
});

function mapWith(patch: Partial<Session>): JourneyMap {
  const map = createEmptyMap({ title: 't', laneIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
  return { ...map, session: session(patch) };
}

describe('withVoteOwner', () => {
  it.each([
    ['records who changed the allowance first', {}, { votesPerPerson: 5 }, 'me'],
    [
      'records who placed the first dot',
      {},
      { ballots: [{ voter: 'me', cardId: 'c', dots: 1 }] },
      'me',
    ],
    [
      'keeps the recorded owner',
      { voteOwner: 'first' },
      { voteOwner: 'first', votesRevealed: true },
      'first',
    ],
    ['records nothing for other edits', {}, { notes: 'n' }, null],
  ] as [string, Partial<Session>, Partial<Session>, string | null][])(
    '%s',
    (_name, before, after, owner) => {
      const out = withVoteOwner({
        before: mapWith(before),
        after: mapWith(after),
        accountId: 'me',
      });
      expect(out.session.voteOwner).toBe(owner);
    },
  );
});

describe('adoptVote (import)', () => {
  const file = mapWith({
    facilitator: { accountId: 'me', name: 'Me' },
    ballots: [{ voter: 'a', cardId: 'c', dots: 9 }],
    votesRevealed: true,
    voteOwner: 'me',
    votesPerPerson: 50,
  });

  it('a new map starts with an empty, hidden vote', () => {
    const { map, notes } = adoptVote(file, null);
    expect(map.session).toMatchObject({ ballots: [], votesRevealed: false, voteOwner: null });
    expect(notes.map((n) => n.path)).toEqual(['session.ballots']);
  });

  it('a replaced map keeps its own vote and the facilitator running it', () => {
    const current = mapWith({ facilitator: FAC, votesRevealed: true, votesPerPerson: 3 });
    const { map, notes } = adoptVote(file, current);
    expect(map.session).toMatchObject({
      facilitator: FAC,
      ballots: [],
      votesRevealed: true,
      votesPerPerson: 3,
      voteOwner: null,
    });
    expect(notes.map((n) => n.path)).toEqual(['session.ballots', 'session.facilitator']);
  });

  it("takes the file's facilitator while nobody runs this page's vote", () => {
    const { map } = adoptVote(file, mapWith({}));
    expect(map.session.facilitator).toEqual({ accountId: 'me', name: 'Me' });
  });
});
