/**
 * Who runs a dot vote (docs/decisions/0017): the session's facilitator when one is named with an
 * account, else the person who started the vote (`session.voteOwner`, recorded by the server),
 * else nobody yet, and then anyone who can edit may start it. Only that person changes the
 * allowance, reveals the results or names another facilitator; a reveal is final.
 */
import type { JourneyMap, Session } from '../model/schema';
import type { Op } from '../operations/op-types';
import { msg } from '../i18n/message';
import type { Message } from '../i18n/message';

/** The account that runs the vote, or null when nobody does yet. */
export function voteAuthority(session: Session): string | null {
  return session.facilitator?.accountId ?? session.voteOwner;
}

/** Why a batch may not run, and which op says so. */
export type VoteRefusal = {
  code: 'FORBIDDEN' | 'INVALID_INPUT';
  message: Message;
  /** Index of the first op refused. */
  index: number;
};

function accountOf(person: unknown): string | null {
  if (person === null || typeof person !== 'object') return null;
  const id: unknown = (person as { accountId?: unknown }).accountId;
  return typeof id === 'string' ? id : null;
}

/** The vote-running ops of a batch with what each does, or null for any other op. */
function gesture(
  op: Op,
  session: Session,
): 'allowance' | 'reveal' | 'unreveal' | 'facilitator' | null {
  switch (op?.type) {
    case 'session/set':
      return op.votesPerPerson !== undefined && op.votesPerPerson !== session.votesPerPerson
        ? 'allowance'
        : null;
    case 'session/revealVotes':
      return op.revealed === false ? 'unreveal' : 'reveal';
    case 'session/setPeople':
      return op.facilitator !== undefined &&
        accountOf(op.facilitator) !== accountOf(session.facilitator)
        ? 'facilitator'
        : null;
    default:
      return null;
  }
}

/**
 * The refusal for `ops` sent by `accountId` against `session` (the latest stored one), or null
 * when the batch may run. Judged on the session before the batch, so a batch cannot first name
 * its sender facilitator and then act as one; one refused op refuses the whole batch.
 */
export function checkVoteAuthority(args: {
  session: Session;
  ops: readonly Op[];
  accountId: string | null;
}): VoteRefusal | null {
  const { session, ops, accountId } = args;
  const authority = voteAuthority(session);
  const mayRun = accountId !== null && (authority === null || authority === accountId);
  let revealed = session.votesRevealed;
  for (const [index, op] of ops.entries()) {
    const what = gesture(op, session);
    if (what === null) continue;
    if (what === 'unreveal' && revealed) {
      return {
        code: 'INVALID_INPUT',
        message: msg('errors.vote.revealFinal'),
        index,
      };
    }
    if (what === 'unreveal') continue;
    if (!mayRun) {
      return {
        code: 'FORBIDDEN',
        message: session.facilitator?.accountId
          ? msg('errors.vote.onlyFacilitator')
          : msg('errors.vote.onlyStarter'),
        index,
      };
    }
    if (what === 'reveal') revealed = true;
  }
  return null;
}

/**
 * `after` with `voteOwner` recorded as `accountId` when this save started the vote (changed the
 * allowance, the ballots or the reveal while nobody was recorded); otherwise `after` itself.
 */
export function withVoteOwner(args: {
  before: JourneyMap;
  after: JourneyMap;
  accountId: string | null;
}): JourneyMap {
  const { before, after, accountId } = args;
  const s = before.session;
  const t = after.session;
  if (accountId === null || t.voteOwner !== null) return after;
  const started =
    s.votesPerPerson !== t.votesPerPerson ||
    s.votesRevealed !== t.votesRevealed ||
    JSON.stringify(s.ballots) !== JSON.stringify(t.ballots);
  return started ? { ...after, session: { ...t, voteOwner: accountId } } : after;
}
