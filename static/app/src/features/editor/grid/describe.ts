/**
 * Sentences for screen readers: what a card, cell or move target is, in words.
 */
import type { Card, Channel } from '@domain/model/schema';
import { CARD_KIND, IMPACT_LABEL, SOURCE_LABEL, opportunityQuadrant } from '../labels';

/** A card read out as one sentence. */
export function cardSummary(card: Card, channels: readonly Channel[]): string {
  const parts = [`${CARD_KIND[card.kind].label}: ${card.text || 'empty'}`];
  const names = card.channels
    .map((id) => channels.find((c) => c.id === id)?.name)
    .filter((n): n is string => Boolean(n));
  if (names.length) parts.push(`channels ${names.join(', ')}`);
  if (card.painPoint) {
    parts.push(`${IMPACT_LABEL[card.painPoint.impact]}, ${card.painPoint.votes} votes`);
  }
  if (card.opportunity) {
    const { impact, feasibility } = card.opportunity;
    parts.push(
      `impact ${impact}, feasibility ${feasibility}, ${opportunityQuadrant(impact, feasibility)}`,
    );
  }
  parts.push(
    card.evidence.status === 'validated'
      ? `validated${card.evidence.source ? ` by ${SOURCE_LABEL[card.evidence.source]}` : ''}`
      : 'assumption',
  );
  return parts.join('. ');
}
