/**
 * `session/castDot`: one person places or takes back dots on a pain-point card. The op carries
 * a delta, not a total, so two people voting at the same moment both count when the server
 * re-applies the later save on the newer map; the allowance is checked against that newer map.
 * The resolver also checks that `voter` is the calling user (src/resolvers/own-dots.ts).
 */
import { z } from 'zod';

import type { Ballot } from '../../model/schema';
import { idSchema, MAX_VOTES_PER_PERSON } from '../../model/schema';
import { compareBallots, dotsOn, dotsSpent } from '../../session/dots';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import { done, drop } from '../helpers';

/** Ballots with `voter`'s dots on `cardId` set to `dots` (removed at 0), in canonical order. */
function withDots(ballots: readonly Ballot[], ballot: Ballot): Ballot[] {
  const rest = ballots.filter((b) => b.voter !== ballot.voter || b.cardId !== ballot.cardId);
  if (ballot.dots > 0) rest.push(ballot);
  return rest.sort(compareBallots);
}

/** `session/castDot`; its inverse is the opposite delta by the same voter. */
export const sessionCastDot = defineOp({
  type: 'session/castDot',
  fields: {
    voter: z.string().min(1).max(128).describe('voter must be an account id'),
    cardId: idSchema.describe('cardId must be an id'),
    delta: z
      .number()
      .int()
      .min(-MAX_VOTES_PER_PERSON)
      .max(MAX_VOTES_PER_PERSON)
      .describe('delta must be a whole number'),
  },
  apply(map, op): ApplyResult {
    const s = map.session;
    const { voter, cardId, delta } = op;
    if (delta === 0) return done(map, []);
    // Revealed results are final: changing a ballot afterwards would change what was announced.
    if (s.votesRevealed) return drop(map, 'the votes are revealed; voting is closed');
    const current = dotsOn(s.ballots, { voter, cardId });
    const next = current + delta;
    if (next < 0) return drop(map, 'no dot of yours to take back on this card');
    if (delta > 0) {
      const card = map.cards.find((c) => c.id === cardId);
      if (card === undefined || card.kind !== 'painPoint')
        return drop(map, 'dots go on pain points only');
      const spent = dotsSpent(s.ballots, voter);
      if (spent + delta > s.votesPerPerson)
        return drop(map, `each person has ${s.votesPerPerson} dots; ${spent} already placed`);
    }
    const ballots = withDots(s.ballots, { voter, cardId, dots: next });
    return done({ ...map, session: { ...s, ballots } }, [
      { type: 'session/castDot', voter, cardId, delta: -delta },
    ]);
  },
});

/** The dot-voting ops. */
export const ballotOps = [sessionCastDot] as const;
