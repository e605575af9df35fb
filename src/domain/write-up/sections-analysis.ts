/**
 * Write-up sections about what the session found: the sentiment curve, pain points ranked by
 * impact (formula stated), opportunities by quadrant, recommended teams, the analysis answers
 * and the next review.
 */
import type { JourneyMap } from '../model/schema';
import { sentimentByStage } from '../sentiment/sentiment-by-stage';
import type { OpportunityQuadrant, RankedOpportunity } from '../ranking/opportunities';
import { OPPORTUNITY_RULE_TEXT, QUADRANT_LABELS } from '../ranking/opportunities';
import type { RankedPainPoint } from '../ranking/rank-pain-points';
import { SCORE_FORMULA_TEXT, formatScore } from '../ranking/pain-point-score';
import type { TeamRecommendation } from '../routing/route-items';
import { nextReviewDate, reviewStatus } from '../review/review-dates';
import type { Markup } from '../storage-format/markup';
import { el, fragment } from '../storage-format/markup';
import { ANALYSIS_QUESTIONS, CADENCE_LABELS, IMPACT_LABELS, QUADRANT_COLOURS } from './labels';
import type { SentimentChart } from './sentiment-chart';
import { formatSentiment } from './sentiment-chart';
import {
  attachedImage,
  bulletList,
  panel,
  paragraphs,
  statusLozenge,
  table,
} from '../storage-format/elements';

const where = (stageName: string, stepName: string): string =>
  `${stageName.trim() || 'Untitled stage'} › ${stepName.trim() || 'Untitled step'}`;

/** The sentiment curve image (attached to `chart.page`, else this page), its alt text, highs and lows. */
export function sentimentSection(args: { map: JourneyMap; chart: SentimentChart }): Markup {
  const { map, chart } = args;
  const byStage = sentimentByStage(map).filter((s) => s.steps > 0);
  return fragment(
    el('h2', {}, 'Sentiment curve'),
    chart.png
      ? el(
          'p',
          {},
          attachedImage({
            fileName: chart.fileName,
            alt: chart.alt,
            width: chart.width,
            ...(chart.page ? { page: chart.page } : {}),
          }),
        )
      : null,
    el('p', {}, el('em', {}, chart.alt)),
    chart.highlights.length > 0
      ? fragment(el('h3', {}, 'Highs and lows'), bulletList(chart.highlights.map((h) => h.text)))
      : null,
    byStage.length > 0
      ? table({
          headers: ['Stage', 'Average sentiment', 'Charted steps'],
          rows: byStage.map((s) => [
            s.stageName.trim() || 'Untitled stage',
            s.average === null ? 'not charted' : formatSentiment(s.average),
            `${s.charted} of ${s.steps}`,
          ]),
        })
      : null,
  );
}

/** Pain points ranked by impact score, with the formula and each score's arithmetic. */
export function painPointsSection(ranked: readonly RankedPainPoint[]): Markup {
  return fragment(
    el('h2', {}, 'Pain points ranked by impact'),
    panel({
      kind: 'info',
      title: 'How the impact score is calculated',
      body: el('p', {}, SCORE_FORMULA_TEXT),
    }),
    ranked.length === 0
      ? el('p', {}, 'No pain points were mapped.')
      : table({
          headers: ['#', 'Pain point', 'Where', 'Impact', 'Votes', 'Evidence', 'Score', 'How'],
          rows: ranked.map((p) => [
            p.rank,
            p.text.trim() || '(empty card)',
            where(p.stageName, p.stepName),
            statusLozenge(IMPACT_LABELS[p.impact]),
            p.votes,
            p.evidence === 'validated' ? 'validated' : 'assumption',
            el('strong', {}, formatScore(p.score)),
            el('small', {}, p.explanation),
          ]),
        }),
  );
}

const QUADRANT_ORDER: readonly OpportunityQuadrant[] = ['quickWin', 'bigBet', 'maybe', 'timeSink'];

