/**
 * The rows of the dot-voting panel, derived from the map: every pain point in journey order
 * with the viewer's own dots and its vote counts (everyone's dots only once revealed).
 */
import type { JourneyMap } from '@domain/model/schema';
import { compareOrder, placeCards } from '@domain/ranking/journey-order';
import { dotsOn } from '@domain/session/dots';
import { voteCounts, type VoteCounts } from '@domain/session/vote-counts';

/** One pain point as the panel shows it. */
export type VotingRow = {
  cardId: string;
  text: string;
  where: string;
  mine: number;
  /** Dots (null until revealed: nobody sees others' dots before) and the hand tally. */
  counts: VoteCounts;
};

/** Pain points in journey order; after the reveal, most dots first. */
export function votingRows(map: JourneyMap, voter: string | null): VotingRow[] {
  const revealed = map.session.votesRevealed;
  const rows = [...placeCards(map).values()]
    .filter((p) => p.card.kind === 'painPoint')
    .sort((a, b) => compareOrder(a.order, b.order))
    .map((p) => ({
      cardId: p.card.id,
      text: p.card.text,
      where: `${p.stage.name} › ${p.step.name}`,
      mine: voter === null ? 0 : dotsOn(map.session.ballots, { voter, cardId: p.card.id }),
      counts: voteCounts(map.session, p.card) ?? { dots: null, hand: 0 },
    }));
  // Stable sort: equal dot counts keep journey order.
  return revealed ? rows.sort((a, b) => (b.counts.dots ?? 0) - (a.counts.dots ?? 0)) : rows;
}
