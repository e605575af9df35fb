/**
 * Write-up sections about what the session found: the sentiment curve, pain points ranked by
 * impact (formula stated), opportunities by quadrant, recommended teams, the analysis answers
 * and the next review.
 */
import type { Translate } from '../i18n/translate';
import type { JourneyMap } from '../model/schema';
import { sentimentByStage } from '../sentiment/sentiment-by-stage';
import { stepsInJourneyOrder } from '../ranking/journey-order';
import type { OpportunityQuadrant, RankedOpportunity } from '../ranking/opportunities';
import type { RankedPainPoint } from '../ranking/rank-pain-points';
import { displayScore, explainScore } from '../ranking/pain-point-score';
import type { TeamRecommendation } from '../routing/route-items';
import { nextReviewDate, reviewStatus } from '../review/review-dates';
import type { Markup } from '../storage-format/markup';
import { el, fragment } from '../storage-format/markup';
import { ANALYSIS_FIELDS, QUADRANT_COLOURS, impactLozenge } from './labels';
import type { SentimentChart } from './sentiment-chart';
import type { WorkColumn } from './work-column';
import { formatSentiment } from './sentiment-chart';
import {
  attachedImage,
  bulletList,
  panel,
  paragraphs,
  statusLozenge,
  table,
} from '../storage-format/elements';

const where = (t: Translate, stageName: string, stepName: string): string =>
  `${stageName.trim() || t('writeup.untitledStage')} › ${stepName.trim() || t('writeup.untitledStep')}`;

/** The chart's axis in words and its step numbers by name: the PNG carries only numbers. */
function stepKey(map: JourneyMap, t: Translate): Markup {
  const stages = new Map(map.stages.map((s) => [s.id, s]));
  return fragment(
    el('p', {}, t('writeup.sentiment.axis')),
    el('h3', {}, t('writeup.sentiment.stepKey')),
    table({
      headers: [
        t('writeup.col.stepNumber'),
        t('writeup.col.stage'),
        t('writeup.col.step'),
        t('writeup.col.sentiment'),
      ],
      rows: stepsInJourneyOrder(map).map((step, i) => [
        i + 1,
        stages.get(step.stageId)?.name.trim() || t('writeup.untitledStage'),
        step.name.trim() || t('writeup.untitledStep'),
        step.sentiment === null
          ? t('writeup.sentiment.notCharted')
          : formatSentiment(step.sentiment),
      ]),
    }),
  );
}

/** The sentiment curve image (attached to `chart.page`, else this page), its alt text, highs and lows. */
export function sentimentSection(args: {
  map: JourneyMap;
  chart: SentimentChart;
  t: Translate;
}): Markup {
  const { map, chart, t } = args;
  const byStage = sentimentByStage(map).filter((s) => s.steps > 0);
  return fragment(
    el('h2', {}, t('writeup.sentiment.heading')),
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
    chart.png ? stepKey(map, t) : null,
    chart.highlights.length > 0
      ? fragment(
          el('h3', {}, t('writeup.sentiment.highsLows')),
          bulletList(chart.highlights.map((h) => h.text)),
        )
      : null,
    byStage.length > 0
      ? table({
          headers: [
            t('writeup.col.stage'),
            t('writeup.sentiment.average'),
            t('writeup.sentiment.charted'),
          ],
          rows: byStage.map((s) => [
            s.stageName.trim() || t('writeup.untitledStage'),
            s.average === null ? t('writeup.sentiment.notCharted') : formatSentiment(s.average),
            t('writeup.sentiment.chartedOf', { charted: s.charted, steps: s.steps }),
          ]),
        })
      : null,
  );
}

/** What a ranked section draws: the items in rank order, the language, the Jira column if any. */
export type RankedSectionArgs<T> = {
  ranked: readonly T[];
  t: Translate;
  work?: WorkColumn | null;
};

