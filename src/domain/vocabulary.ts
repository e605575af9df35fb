/**
 * The play's words for the model's enumerations that every renderer shares (editor, write-up,
 * SVG export): declared once here. Zod-free (type imports only), so the macro's initial bundle
 * can use it.
 */
import type { Impact, StepKind } from './model/schema';

/** The play's pain-point impact scale. */
export const IMPACT_LABEL: Readonly<Record<Impact, string>> = {
  trivial: 'Trivial',
  workaround: 'Needs a workaround',
  abandon: 'Causes abandonment',
};

/** Step kinds in the play's words. */
export const STEP_KIND_LABEL: Readonly<Record<StepKind, string>> = {
  action: 'Action',
  question: 'Question',
  decision: 'Decision',
};
