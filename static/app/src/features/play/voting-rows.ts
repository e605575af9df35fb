/**
 * The rows of the dot-voting panel, derived from the map: every pain point in journey order
 * with the viewer's own dots, and everyone's total only once the results are revealed.
 */
import type { JourneyMap } from '@domain/model/schema';
import { compareOrder, placeCards } from '@domain/ranking/journey-order';
import { dotsOn, dotsPerCard } from '@domain/session/dots';

/** One pain point as the panel shows it. */
export type VotingRow = {
  cardId: string;
  text: string;
  where: string;
  mine: number;
  /** Everyone's dots on the card; null until revealed (nobody sees others' dots before). */
  total: number | null;
};

/** Pain points in journey order; after the reveal, most dots first. */
export function votingRows(map: JourneyMap, voter: string | null): VotingRow[] {
  const revealed = map.session.votesRevealed;
  const totals = dotsPerCard(map.session.ballots);
  const rows = [...placeCards(map).values()]
    .filter((p) => p.card.kind === 'painPoint')
    .sort((a, b) => compareOrder(a.order, b.order))
    .map((p) => ({
      cardId: p.card.id,
      text: p.card.text,
      where: `${p.stage.name} › ${p.step.name}`,
      mine: voter === null ? 0 : dotsOn(map.session.ballots, { voter, cardId: p.card.id }),
      total: revealed ? (totals.get(p.card.id) ?? 0) : null,
    }));
  // Stable sort: equal totals keep journey order.
  return revealed ? rows.sort((a, b) => (b.total ?? 0) - (a.total ?? 0)) : rows;
}
