/**
 * Sentences for screen readers: what a card, cell or move target is, in words, in the person's
 * language (`t`).
 */
import type { Translate } from '@domain/i18n';
import type { Card, Channel } from '@domain/model/schema';
import { classifyOpportunity } from '@domain/ranking/opportunities';

/** A card read out as one sentence; `votes` is the pain point's `voteText`, as shown elsewhere. */
export function cardSummary(args: {
  card: Card;
  channels: readonly Channel[];
  votes: string | null;
  t: Translate;
}): string {
  const { card, channels, votes, t } = args;
  const parts = [
    t('editor.summary.kindText', {
      kind: t(`editor.cardKind.${card.kind}`),
      text: card.text || t('editor.summary.empty'),
    }),
  ];
  const names = card.channels
    .map((id) => channels.find((c) => c.id === id)?.name)
    .filter((n): n is string => Boolean(n));
  if (names.length) parts.push(t('editor.summary.channels', { names: names.join(', ') }));
  if (card.painPoint && votes) {
    parts.push(
      t('editor.summary.painPoint', {
        impact: t(`vocabulary.impact.${card.painPoint.impact}`),
        votes,
      }),
    );
  }
  if (card.opportunity) {
    const { impact, feasibility } = card.opportunity;
    parts.push(
      t('editor.summary.opportunity', {
        impact,
        feasibility,
        quadrant: t(`ranking.quadrant.${classifyOpportunity(impact, feasibility)}`),
      }),
    );
  }
  const { source } = card.evidence;
  parts.push(
    card.evidence.status !== 'validated'
      ? t('editor.summary.assumption')
      : source
        ? t('editor.summary.validatedBy', { source: t(`editor.source.${source}`) })
        : t('editor.summary.validated'),
  );
  return parts.join(t('editor.summary.sep'));
}
