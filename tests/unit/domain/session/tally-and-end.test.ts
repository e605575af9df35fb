/**
 * The hand tally belongs to whoever runs the vote, and the server records who ended the play
 * (docs/decisions/0043): table-driven cases and a property over random batches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCard, createEmptyMap, createSession } from '../../../../src/domain/model/factories';
import type { Agenda, JourneyMap, Session } from '../../../../src/domain/model/schema';
import { applyAll } from '../../../../src/domain/operations/apply';
import type { Op } from '../../../../src/domain/operations/op-types';
import { IDLE_AGENDA, startAgenda } from '../../../../src/domain/session/agenda';
import { withPlayEndedBy } from '../../../../src/domain/session/play-end';
import { checkTallyAuthority } from '../../../../src/domain/session/tally-authority';
import { arbMapWithCards, arbOp } from '../arbitraries';

const FAC = { accountId: 'fac', name: 'Fac' };

function mapWith(patch: Partial<Session> = {}): JourneyMap {
  const map = createEmptyMap({ title: 't', laneIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
  const pain = {
    ...createCard({ id: 'p1', laneId: 'e', stepId: 's1', kind: 'painPoint', text: 'Slow' }),
    painPoint: { impact: 'trivial' as const, votes: 2 },
  };
  return { ...map, cards: [pain], session: { ...createSession(), ...patch } };
}

const up: Op = { type: 'card/vote', id: 'p1', delta: 1 };
const editVotes: Op = {
  type: 'card/edit',
  id: 'p1',
  patch: { painPoint: { impact: 'trivial', votes: 9 } },
};
const editImpact: Op = {
  type: 'card/edit',
  id: 'p1',
  patch: { painPoint: { impact: 'abandon', votes: 2 } },
};
const text: Op = { type: 'card/edit', id: 'p1', patch: { text: 'Slower' } };

type Case = [string, Partial<Session>, Op[], string | null, string | null];
const CASES: Case[] = [
  ['nobody runs the vote: any editor counts', {}, [up], 'x', null],
  ['the facilitator counts', { facilitator: FAC }, [up], 'fac', null],
  ['another editor may not', { facilitator: FAC }, [text, up], 'x', 'FORBIDDEN@1'],
  ['nor through a card edit', { facilitator: FAC }, [editVotes], 'x', 'FORBIDDEN@0'],
  ['the vote owner counts', { voteOwner: 'own' }, [up], 'own', null],
  ['not the owner', { voteOwner: 'own' }, [up], 'x', 'FORBIDDEN@0'],
  ['an anonymous caller may not', {}, [up], null, 'FORBIDDEN@0'],
  ['impact and text are anyone’s', { facilitator: FAC }, [editImpact, text], 'x', null],
  ['a zero delta changes nothing', { facilitator: FAC }, [{ ...up, delta: 0 }], 'x', null],
];

describe('checkTallyAuthority', () => {
  it.each(CASES)('%s', (_name, session, ops, accountId, expected) => {
    const refusal = checkTallyAuthority({ map: mapWith(session), ops, accountId });
    expect(refusal ? `${refusal.code}@${refusal.index}` : null).toBe(expected);
  });

  it('a batch it lets through from someone else never changes a hand tally', () => {
    fc.assert(
      fc.property(
        arbMapWithCards(6).chain((map) => {
          const ran = { ...map, cards: [...map.cards, ...mapWith().cards] };
          const fac = { ...ran, session: { ...ran.session, facilitator: FAC } };
          const pains = fac.cards.filter((c) => c.painPoint).map((c) => c.id);
          const tally = fc.oneof(
            fc.record({
              type: fc.constant('card/vote' as const),
              id: fc.constantFrom(...pains),
              delta: fc.integer({ min: -3, max: 3 }),
            }),
            fc.record({
              type: fc.constant('card/edit' as const),
              id: fc.constantFrom(...pains),
              patch: fc.record({
                painPoint: fc.record({
                  impact: fc.constant('trivial' as const),
                  votes: fc.integer({ min: 0, max: 9 }),
                }),
              }),
            }),
          );
          const op = fc.oneof(arbOp(fac), tally as fc.Arbitrary<Op>);
          return fc.tuple(fc.constant(fac), fc.array(op, { maxLength: 8 }));
        }),
        ([map, ops]) => {
          if (checkTallyAuthority({ map, ops, accountId: 'x' }) !== null) return;
          const after = applyAll(map, ops).map;
          for (const card of after.cards) {
            const was = map.cards.find((c) => c.id === card.id);
            if (!was?.painPoint || !card.painPoint) continue;
            // A kind change resets the tally, and a restore brings a deleted card's back.
            if (
              ops.some(
                (op) => op?.type === 'card/delete' || (op?.type === 'card/edit' && op.patch.kind),
              )
            )
              continue;
            expect(card.painPoint.votes).toBe(was.painPoint.votes);
          }
        },
      ),
    );
  });
});

describe('withPlayEndedBy', () => {
  const running: Agenda = startAgenda(IDLE_AGENDA, new Date('2026-12-06T10:00:00Z'));
  const at = (agenda: Agenda, playEndedBy: string | null = null) =>
    mapWith({ agenda, playEndedBy });
  it.each([
    ['records who ended a running play', at(running), at(IDLE_AGENDA), 'me'],
    ['clears it when a new run starts', at(IDLE_AGENDA, 'old'), at(running, 'old'), null],
    ['keeps it for edits after the end', at(IDLE_AGENDA, 'old'), at(IDLE_AGENDA, 'old'), 'old'],
    ['ignores what the batch says', at(IDLE_AGENDA, 'old'), at(IDLE_AGENDA, 'forged'), 'old'],
    ['stays null while the play runs', at(running), at(running, 'forged'), null],
  ] as [string, JourneyMap, JourneyMap, string | null][])('%s', (_n, before, after, who) => {
    expect(withPlayEndedBy({ before, after, accountId: 'me' }).session.playEndedBy).toBe(who);
  });
});
