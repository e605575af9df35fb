/** Pain points of a map, ranked by impact score with journey order breaking ties. */
import type { EvidenceStatus, Impact, JourneyMap } from '../model/schema';
import { compareOrder, placeCards } from './journey-order';
import type { ScoreFactors } from './pain-point-score';
import { scorePainPoint } from './pain-point-score';
import { revealedDots } from '../session/dots';

/** One pain point with its score, the factors behind it and where it sits. */
export type RankedPainPoint = {
  /** 1-based position in the ranking. */
  rank: number;
  cardId: string;
  text: string;
  impact: Impact;
  votes: number;
  evidence: EvidenceStatus;
  teams: string[];
  score: number;
  factors: ScoreFactors;
  stageId: string;
  stageName: string;
  stepId: string;
  stepName: string;
  laneId: string;
};

/**
 * Every pain-point card (kind `painPoint`) placed in the journey, highest score first. `votes`
 * is the card's tally plus its dot-voting dots once the facilitator revealed them.
 */
export function rankPainPoints(map: JourneyMap): RankedPainPoint[] {
  // Dots cast in the app count only once revealed, so no ranking gives the totals away early.
  const dots = revealedDots(map.session);
  const scored = [...placeCards(map).values()]
    .filter((place) => place.card.kind === 'painPoint')
    .map((place) => ({
      place,
      result: scorePainPoint({
        card: place.card,
        step: place.step,
        dots: dots.get(place.card.id) ?? 0,
      }),
    }));
  scored.sort(
    (a, b) => b.result.score - a.result.score || compareOrder(a.place.order, b.place.order),
  );
  return scored.map(({ place, result }, i) => ({
    rank: i + 1,
    cardId: place.card.id,
    text: place.card.text,
    impact: result.factors.impact,
    votes: result.factors.votes,
    evidence: place.card.evidence.status,
    teams: [...place.card.teams],
    score: result.score,
    factors: result.factors,
    stageId: place.stage.id,
    stageName: place.stage.name,
    stepId: place.step.id,
    stepName: place.step.name,
    laneId: place.card.laneId,
  }));
}