const PAIN_POINT_COLUMNS = ['painPoint', 'where', 'impact', 'votes', 'evidence', 'score', 'how'];
const OPPORTUNITY_COLUMNS = [
  'opportunity',
  'where',
  'impact',
  'feasibility',
  'priority',
  'addresses',
];
// Floors (px) for the short columns, wide enough for either language's word ("Workaround",
// 需要变通办法, 已验证): text columns and the Jira column are left to the browser.
const PAIN_POINT_WIDTHS = [null, null, null, 96, 56, 80, 64, null];
const OPPORTUNITY_WIDTHS = [null, null, 56, 80, 72, null];
const TEAM_WIDTHS = [null, 56, null, 64, 112];

/** `widths` with a free column for the Jira work, when the table has one. */
function withWork(widths: readonly (number | null)[], work: WorkColumn | null): (number | null)[] {
  return work ? [...widths, null] : [...widths];
}

/** Column headings in the reader's language, the Jira column last when there is one. */
function headings(args: {
  t: Translate;
  columns: readonly string[];
  work: WorkColumn | null;
}): string[] {
  const names = args.columns.map((c) => args.t(`writeup.col.${c}`));
  return args.work ? [...names, args.work.header] : names;
}

/** A ranked section: heading and intro, then the items (or the "none" line) and the Jira note. */
function rankedSection<T>(args: {
  ranked: readonly T[];
  work?: WorkColumn | null;
  heading: string;
  intro: Markup;
  none: string;
  body: (ranked: readonly T[], work: WorkColumn | null) => Markup;
}): Markup {
  const work = args.work ?? null;
  if (args.ranked.length === 0) {
    return fragment(el('h2', {}, args.heading), args.intro, el('p', {}, args.none));
  }
  return fragment(el('h2', {}, args.heading), args.intro, args.body(args.ranked, work), work?.note);
}

/** Pain points ranked by impact score, with the formula and each score's arithmetic. */
export function painPointsSection(args: RankedSectionArgs<RankedPainPoint>): Markup {
  const { t } = args;
  return rankedSection({
    ...args,
    heading: t('writeup.pain.heading'),
    intro: panel({
      kind: 'info',
      title: t('writeup.pain.formulaTitle'),
      body: el('p', {}, t('ranking.scoreFormula')),
    }),
    none: t('writeup.pain.none'),
    body: (ranked, work) =>
      table({
        headers: ['#', ...headings({ t, columns: PAIN_POINT_COLUMNS, work })],
        widths: withWork(PAIN_POINT_WIDTHS, work),
        rows: ranked.map((p) => [
          p.rank,
          p.text.trim() || t('writeup.emptyCard'),
          where(t, p.stageName, p.stepName),
          statusLozenge(impactLozenge(t, p.impact)),
          p.votes,
          p.evidence === 'validated'
            ? t('writeup.evidence.validated')
            : t('writeup.evidence.assumption'),
          el('strong', {}, displayScore(p.score)),
          el('small', {}, explainScore({ factors: p.factors, score: p.score, t })),
          ...(work ? [work.cell(p.cardId)] : []),
        ]),
      }),
  });
}

const QUADRANT_ORDER: readonly OpportunityQuadrant[] = ['quickWin', 'bigBet', 'maybe', 'timeSink'];

