/** Words the write-up uses for the model's enumerations, in the play's vocabulary. */
import type {
  Cadence,
  EvidenceSource,
  Evidence,
  Impact,
  MapState,
  Moment,
  StepKind,
} from '../model/schema';
import type { OpportunityQuadrant } from '../ranking/opportunities';
import type { StatusColour } from '../storage-format/elements';
import { IMPACT_LABEL, STEP_KIND_LABEL } from '../vocabulary';

/** Impact levels of seed 000 with their lozenge colours. */
export const IMPACT_LABELS: Readonly<Record<Impact, { title: string; colour: StatusColour }>> = {
  trivial: { title: IMPACT_LABEL.trivial, colour: 'Grey' },
  workaround: { title: IMPACT_LABEL.workaround, colour: 'Yellow' },
  abandon: { title: IMPACT_LABEL.abandon, colour: 'Red' },
};

/** Quadrant lozenge colours. */
export const QUADRANT_COLOURS: Readonly<Record<OpportunityQuadrant, StatusColour>> = {
  quickWin: 'Green',
  bigBet: 'Blue',
  maybe: 'Yellow',
  timeSink: 'Grey',
};

/** Step kinds. */
export const STEP_KIND_LABELS: Readonly<Record<StepKind, string>> = STEP_KIND_LABEL;

/** Moments of truth (seed 003). */
export const MOMENT_LABELS: Readonly<Record<Moment, string>> = {
  delight: 'Delight',
  friction: 'Friction',
  decision: 'Decision point',
};

/** Evidence sources. */
export const SOURCE_LABELS: Readonly<Record<EvidenceSource, string>> = {
  interview: 'interview',
  survey: 'survey',
  analytics: 'analytics',
  supportTicket: 'support ticket',
  observation: 'observation',
};

/** Map states. */
export const STATE_LABELS: Readonly<Record<MapState, { title: string; colour: StatusColour }>> = {
  current: { title: 'Current state', colour: 'Blue' },
  future: { title: 'Future state', colour: 'Purple' },
};

/** Review cadences. */
export const CADENCE_LABELS: Readonly<Record<Cadence, string>> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'every six months',
  annual: 'yearly',
};

/** "validated (interview)" or "assumption". */
export function evidenceLabel(evidence: Evidence): string {
  if (evidence.status === 'assumption') return 'assumption';
  return evidence.source ? `validated (${SOURCE_LABELS[evidence.source]})` : 'validated';
}

/** The play's step 6 questions, keyed by the analysis fields that answer them. */
export const ANALYSIS_QUESTIONS = [
  ['confusion', 'Where are the areas of greatest confusion or frustration?'],
  ['shortfalls', 'Where is the journey falling short of expectations?'],
  ['unmetNeeds', 'Are there any new unmet needs that have come up for this persona?'],
  ['complication', 'Are there areas in the process that are needlessly complicated or duplicated?'],
  ['opportunities', 'What opportunities are there to improve the experience?'],
] as const;
