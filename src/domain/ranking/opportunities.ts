/** Opportunity prioritisation: impact (1–5) × feasibility (1–5) and its quadrant (seed 003). */
import type { EvidenceStatus, JourneyMap } from '../model/schema';
import { compareOrder, placeCards } from './journey-order';
import { rankPainPoints } from './rank-pain-points';

/** The four quadrants of the impact × feasibility matrix. */
export type OpportunityQuadrant = 'quickWin' | 'bigBet' | 'maybe' | 'timeSink';

/** Scores at or above this (on 1–5) count as high impact / high feasibility. */
export const OPPORTUNITY_THRESHOLD = 3;

/** Display names of the quadrants. */
export const QUADRANT_LABELS: Readonly<Record<OpportunityQuadrant, string>> = {
  quickWin: 'Quick win',
  bigBet: 'Big bet',
  maybe: 'Maybe',
  timeSink: 'Time sink',
};

/** The rule in one sentence, for the write-up. */
export const OPPORTUNITY_RULE_TEXT =
  'Opportunities are scored impact (1–5) × feasibility (1–5). Impact 3+ and feasibility 3+ is a' +
  ' quick win; impact 3+ with feasibility below 3 a big bet; impact below 3 with feasibility 3+' +
  ' a maybe; both below 3 a time sink. Equal priorities are ordered by the summed score of the' +
  ' pain points they address, then by journey order.';

/**
 * The quadrant: impact ≥ 3 & feasibility ≥ 3 quick win; impact ≥ 3 & feasibility < 3 big bet;
 * impact < 3 & feasibility ≥ 3 maybe; else time sink.
 */
export function classifyOpportunity(impact: number, feasibility: number): OpportunityQuadrant {
  const highImpact = impact >= OPPORTUNITY_THRESHOLD;
  const feasible = feasibility >= OPPORTUNITY_THRESHOLD;
  if (highImpact) return feasible ? 'quickWin' : 'bigBet';
  return feasible ? 'maybe' : 'timeSink';
}

/** A linked pain point as shown next to an opportunity. */
export type LinkedPainPoint = { cardId: string; text: string; score: number };

/** One opportunity with its priority, quadrant and the pain points it addresses. */
export type RankedOpportunity = {
  rank: number;
  cardId: string;
  text: string;
  impact: number;
  feasibility: number;
  /** impact × feasibility (1–25). */
  priority: number;
  quadrant: OpportunityQuadrant;
  /** Linked pain points that still exist, highest score first. */
  linkedPainPoints: LinkedPainPoint[];
  /** Sum of the linked pain points' impact scores (the tie-breaker). */
  linkedScore: number;
  evidence: EvidenceStatus;
  teams: string[];
  stageId: string;
  stageName: string;
  stepId: string;
  stepName: string;
  laneId: string;
};

/**
 * Opportunity cards (kind `opportunity`) by impact × feasibility, then by the summed score of
 * their linked pain points, then journey order. Links to deleted pain points are ignored.
 */
export function rankOpportunities(map: JourneyMap): RankedOpportunity[] {
  const painById = new Map(rankPainPoints(map).map((p) => [p.cardId, p]));
  const items = [...placeCards(map).values()]
    .filter((place) => place.card.kind === 'opportunity')
    .map((place) => {
      const fields = place.card.opportunity ?? { impact: 3, feasibility: 3, painPointIds: [] };
      const linkedPainPoints = [...new Set(fields.painPointIds)]
        .map((id) => painById.get(id))
        .filter((p) => p !== undefined)
        .sort((a, b) => a.rank - b.rank)
        .map((p) => ({ cardId: p.cardId, text: p.text, score: p.score }));
      const linkedScore =
        Math.round(linkedPainPoints.reduce((sum, p) => sum + p.score, 0) * 10_000) / 10_000;
      return { place, fields, linkedPainPoints, linkedScore };
    });
  items.sort(
    (a, b) =>
      b.fields.impact * b.fields.feasibility - a.fields.impact * a.fields.feasibility ||
      b.linkedScore - a.linkedScore ||
      compareOrder(a.place.order, b.place.order),
  );
  return items.map(({ place, fields, linkedPainPoints, linkedScore }, i) => ({
    rank: i + 1,
    cardId: place.card.id,
    text: place.card.text,
    impact: fields.impact,
    feasibility: fields.feasibility,
    priority: fields.impact * fields.feasibility,
    quadrant: classifyOpportunity(fields.impact, fields.feasibility),
    linkedPainPoints,
    linkedScore,
    evidence: place.card.evidence.status,
    teams: [...place.card.teams],
    stageId: place.stage.id,
    stageName: place.stage.name,
    stepId: place.step.id,
    stepName: place.step.name,
    laneId: place.card.laneId,
  }));
}
