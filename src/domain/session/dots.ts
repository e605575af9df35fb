/**
 * Dot-voting arithmetic over `session.ballots`: what one person spent, what everyone cast, and
 * the per-card totals the impact score adds once the facilitator reveals the results.
 */
import type { Ballot, JourneyMap } from '../model/schema';

/** The canonical order of ballots (voter, then card), so equal ballots make equal maps. */
export function compareBallots(a: Ballot, b: Ballot): number {
  if (a.voter !== b.voter) return a.voter < b.voter ? -1 : 1;
  if (a.cardId !== b.cardId) return a.cardId < b.cardId ? -1 : 1;
  return 0;
}

/** Dots `voter` placed on `cardId` (0 when none). */
export function dotsOn(ballots: readonly Ballot[], at: { voter: string; cardId: string }): number {
  return ballots.find((b) => b.voter === at.voter && b.cardId === at.cardId)?.dots ?? 0;
}

/**
 * Dots `voter` has spent, on any card. Dots on a card that was since deleted still count: the
 * delete can be undone, and counting them keeps the allowance honest when it is.
 */
export function dotsSpent(ballots: readonly Ballot[], voter: string): number {
  let sum = 0;
  for (const b of ballots) if (b.voter === voter) sum += b.dots;
  return sum;
}

/** Every dot cast so far (shown before the reveal, when per-card totals stay hidden). */
export function dotsCast(ballots: readonly Ballot[]): number {
  let sum = 0;
  for (const b of ballots) sum += b.dots;
  return sum;
}

/** The most dots any one person has spent (the allowance cannot go below it). */
export function mostDotsSpent(ballots: readonly Ballot[]): number {
  const per = new Map<string, number>();
  for (const b of ballots) per.set(b.voter, (per.get(b.voter) ?? 0) + b.dots);
  return Math.max(0, ...per.values());
}

/** Dots per card from everyone's ballots (regardless of reveal: callers decide who sees them). */
export function dotsPerCard(ballots: readonly Ballot[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of ballots) out.set(b.cardId, (out.get(b.cardId) ?? 0) + b.dots);
  return out;
}

/**
 * Dots per card that count towards the impact score: none until the results are revealed, so
 * nobody's ranking (write-up, insights) gives the totals away during voting.
 */
export function revealedDots(session: JourneyMap['session']): Map<string, number> {
  return session.votesRevealed ? dotsPerCard(session.ballots) : new Map<string, number>();
}

/** Everyone's dots on one card (regardless of reveal: callers decide who sees them). */
export function dotsOnCard(ballots: readonly Ballot[], cardId: string): number {
  let sum = 0;
  for (const b of ballots) if (b.cardId === cardId) sum += b.dots;
  return sum;
}
