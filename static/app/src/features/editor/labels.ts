/**
 * Symbols and menu orders for the model's enums: colour is never the only carrier of meaning, so
 * every kind also has a glyph; the words are catalogue keys (`editor.cardKind.*`, …).
 */
import type { Cadence, CardKind, EvidenceSource, LaneType, Moment } from '@domain/model/schema';
import { LANE_TYPE_INFO } from '@domain/model/factories';

/** Glyph of each card kind (its word is `editor.cardKind.<kind>` in the catalogues). */
export const CARD_GLYPH: Readonly<Record<CardKind, string>> = {
  action: '▶',
  question: '?',
  decision: '◆',
  touchpoint: '◎',
  goal: '★',
  thought: '“',
  painPoint: '!',
  opportunity: '+',
  process: '⚙',
  note: '✎',
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

/** Step kinds and the pain-point impact scale: the words every renderer shares. */
export { IMPACT_LABEL, STEP_KIND_LABEL } from '@domain/vocabulary';

/** Moment-of-truth glyphs (words: `editor.moment.<moment>`). */
export const MOMENT_GLYPH: Readonly<Record<Moment, string>> = {
  delight: '☺',
  friction: '⚡',
  decision: '◆',
};

/** Evidence sources, in menu order (words: `editor.source.<source>`). */
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [
  'interview',
  'survey',
  'analytics',
  'supportTicket',
  'observation',
];

// The enum tables below are the UI's own words; lane defaults come from the zod-free factories
// module (importing the schema module would pull zod into the macro's initial bundle).

/** Default name, zone and card kind of each lane type. */
export const LANE_INFO = LANE_TYPE_INFO;

/** Review cadences, in menu order (words: `editor.cadence.<cadence>`). */
export const CADENCES: readonly Cadence[] = ['monthly', 'quarterly', 'semiannual', 'annual'];

/** The keys of a label table, typed. */
export function keysOf<K extends string>(table: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(table) as K[];
}
