/**
 * What an import may not bring to dot voting (issue 13, item 5): the file's ballots, reveal and
 * vote owner would let anyone import any count of dots for anyone, or reopen a revealed vote.
 * The vote belongs to this page's session: its state is kept from the map being replaced (none
 * for a new map), and so is the facilitator once somebody runs the vote.
 */
import { msg } from '../i18n/message';
import type { JourneyMap, Session } from '../model/schema';
import { voteAuthority } from '../session/vote-authority';
import type { ImportNote } from './import-outcome';

type VoteState = Pick<Session, 'ballots' | 'votesRevealed' | 'voteOwner' | 'votesPerPerson'>;

/** The imported map with the vote of `current` (or a fresh, empty vote), and what was left out. */
export function adoptVote(
  imported: JourneyMap,
  current: JourneyMap | null,
): { map: JourneyMap; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const file = imported.session;
  const kept: VoteState = current
    ? {
        ballots: current.session.ballots,
        votesRevealed: current.session.votesRevealed,
        voteOwner: current.session.voteOwner,
        votesPerPerson: current.session.votesPerPerson,
      }
    : { ballots: [], votesRevealed: false, voteOwner: null, votesPerPerson: file.votesPerPerson };
  if (file.ballots.length > 0) {
    const dots = file.ballots.reduce((sum, b) => sum + b.dots, 0);
    notes.push({
      path: 'session.ballots',
      message: `the file's ${dots} dot ${dots === 1 ? 'vote was' : 'votes were'} not imported: dots are cast on this page by each person`,
      said: msg('exchange.repair.votesDropped', { count: dots }),
    });
  }
  const runner = current ? voteAuthority(current.session) : null;
  const sameFacilitator =
    JSON.stringify(file.facilitator) === JSON.stringify(current?.session.facilitator ?? null);
  const facilitator = runner === null ? file.facilitator : (current?.session.facilitator ?? null);
  if (runner !== null && !sameFacilitator) {
    notes.push({
      path: 'session.facilitator',
      message:
        "the file's facilitator was not imported: this page's vote keeps the person running it",
      said: msg('exchange.repair.facilitatorKept'),
    });
  }
  return { map: { ...imported, session: { ...file, ...kept, facilitator } }, notes };
}
