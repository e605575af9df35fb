/**
 * Who ended the play (docs/decisions/0043): recorded by the server from the save's author, so
 * every viewer can be told by name and no client can name somebody else.
 */
import type { JourneyMap } from '../model/schema';

/**
 * `after` with `session.playEndedBy` set from `accountId` when this save ended a running play,
 * cleared while a run is on, and otherwise as it was stored before (an op never sets it).
 */
export function withPlayEndedBy(args: {
  before: JourneyMap;
  after: JourneyMap;
  accountId: string | null;
}): JourneyMap {
  const { before, after, accountId } = args;
  const wasRunning = before.session.agenda.stepIndex !== null;
  const running = after.session.agenda.stepIndex !== null;
  const endedBy = running ? null : wasRunning ? accountId : before.session.playEndedBy;
  return endedBy === after.session.playEndedBy
    ? after
    : { ...after, session: { ...after.session, playEndedBy: endedBy } };
}
