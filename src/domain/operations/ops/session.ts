/**
 * Session ops: date, notes and the dot allowance, the people, the analysis answers, the agenda
 * and the vote reveal.
 */
import { z } from 'zod';

import type { Analysis, JourneyMap, Person, Session } from '../../model/schema';
import {
  agendaSchema,
  isoDate,
  LONG_TEXT_MAX,
  MAX_VOTES_PER_PERSON,
  SHORT_TEXT_MAX,
} from '../../model/schema';
import { clampNumber } from '../../model/restore-values';
import { mostDotsSpent } from '../../session/dots';
import { defineOp } from '../define-op';
import { textPatchSchema } from '../op-fields';
import type { ApplyResult } from '../helpers';
import { done, drop, patchTexts, sameJson, textOf } from '../helpers';
import type { Op } from '../op-types';

const personInput = z.object({
  accountId: z.string().max(128).nullable(),
  name: z.string(),
});

const optionalText = z.string().optional();

const ANALYSIS_LIMITS: Readonly<Record<keyof Analysis, number>> = {
  confusion: LONG_TEXT_MAX,
  shortfalls: LONG_TEXT_MAX,
  unmetNeeds: LONG_TEXT_MAX,
  complication: LONG_TEXT_MAX,
  opportunities: LONG_TEXT_MAX,
};

/** A person from an op, name cleaned. */
function admitPerson(person: Person): Person {
  return { accountId: person.accountId, name: textOf(person.name, SHORT_TEXT_MAX) ?? '' };
}

/** The map with a new session; no-op when nothing changed. */
export function withSession(map: JourneyMap, next: Session, inverse: Op[]): ApplyResult {
  if (sameJson(next, map.session)) return done(map, []);
  return done({ ...map, session: next }, inverse);
}

/** `session/set`: date, notes and dots per person (never below what someone spent). */
export const sessionSet = defineOp({
  type: 'session/set',
  fields: {
    date: isoDate.nullable().optional().describe('date must be YYYY-MM-DD'),
    notes: optionalText,
    votesPerPerson: z.number().optional(),
  },
  apply(map, op): ApplyResult {
    const s = map.session;
    const next = { ...s };
    if (op.date !== undefined) next.date = op.date;
    if (op.notes !== undefined) next.notes = textOf(op.notes, LONG_TEXT_MAX) ?? '';
    if (op.votesPerPerson !== undefined) {
      // Never below what someone already spent: their dots stay valid, and taking one back
      // then undoing that always fits the allowance again.
      const votes = clampNumber(op.votesPerPerson, {
        min: mostDotsSpent(s.ballots),
        max: MAX_VOTES_PER_PERSON,
        int: true,
      });
      if (votes === null) return drop(map, 'votesPerPerson must be a number');
      next.votesPerPerson = votes;
    }
    return withSession(map, next, [
      { type: 'session/set', date: s.date, notes: s.notes, votesPerPerson: s.votesPerPerson },
    ]);
  },
});

/** `session/setPeople`: facilitator, scribe and participants. */
export const sessionSetPeople = defineOp({
  type: 'session/setPeople',
  fields: {
    facilitator: personInput.nullable().optional(),
    scribe: personInput.nullable().optional(),
    participants: z.array(personInput).optional(),
  },
  apply(map, op): ApplyResult {
    const s = map.session;
    const next = { ...s };
    if (op.facilitator !== undefined)
      next.facilitator = op.facilitator && admitPerson(op.facilitator);
    if (op.scribe !== undefined) next.scribe = op.scribe && admitPerson(op.scribe);
    if (op.participants !== undefined) next.participants = op.participants.map(admitPerson);
    return withSession(map, next, [
      {
        type: 'session/setPeople',
        facilitator: s.facilitator,
        scribe: s.scribe,
        participants: s.participants,
      },
    ]);
  },
});

/** `session/setAnalysis`: patches the five analysis answers. */
export const sessionSetAnalysis = defineOp({
  type: 'session/setAnalysis',
  fields: { patch: textPatchSchema(ANALYSIS_LIMITS).describe('invalid analysis patch') },
  apply(map, op): ApplyResult {
    // The answers live inside the session, so the session is what gets replaced.
    const s = map.session;
    const change = { current: s.analysis, patch: op.patch, limits: ANALYSIS_LIMITS };
    return patchTexts(map, { ...change, invalid: 'invalid analysis patch' }, (analysis, undo) =>
      withSession(map, { ...s, analysis }, [{ type: 'session/setAnalysis', patch: undo }]),
    );
  },
});

/** `session/setAgenda`: the running agenda step and its timer. */
export const sessionSetAgenda = defineOp({
  type: 'session/setAgenda',
  fields: { agenda: agendaSchema.describe('invalid agenda') },
  apply: (map, op): ApplyResult =>
    withSession(map, { ...map.session, agenda: op.agenda }, [
      { type: 'session/setAgenda', agenda: map.session.agenda },
    ]),
});

/** `session/revealVotes`: shows (or hides) everyone's dots; revealed results close voting. */
export const sessionRevealVotes = defineOp({
  type: 'session/revealVotes',
  fields: { revealed: z.boolean() },
  apply: (map, op): ApplyResult =>
    withSession(map, { ...map.session, votesRevealed: op.revealed }, [
      { type: 'session/revealVotes', revealed: map.session.votesRevealed },
    ]),
});

/** The session ops (photos are in session-photos.ts, dots in ballots.ts). */
export const sessionOps = [
  sessionSet,
  sessionSetPeople,
  sessionSetAnalysis,
  sessionSetAgenda,
  sessionRevealVotes,
] as const;
