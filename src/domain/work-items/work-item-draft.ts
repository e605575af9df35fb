/**
 * The summary and description a new work item is prefilled with, from the map: persona, stage ›
 * step, impact and score with its factors, evidence and quote, votes, and a link back to the page
 * and the card. Plain blocks; the Jira adapter turns them into ADF.
 */
import type { JourneyMap } from '../model/schema';
import type { Translate } from '../i18n/translate';
import { explainScore, formatScore } from '../ranking/pain-point-score';
import { rankOpportunities } from '../ranking/opportunities';
import { rankPainPoints } from '../ranking/rank-pain-points';

/** Longest summary Jira takes. */
export const SUMMARY_MAX = 255;

/** One block of the description: a labelled line, a quote, or a link. */
export type DraftBlock =
  | { kind: 'field'; label: string; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'link'; text: string; href: string };

/** A prefilled work item. */
export type WorkItemDraft = { summary: string; blocks: DraftBlock[] };

/** The fields of a new work item, as the person confirmed them in the create dialog. */
export type WorkItemRequest = WorkItemDraft & {
  cardId: string;
  team: string;
  project: string;
  issueType: string;
  component: string;
  labels: string[];
};

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The draft for card `cardId`, or null when it is not a placed pain point or opportunity. */
export function draftWorkItem(args: {
  map: JourneyMap;
  cardId: string;
  /** Absolute URL of the page the map is on; the card is addressed with `#card-<id>`. */
  pageUrl: string;
  /** The person's language (the labels and the score's words; decision 0047). */
  t: Translate;
}): WorkItemDraft | null {
  const { map, cardId, t } = args;
  const card = map.cards.find((c) => c.id === cardId);
  if (!card) return null;
  const persona = map.persona.name.trim();
  const blocks: DraftBlock[] = [];
  const text = card.text || t('jira.draft.noText');
  const summary = oneLine(
    card.kind === 'painPoint'
      ? t('jira.draft.painPoint', { text })
      : t('jira.draft.opportunity', { text }),
    SUMMARY_MAX,
  );
  const where = (r: { stageName: string; stepName: string }) =>
    ({
      kind: 'field',
      label: t('jira.draft.where'),
      text: `${r.stageName} › ${r.stepName}`,
    }) as const;
  if (persona) blocks.push({ kind: 'field', label: t('jira.draft.persona'), text: persona });
  if (card.kind === 'painPoint') {
    const ranked = rankPainPoints(map).find((p) => p.cardId === cardId);
    if (!ranked) return null;
    blocks.push(
      where(ranked),
      {
        kind: 'field',
        label: t('jira.draft.impact'),
        text: t(`vocabulary.impact.${ranked.impact}`),
      },
      {
        kind: 'field',
        label: t('jira.draft.score'),
        text: t('jira.draft.scoreText', {
          score: formatScore(ranked.score),
          rank: ranked.rank,
          explanation: explainScore({ factors: ranked.factors, score: ranked.score, t }),
        }),
      },
      { kind: 'field', label: t('jira.draft.votes'), text: String(ranked.votes) },
    );
  } else if (card.kind === 'opportunity') {
    const ranked = rankOpportunities(map).find((o) => o.cardId === cardId);
    if (!ranked) return null;
    blocks.push(where(ranked), {
      kind: 'field',
      label: t('jira.draft.priority'),
      text: t('jira.draft.priorityText', {
        priority: ranked.priority,
        impact: ranked.impact,
        feasibility: ranked.feasibility,
        quadrant: t(`ranking.quadrant.${ranked.quadrant}`),
      }),
    });
    if (ranked.linkedPainPoints.length > 0) {
      blocks.push({
        kind: 'field',
        label: t('jira.draft.addresses'),
        text: ranked.linkedPainPoints.map((p) => p.text).join('; '),
      });
    }
  } else {
    return null;
  }
  const evidence = card.evidence;
  blocks.push({
    kind: 'field',
    label: t('jira.draft.evidence'),
    text:
      evidence.status === 'validated'
        ? t('jira.draft.validated', { source: evidence.source ?? t('jira.draft.sourceUnnamed') })
        : t('jira.draft.assumption'),
  });
  if (evidence.quote.trim()) blocks.push({ kind: 'quote', text: evidence.quote.trim() });
  blocks.push({
    kind: 'link',
    text: t('jira.draft.link', { title: map.title || t('jira.draft.untitled') }),
    href: `${args.pageUrl}#card-${card.id}`,
  });
  return { summary, blocks };
}
