/**
 * Dot voting's second server-side rule (next to src/resolvers/own-dots.ts): only the person who
 * runs the vote changes the allowance, reveals, hands over or sets a hand tally (0043), and a
 * reveal is final. The rule
 * itself is pure (src/domain/session/vote-authority.ts); this turns its refusal into a typed
 * failure. Called with the latest stored map inside the apply loop, so a rebase re-checks.
 */
import type { Op } from '../domain/operations/op-types';
import type { JourneyMap } from '../domain/model/schema';
import { checkVoteAuthority, withVoteOwner } from '../domain/session/vote-authority';
import { checkTallyAuthority } from '../domain/session/tally-authority';
import { withPlayEndedBy } from '../domain/session/play-end';
import { UseCaseFailure } from './failure';

/** Throws FORBIDDEN / INVALID_INPUT (nothing written) when `ops` may not run on `latest`. */
export function assertVoteAuthority(args: {
  latest: JourneyMap;
  ops: readonly Op[];
  accountId: string | null;
}): void {
  const refusal =
    checkVoteAuthority({
      session: args.latest.session,
      ops: args.ops,
      accountId: args.accountId,
    }) ?? checkTallyAuthority({ map: args.latest, ops: args.ops, accountId: args.accountId });
  if (refusal) throw new UseCaseFailure(refusal.code, refusal.message, `ops.${refusal.index}`);
}

/**
 * The map to save with what the server records from the save's author: the vote's starter
 * (`withVoteOwner`) and who ended the play (`withPlayEndedBy`, docs/decisions/0043).
 */
export function recordVoteOwner(args: {
  latest: JourneyMap;
  applied: JourneyMap;
  accountId: string | null;
}): JourneyMap {
  const owned = withVoteOwner({
    before: args.latest,
    after: args.applied,
    accountId: args.accountId,
  });
  return withPlayEndedBy({ before: args.latest, after: owned, accountId: args.accountId });
}
