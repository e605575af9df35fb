/**
 * The one place a pain point's vote counts come from (docs/decisions/0043): the session's dots
 * (hidden until the reveal) and the hand tally (votes counted on a physical wall), kept apart.
 * The card face, the card details, the voting panel and the screen-reader label all read this.
 */
import type { Card, Session } from '../model/schema';
import { dotsOnCard } from './dots';

/** What a pain point's votes are, as everyone may see them. */
export type VoteCounts = {
  /** Everyone's dots on the card once revealed; null before the reveal. */
  dots: number | null;
  /** The facilitator's hand tally (`painPoint.votes`). */
  hand: number;
};

/** The vote counts of `card`, or null when it is not a pain point. */
export function voteCounts(
  session: Pick<Session, 'votesRevealed' | 'ballots'>,
  card: Card,
): VoteCounts | null {
  if (card.painPoint === null) return null;
  return {
    dots: session.votesRevealed ? dotsOnCard(session.ballots, card.id) : null,
    hand: card.painPoint.votes,
  };
}
