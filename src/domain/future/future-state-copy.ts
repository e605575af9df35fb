/**
 * The future-state copy of a current-state map. Ids are kept: they are scoped per map, and a kept
 * id is what lets the comparison match a step, stage or pain point across the two maps without
 * guessing from text. Session data (photos, agenda, notes, votes, write-up) belongs to the
 * session that produced the current map, so the copy starts without it.
 */
import { createSession } from '../model/factories';
import type { JourneyMap, MapLink } from '../model/schema';
import { SHORT_TEXT_MAX } from '../model/schema';
import { clipText } from '../model/clip-text';

/** Suffix of a future-state map's title. */
export const FUTURE_TITLE_SUFFIX = ' (future state)';

/** At most `room` UTF-16 units of `text`, cut between code points, trailing spaces dropped. */
function cutTo(text: string, room: number): string {
  return clipText(text, room).trimEnd();
}

/** "<title> (future state)", the title cut so the whole fits the short-text limit. */
export function futureStateTitle(title: string): string {
  const base = title.trim() || 'Journey map';
  return `${cutTo(base, SHORT_TEXT_MAX - FUTURE_TITLE_SUFFIX.length)}${FUTURE_TITLE_SUFFIX}`;
}

/** Arguments of {@link futureStateCopy}. */
export type FutureStateCopyArgs = {
  /** The current-state map being copied. */
  current: JourneyMap;
  /** Where the current-state map lives: the copy links back to it. */
  currentAt: MapLink;
  /** Whether the copy sits on the same page (page attachments such as the persona photo stay valid). */
  samePage: boolean;
  /** The instant of the copy (the new map's `updatedAt` and review start). */
  now: Date;
};

/** A future-state map copied from a current-state map (pure; ids kept, session data left out). */
export function futureStateCopy(args: FutureStateCopyArgs): JourneyMap {
  const { current } = args;
  const copy = structuredClone(current);
  return {
    ...copy,
    title: futureStateTitle(current.title),
    state: 'future',
    linkedMap: { pageId: args.currentAt.pageId, localId: args.currentAt.localId },
    // An attachment of another page would not resolve from the child page.
    persona: args.samePage ? copy.persona : { ...copy.persona, photo: null },
    // Dot votes are ballots of the current-state session, not a property of the pain point.
    cards: copy.cards.map((c) =>
      c.painPoint ? { ...c, painPoint: { ...c.painPoint, votes: 0 } } : c,
    ),
    review: { ...copy.review, lastReviewed: args.now.toISOString().slice(0, 10) },
    session: createSession(),
    writeUp: null,
    updatedAt: args.now.toISOString(),
  };
}

/** Title of the child page that holds a future-state map; later attempts are numbered. */
export function futurePageTitle(pageTitle: string, attempt = 1): string {
  const suffix = attempt > 1 ? ` (future state ${attempt})` : FUTURE_TITLE_SUFFIX;
  // Confluence page titles hold at most 255 characters.
  return `${cutTo(pageTitle.trim() || 'Journey map', 255 - suffix.length)}${suffix}`;
}
