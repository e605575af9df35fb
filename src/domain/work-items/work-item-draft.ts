/**
 * The summary and description a new work item is prefilled with, from the map: persona, stage ›
 * step, impact and score with its factors, evidence and quote, votes, and a link back to the page
 * and the card. Plain blocks; the Jira adapter turns them into ADF.
 */
import type { JourneyMap } from '../model/schema';
import { formatScore } from '../ranking/pain-point-score';
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
}): WorkItemDraft | null {
  const { map, cardId } = args;
  const card = map.cards.find((c) => c.id === cardId);
  if (!card) return null;
  const persona = map.persona.name.trim();
  const blocks: DraftBlock[] = [];
  const prefix = card.kind === 'painPoint' ? 'Pain point' : 'Opportunity';
  const summary = oneLine(`${prefix}: ${card.text || '(no text)'}`, SUMMARY_MAX);
  if (persona) blocks.push({ kind: 'field', label: 'Persona', text: persona });
  if (card.kind === 'painPoint') {
    const ranked = rankPainPoints(map).find((p) => p.cardId === cardId);
    if (!ranked) return null;
    blocks.push(
      { kind: 'field', label: 'Where', text: `${ranked.stageName} › ${ranked.stepName}` },
      { kind: 'field', label: 'Impact', text: ranked.impact },
      {
        kind: 'field',
        label: 'Score',
        text: `${formatScore(ranked.score)} (rank ${ranked.rank}): ${ranked.explanation}`,
      },
      { kind: 'field', label: 'Votes', text: String(ranked.votes) },
    );
  } else if (card.kind === 'opportunity') {
    const ranked = rankOpportunities(map).find((o) => o.cardId === cardId);
    if (!ranked) return null;
    blocks.push(
      { kind: 'field', label: 'Where', text: `${ranked.stageName} › ${ranked.stepName}` },
      {
        kind: 'field',
        label: 'Priority',
        text: `${ranked.priority} (impact ${ranked.impact} × feasibility ${ranked.feasibility}), ${ranked.quadrant}`,
      },
    );
    if (ranked.linkedPainPoints.length > 0) {
      blocks.push({
        kind: 'field',
        label: 'Addresses',
        text: ranked.linkedPainPoints.map((p) => p.text).join('; '),
      });
    }
  } else {
    return null;
  }
  const evidence = card.evidence;
  blocks.push({
    kind: 'field',
    label: 'Evidence',
    text:
      evidence.status === 'validated'
        ? `validated (${evidence.source ?? 'source not named'})`
        : 'assumption, not validated yet',
  });
  if (evidence.quote.trim()) blocks.push({ kind: 'quote', text: evidence.quote.trim() });
  blocks.push({
    kind: 'link',
    text: `${map.title || 'Journey map'}: the card on the map`,
    href: `${args.pageUrl}#card-${card.id}`,
  });
  return { summary, blocks };
}
