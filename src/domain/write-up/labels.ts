/** Words the write-up uses for the model's enumerations, in the play's vocabulary (catalogue keys). */
import type { Translate } from '../i18n/translate';
import type { Evidence, Impact, MapState } from '../model/schema';
import type { OpportunityQuadrant } from '../ranking/opportunities';
import type { Lozenge, StatusColour } from '../storage-format/elements';

/** Lozenge colours of the impact levels of seed 000. */
export const IMPACT_COLOURS: Readonly<Record<Impact, StatusColour>> = {
  trivial: 'Grey',
  workaround: 'Yellow',
  abandon: 'Red',
};

/** The impact lozenge in the reader's language. */
export function impactLozenge(t: Translate, impact: Impact): Lozenge {
  return { title: t(`vocabulary.impact.${impact}`), colour: IMPACT_COLOURS[impact] };
}

/** Quadrant lozenge colours. */
export const QUADRANT_COLOURS: Readonly<Record<OpportunityQuadrant, StatusColour>> = {
  quickWin: 'Green',
  bigBet: 'Blue',
  maybe: 'Yellow',
  timeSink: 'Grey',
};

const STATE_COLOURS: Readonly<Record<MapState, StatusColour>> = {
  current: 'Blue',
  future: 'Purple',
};

/** The map-state lozenge in the reader's language. */
export function stateLozenge(t: Translate, state: MapState): Lozenge {
  return { title: t(`writeup.state.${state}`), colour: STATE_COLOURS[state] };
}

/** "validated (interview)" or "assumption". */
export function evidenceLabel(t: Translate, evidence: Evidence): string {
  if (evidence.status === 'assumption') return t('writeup.evidence.assumption');
  return evidence.source
    ? t('writeup.evidence.validatedFrom', { source: t(`writeup.source.${evidence.source}`) })
    : t('writeup.evidence.validated');
}

/** The play's step 6 questions (catalogue `analysis.question.<field>`), by the fields answering them. */
export const ANALYSIS_FIELDS = [
  'confusion',
  'shortfalls',
  'unmetNeeds',
  'complication',
  'opportunities',
] as const;