/** Opportunities grouped by quadrant (quick wins first), each by priority. */
export function opportunitiesSection(args: RankedSectionArgs<RankedOpportunity>): Markup {
  const { t } = args;
  return rankedSection({
    ...args,
    heading: t('writeup.opp.heading'),
    intro: el('p', {}, t('ranking.opportunityRule')),
    none: t('writeup.opp.none'),
    body: (ranked, work) =>
      fragment(
        QUADRANT_ORDER.map((quadrant) => {
          const items = ranked.filter((o) => o.quadrant === quadrant);
          if (items.length === 0) return null;
          return fragment(
            el(
              'h3',
              {},
              statusLozenge({
                colour: QUADRANT_COLOURS[quadrant],
                title: t(`ranking.quadrant.${quadrant}`),
              }),
              ` ${t(`ranking.quadrant.${quadrant}`)} (${items.length})`,
            ),
            table({
              headers: headings({ t, columns: OPPORTUNITY_COLUMNS, work }),
              widths: withWork(OPPORTUNITY_WIDTHS, work),
              rows: items.map((o) => [
                o.text.trim() || t('writeup.emptyCard'),
                where(t, o.stageName, o.stepName),
                o.impact,
                o.feasibility,
                el('strong', {}, displayScore(o.priority)),
                o.linkedPainPoints.length === 0
                  ? '—'
                  : o.linkedPainPoints
                      .map(
                        (l) =>
                          `${l.text.trim() || t('writeup.emptyCard')} (${displayScore(l.score)})`,
                      )
                      .join('; '),
                ...(work ? [work.cell(o.cardId)] : []),
              ]),
            }),
          );
        }),
      ),
  });
}

/** Teams by summed impact, each with its items and why they were routed there. */
export function teamsSection(teams: readonly TeamRecommendation[], t: Translate): Markup {
  return fragment(
    el('h2', {}, t('writeup.teams.heading')),
    el('p', {}, t('writeup.teams.rule')),
    teams.length === 0
      ? el('p', {}, t('writeup.teams.none'))
      : teams.map((team) =>
          fragment(
            el(
              'h3',
              {},
              t('writeup.teams.team', {
                team: team.unassigned ? t('writeup.teams.unassigned') : team.team,
                score: displayScore(team.totalScore),
              }),
            ),
            table({
              widths: TEAM_WIDTHS,
              headers: [
                t('writeup.col.item'),
                t('writeup.col.kind'),
                t('writeup.col.where'),
                t('writeup.col.score'),
                t('writeup.col.why'),
              ],
              rows: team.items.map((item) => [
                item.text.trim() || t('writeup.emptyCard'),
                item.kind === 'painPoint'
                  ? t('writeup.col.painPoint')
                  : t('writeup.col.opportunity'),
                where(t, item.stageName, item.stepName),
                displayScore(item.score),
                t(`writeup.why.${item.reason}`, { via: item.via }),
              ]),
            }),
          ),
        ),
  );
}

/** The play's step 6 questions and the group's answers. */
export function analysisSection(map: JourneyMap, t: Translate): Markup {
  const a = map.session.analysis;
  return fragment(
    el('h2', {}, t('writeup.analysis.heading')),
    ANALYSIS_FIELDS.map((key) => {
      const answer = a[key].trim();
      return fragment(
        el('h3', {}, t(`analysis.question.${key}`)),
        answer ? paragraphs(answer) : el('p', {}, el('em', {}, t('writeup.analysis.notAnswered'))),
      );
    }),
  );
}

/** The next review date from the map's cadence. */
export function reviewSection(args: { map: JourneyMap; today: string; t: Translate }): Markup {
  const { map, today, t } = args;
  const next = nextReviewDate({
    cadence: map.review.cadence,
    lastReviewed: map.review.lastReviewed,
    createdFallback: map.updatedAt ?? today,
  });
  const status = reviewStatus({ nextReview: next, today });
  return fragment(
    el('h2', {}, t('writeup.review.heading')),
    el(
      'p',
      {},
      next
        ? [
            t('writeup.review.cadence', {
              cadence: t(`writeup.cadence.${map.review.cadence}`),
            }),
            el('strong', {}, next),
            ' ',
          ]
        : t('writeup.review.none'),
      next && status === 'stale'
        ? statusLozenge({ colour: 'Red', title: t('writeup.review.overdue') })
        : null,
      next && status === 'dueSoon'
        ? statusLozenge({ colour: 'Yellow', title: t('writeup.review.dueSoon') })
        : null,
    ),
  );
}
