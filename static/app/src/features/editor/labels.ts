/**
 * Words and symbols for the model's enums: colour is never the only carrier of meaning, so
 * every kind also has a label and a glyph.
 */
import type {
  Cadence,
  CardKind,
  EvidenceSource,
  Impact,
  LaneType,
  Moment,
  StepKind,
  Zone,
} from '../../../../../src/domain/model/schema';
import {
  QUADRANT_LABELS,
  classifyOpportunity,
} from '../../../../../src/domain/ranking/opportunities';

/** Label and glyph of each card kind. */
export const CARD_KIND: Readonly<Record<CardKind, { label: string; glyph: string }>> = {
  action: { label: 'Action', glyph: '▶' },
  question: { label: 'Question', glyph: '?' },
  decision: { label: 'Decision', glyph: '◆' },
  touchpoint: { label: 'Touchpoint', glyph: '◎' },
  goal: { label: 'Goal', glyph: '★' },
  thought: { label: 'Thought', glyph: '“' },
  painPoint: { label: 'Pain point', glyph: '!' },
  opportunity: { label: 'Opportunity', glyph: '+' },
  process: { label: 'Process', glyph: '⚙' },
  note: { label: 'Note', glyph: '✎' },
};

/** Card kinds a person may pick in a lane of each type (the first is the default). */
export const KINDS_FOR_LANE: Readonly<Record<LaneType, readonly CardKind[]>> = {
  actions: ['action', 'question', 'decision'],
  touchpoints: ['touchpoint'],
  goals: ['goal'],
  thoughts: ['thought'],
  emotions: [],
  painPoints: ['painPoint'],
  opportunities: ['opportunity'],
  backstage: ['process', 'note'],
  metrics: [],
  text: ['note'],
};

/** Lane type names for menus. */
export const LANE_TYPE_LABEL: Readonly<Record<LaneType, string>> = {
  actions: 'Actions',
  touchpoints: 'Touchpoints',
  goals: 'Customer goals',
  thoughts: 'Thoughts',
  emotions: 'Sentiment',
  painPoints: 'Pain points',
  opportunities: 'Opportunities',
  backstage: 'Back-stage processes',
  metrics: 'Metrics',
  text: 'Notes',
};

/** Step kinds in the play's words. */
export const STEP_KIND_LABEL: Readonly<Record<StepKind, string>> = {
  action: 'Action',
  question: 'Question',
  decision: 'Decision',
};

/** The play's pain-point impact scale. */
export const IMPACT_LABEL: Readonly<Record<Impact, string>> = {
  trivial: 'Trivial',
  workaround: 'Needs a workaround',
  abandon: 'Causes abandonment',
};

/** Moment-of-truth markers. */
export const MOMENT: Readonly<Record<Moment, { label: string; glyph: string }>> = {
  delight: { label: 'Moment of delight', glyph: '☺' },
  friction: { label: 'Moment of friction', glyph: '⚡' },
  decision: { label: 'Decision point', glyph: '◆' },
};

/** Evidence sources. */
export const SOURCE_LABEL: Readonly<Record<EvidenceSource, string>> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  supportTicket: 'Support ticket',
  observation: 'Observation',
};

/** Sentiment values in words (−2 … +2). */
export const SENTIMENT_LABEL: Readonly<Record<string, string>> = {
  '-2': 'Very negative',
  '-1': 'Negative',
  '0': 'Neutral',
  '1': 'Positive',
  '2': 'Very positive',
};

/** Opportunity quadrant name from impact × feasibility (seed 003 step 6). */
export function opportunityQuadrant(impact: number, feasibility: number): string {
  return QUADRANT_LABELS[classifyOpportunity(impact, feasibility)];
}

// The UI keeps its own copies of these small enum tables: importing values from the schema or
// factories modules would pull zod (≈25 KB gzip) into the macro's initial bundle.

/** Default name, zone and card kind of each lane type (mirrors LANE_TYPE_INFO of the factories). */
export const LANE_INFO: Readonly<
  Record<LaneType, { name: string; zone: Zone; cardKind: CardKind | null }>
> = {
  actions: { name: 'Actions', zone: 'onstage', cardKind: 'action' },
  touchpoints: { name: 'Touchpoints', zone: 'onstage', cardKind: 'touchpoint' },
  goals: { name: 'Customer goals', zone: 'onstage', cardKind: 'goal' },
  thoughts: { name: 'Thoughts', zone: 'onstage', cardKind: 'thought' },
  emotions: { name: 'Sentiment', zone: 'onstage', cardKind: null },
  painPoints: { name: 'Pain points', zone: 'onstage', cardKind: 'painPoint' },
  opportunities: { name: 'Opportunities', zone: 'onstage', cardKind: 'opportunity' },
  backstage: { name: 'Back-stage processes', zone: 'backstage', cardKind: 'process' },
  metrics: { name: 'Metrics (CSAT, CES, FCR)', zone: 'backstage', cardKind: null },
  text: { name: 'Notes', zone: 'onstage', cardKind: 'note' },
};

/** Review cadences in words, in menu order. */
export const CADENCE_LABEL: Readonly<Record<Cadence, string>> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Every six months',
  annual: 'Annually',
};

/** The keys of a label table, typed. */
export function keysOf<K extends string>(table: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(table) as K[];
}
