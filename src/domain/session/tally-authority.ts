/**
 * The hand tally (`painPoint.votes`, votes counted on a physical wall) is the facilitator's
 * number (docs/decisions/0043): only the person who runs the vote (0017's `voteAuthority`) changes
 * it; while nobody does, any editor may. Judged on the latest stored map before the batch.
 */
import type { JourneyMap } from '../model/schema';
import type { Op } from '../operations/op-types';
import { voteAuthority, type VoteRefusal } from './vote-authority';
import { msg } from '../i18n/message';

/** Whether `op` changes a stored pain point's hand tally. */
function changesTally(op: Op, map: JourneyMap): boolean {
  if (op?.type === 'card/vote') return op.delta !== 0;
  if (op?.type !== 'card/edit' || !op.patch.painPoint) return false;
  const card = map.cards.find((c) => c.id === op.id);
  return (
    card?.painPoint !== null &&
    card?.painPoint !== undefined &&
    op.patch.painPoint.votes !== card.painPoint.votes
  );
}

/** The refusal for a batch that sets a hand tally without running the vote, or null. */
export function checkTallyAuthority(args: {
  map: JourneyMap;
  ops: readonly Op[];
  accountId: string | null;
}): VoteRefusal | null {
  const authority = voteAuthority(args.map.session);
  if (authority !== null && authority === args.accountId) return null;
  if (authority === null && args.accountId !== null) return null;
  const index = args.ops.findIndex((op) => changesTally(op, args.map));
  if (index < 0) return null;
  return {
    code: 'FORBIDDEN',
    message: msg('errors.vote.tallyOwner'),
    index,
  };
}
