/**
 * The pain-point impact score (docs/decisions/0008-write-up.md), with every factor kept so the write-up can show
 * how each number came about.
 */
import type { Translate } from '../i18n/translate';
import type { Card, EvidenceStatus, Impact, Moment, Step } from '../model/schema';

/** Severity weight of each impact level. */
export const SEVERITY_WEIGHTS: Readonly<Record<Impact, number>> = {
  trivial: 1,
  workaround: 3,
  abandon: 9,
};
/** Multiplier when the step's sentiment is at or below −1. */
export const NEGATIVE_SENTIMENT_MULTIPLIER = 1.5;
/** Multiplier when the pain point's evidence is an unvalidated assumption. */
export const ASSUMPTION_MULTIPLIER = 0.7;
/** Multiplier when the step is marked as a moment of truth. */
export const MOMENT_MULTIPLIER = 1.25;

/** The formula in one sentence, printed in the write-up next to the ranked pain points. */
export const SCORE_FORMULA_TEXT =
  'Impact score = severity (trivial 1, needs a workaround 3, causes abandonment 9) × (1 + dot votes)' +
  ' × 1.5 when the step’s sentiment is −1 or lower × 0.7 when the pain point is an unvalidated' +
  ' assumption × 1.25 when the step is a moment of truth; equal scores keep journey order' +
  ' (stage, step, lane, card).';

/** Every input and multiplier behind one score. */
export type ScoreFactors = {
  impact: Impact;
  severity: number;
  votes: number;
  votesMultiplier: number;
  sentiment: number | null;
  sentimentMultiplier: number;
  evidence: EvidenceStatus;
  evidenceMultiplier: number;
  moment: Moment | null;
  momentMultiplier: number;
};

/** A score and how it was computed (`explainScore` puts the factors in words). */
export type PainPointScore = { score: number; factors: ScoreFactors };

/**
 * Rounds to 4 decimals. Every exact score has at most 4 (1.5 × 0.7 × 1.25 = 1.3125), so this
 * only removes floating-point noise and makes equal scores compare equal.
 */
function clean(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Formats a score for people: exact (at most 4 decimals), no trailing zeros. */
export function formatScore(score: number): string {
  return String(clean(score));
}

/**
 * Formats a score for reading in a table or heading: at most one decimal ("11.8", "27"); the
 * exact product stays in the score's explanation, so nothing is hidden.
 */
export function displayScore(score: number): string {
  return String(Math.round(score * 10) / 10);
}

/**
 * Scores one pain-point card at its step. Cards without pain-point fields count as trivial.
 * `dots`: revealed dot-voting dots on the card, counted with the votes tallied on the card.
 */
export function scorePainPoint(args: { card: Card; step: Step; dots?: number }): PainPointScore {
  const { card, step } = args;
  const impact = card.painPoint?.impact ?? 'trivial';
  const votes = (card.painPoint?.votes ?? 0) + (args.dots ?? 0);
  const factors: ScoreFactors = {
    impact,
    severity: SEVERITY_WEIGHTS[impact],
    votes,
    votesMultiplier: 1 + votes,
    sentiment: step.sentiment,
    sentimentMultiplier:
      step.sentiment !== null && step.sentiment <= -1 ? NEGATIVE_SENTIMENT_MULTIPLIER : 1,
    evidence: card.evidence.status,
    evidenceMultiplier: card.evidence.status === 'assumption' ? ASSUMPTION_MULTIPLIER : 1,
    moment: step.moment,
    momentMultiplier: step.moment !== null ? MOMENT_MULTIPLIER : 1,
  };
  const score = clean(
    factors.severity *
      factors.votesMultiplier *
      factors.sentimentMultiplier *
      factors.evidenceMultiplier *
      factors.momentMultiplier,
  );
  return { score, factors };
}

/**
 * The factors in the person's words: "abandon 9 × (1 + 2 votes) × 1.5 sentiment −2 × 0.7
 * assumption = 28.35" (keys `score.explain.*`, decision 0047).
 */
export function explainScore(args: { factors: ScoreFactors; score: number; t: Translate }): string {
  const { factors, t } = args;
  const parts = [
    t('score.explain.severity', {
      impact: t(`score.explain.impact.${factors.impact}`),
      weight: factors.severity,
    }),
    t('score.explain.votes', { count: factors.votes }),
  ];
  if (factors.sentimentMultiplier !== 1) {
    const s = factors.sentiment ?? 0;
    parts.push(
      t('score.explain.sentiment', {
        multiplier: factors.sentimentMultiplier,
        sentiment: `${s < 0 ? '−' : ''}${Math.abs(s)}`,
      }),
    );
  }
  if (factors.evidenceMultiplier !== 1) {
    parts.push(t('score.explain.assumption', { multiplier: factors.evidenceMultiplier }));
  }
  if (factors.momentMultiplier !== 1) {
    parts.push(
      t('score.explain.moment', {
        multiplier: factors.momentMultiplier,
        // Lower case mid-sentence in English ("moment of truth (friction)"), not the vocabulary's label.
        moment: factors.moment ? t(`score.explain.momentName.${factors.moment}`) : '',
      }),
    );
  }
  return t('score.explain.total', { parts: parts.join(' × '), score: formatScore(args.score) });
}