/** Opportunities grouped by quadrant (quick wins first), each by priority. */
export function opportunitiesSection(ranked: readonly RankedOpportunity[]): Markup {
  return fragment(
    el('h2', {}, 'Opportunities by quadrant'),
    el('p', {}, OPPORTUNITY_RULE_TEXT),
    ranked.length === 0
      ? el('p', {}, 'No opportunities were mapped.')
      : QUADRANT_ORDER.map((quadrant) => {
          const items = ranked.filter((o) => o.quadrant === quadrant);
          if (items.length === 0) return null;
          return fragment(
            el(
              'h3',
              {},
              statusLozenge({
                colour: QUADRANT_COLOURS[quadrant],
                title: QUADRANT_LABELS[quadrant],
              }),
              ` ${QUADRANT_LABELS[quadrant]} (${items.length})`,
            ),
            table({
              headers: ['Opportunity', 'Where', 'Impact', 'Feasibility', 'Priority', 'Addresses'],
              rows: items.map((o) => [
                o.text.trim() || '(empty card)',
                where(o.stageName, o.stepName),
                o.impact,
                o.feasibility,
                el('strong', {}, o.priority),
                o.linkedPainPoints.length === 0
                  ? '—'
                  : o.linkedPainPoints
                      .map((l) => `${l.text.trim() || '(empty card)'} (${formatScore(l.score)})`)
                      .join('; '),
              ]),
            }),
          );
        }),
  );
}

/** Teams by summed impact, each with its items and why they were routed there. */
export function teamsSection(teams: readonly TeamRecommendation[]): Markup {
  return fragment(
    el('h2', {}, 'Teams that should know'),
    el(
      'p',
      {},
      'An item goes to the teams set on it; otherwise to the team that owns its channel, then its stage, then its lane (the space’s routing rules). Teams are ordered by the summed score of their items: pain points count their impact score, opportunities impact × feasibility plus the scores of the pain points they address.',
    ),
    teams.length === 0
      ? el('p', {}, 'Nothing to route: the map has no pain points or opportunities.')
      : teams.map((team) =>
          fragment(
            el('h3', {}, `${team.team} — summed impact ${formatScore(team.totalScore)}`),
            table({
              headers: ['Item', 'Kind', 'Where', 'Score', 'Why this team'],
              rows: team.items.map((item) => [
                item.text.trim() || '(empty card)',
                item.kind === 'painPoint' ? 'Pain point' : 'Opportunity',
                where(item.stageName, item.stepName),
                formatScore(item.score),
                item.because,
              ]),
            }),
          ),
        ),
  );
}

/** The play's step 6 questions and the group's answers. */
export function analysisSection(map: JourneyMap): Markup {
  const a = map.session.analysis;
  return fragment(
    el('h2', {}, 'Analysis'),
    ANALYSIS_QUESTIONS.map(([key, question]) => {
      const answer = a[key].trim();
      return fragment(
        el('h3', {}, question),
        answer ? paragraphs(answer) : el('p', {}, el('em', {}, 'Not answered in the session.')),
      );
    }),
  );
}

/** The next review date from the map's cadence. */
export function reviewSection(args: { map: JourneyMap; today: string }): Markup {
  const { map, today } = args;
  const next = nextReviewDate({
    cadence: map.review.cadence,
    lastReviewed: map.review.lastReviewed,
    createdFallback: map.updatedAt ?? today,
  });
  const status = reviewStatus({ nextReview: next, today });
  return fragment(
    el('h2', {}, 'Next review'),
    el(
      'p',
      {},
      next
        ? [
            'This map is reviewed ',
            CADENCE_LABELS[map.review.cadence],
            '. Next review: ',
            el('strong', {}, next),
            ' ',
          ]
        : 'No review date could be set.',
      next && status === 'stale' ? statusLozenge({ colour: 'Red', title: 'Overdue' }) : null,
      next && status === 'dueSoon' ? statusLozenge({ colour: 'Yellow', title: 'Due soon' }) : null,
    ),
  );
}
