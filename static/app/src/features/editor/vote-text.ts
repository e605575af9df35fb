/**
 * A pain point's vote counts in words, the same everywhere (card face, card details, voting
 * panel, screen-reader label): revealed dots, then the hand tally apart from them.
 */
import type { Translate } from '@domain/i18n';
import type { VoteCounts } from '@domain/session/vote-counts';

/** "3 dots · 2 counted by hand", "2 counted by hand", or "no votes yet". */
export function voteText(counts: VoteCounts, t: Translate): string {
  const parts: string[] = [];
  if (counts.dots !== null) parts.push(t('votes.dots', { count: counts.dots }));
  if (counts.hand > 0) parts.push(t('votes.hand', { count: counts.hand }));
  return parts.length ? parts.join(' · ') : t('votes.none');
}
