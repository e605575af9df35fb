/**
 * Words and symbols for the model's enums: colour is never the only carrier of meaning, so
 * every kind also has a label and a glyph.
 */
import type { Cadence, CardKind, EvidenceSource, LaneType, Moment } from '@domain/model/schema';
import { LANE_TYPE_INFO } from '@domain/model/factories';
import { QUADRANT_LABELS, classifyOpportunity } from '@domain/ranking/opportunities';

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

/** Step kinds and the pain-point impact scale: the words every renderer shares. */
export { IMPACT_LABEL, STEP_KIND_LABEL } from '@domain/vocabulary';

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

// The enum tables below are the UI's own words; lane defaults come from the zod-free factories
// module (importing the schema module would pull zod into the macro's initial bundle).

/** Default name, zone and card kind of each lane type. */
export const LANE_INFO = LANE_TYPE_INFO;

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
