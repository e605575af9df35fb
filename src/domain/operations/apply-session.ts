/**
 * Handlers for the session: date, notes, people, analysis, photos, agenda and vote reveal.
 */
import {
  agendaSchema,
  CARD_TEXT_MAX,
  isoDate,
  LONG_TEXT_MAX,
  MAX_VOTES_PER_PERSON,
  SHORT_TEXT_MAX,
} from '../model/schema';
import { mostDotsSpent } from '../session/dots';
import type { Analysis, JourneyMap, Person, Session, SessionPhoto } from '../model/schema';
import { clampNumber, isId, isRecord } from '../model/restore-values';
import { cleanTextPatch, pick } from './apply-map';
import type { ApplyResult } from './helpers';
import {
  changedKeys,
  clampIndex,
  done,
  drop,
  insertAt,
  removeAt,
  replaceAt,
  sameJson,
  textOf,
} from './helpers';
import type { Op } from './op-types';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

/** A person from an op, cleaned; undefined when malformed. */
function admitPerson(value: unknown): Person | undefined {
  if (!isRecord(value)) return undefined;
  const name = textOf(value.name, SHORT_TEXT_MAX);
  const accountId = value.accountId ?? null;
  if (name === null) return undefined;
  if (accountId !== null && (typeof accountId !== 'string' || accountId.length > 128))
    return undefined;
  return { accountId, name };
}

/** A photo from an op, cleaned; null when malformed. */
function admitPhoto(map: JourneyMap, value: unknown): SessionPhoto | null {
  if (!isRecord(value)) return null;
  const { attachmentId, fileName, caption, stepId } = value;
  if (typeof attachmentId !== 'string' || attachmentId === '' || attachmentId.length > 128)
    return null;
  const name = textOf(fileName, 255);
  if (name === null) return null;
  const step = isId(stepId) && map.steps.some((s) => s.id === stepId) ? stepId : null;
  return {
    attachmentId,
    fileName: name,
    caption: textOf(caption ?? '', CARD_TEXT_MAX) ?? '',
    stepId: step,
  };
}

/** The map with a new session; no-op when nothing changed. */
function withSession(map: JourneyMap, next: Session, inverse: Op[]): ApplyResult {
  if (sameJson(next, map.session)) return done(map, []);
  return done({ ...map, session: next }, inverse);
}

/** session/*. */
export function applySessionOp(
  map: JourneyMap,
  op: OpOf<
    | 'session/set'
    | 'session/setPeople'
    | 'session/setAnalysis'
    | 'session/addPhoto'
    | 'session/editPhoto'
    | 'session/removePhoto'
    | 'session/restorePhoto'
    | 'session/setAgenda'
    | 'session/revealVotes'
  >,
): ApplyResult {
  const s = map.session;
  switch (op.type) {
    case 'session/set': {
      const next = { ...s };
      if (op.date !== undefined) {
        if (op.date !== null && !isoDate.safeParse(op.date).success)
          return drop(map, 'date must be YYYY-MM-DD');
        next.date = op.date;
      }
      if (op.notes !== undefined) {
        const notes = textOf(op.notes, LONG_TEXT_MAX);
        if (notes === null) return drop(map, 'notes must be text');
        next.notes = notes;
      }
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
    }
    case 'session/setPeople': {
      const next = { ...s };
      for (const key of ['facilitator', 'scribe'] as const) {
        const value = op[key];
        if (value === undefined) continue;
        const person = value === null ? null : admitPerson(value);
        if (person === undefined) return drop(map, `invalid ${key}`);
        next[key] = person;
      }
      if (op.participants !== undefined) {
        if (!Array.isArray(op.participants)) return drop(map, 'participants must be a list');
        const people = op.participants.map(admitPerson);
        if (people.some((p) => p === undefined)) return drop(map, 'invalid participant');
        next.participants = people as Person[];
      }
      return withSession(map, next, [
        {
          type: 'session/setPeople',
          facilitator: s.facilitator,
          scribe: s.scribe,
          participants: s.participants,
        },
      ]);
    }
    case 'session/setAnalysis': {
      const patch = cleanTextPatch<keyof Analysis>(op.patch, {
        confusion: LONG_TEXT_MAX,
        shortfalls: LONG_TEXT_MAX,
        unmetNeeds: LONG_TEXT_MAX,
        complication: LONG_TEXT_MAX,
        opportunities: LONG_TEXT_MAX,
      });
      if (patch === null) return drop(map, 'invalid analysis patch');
      const keys = changedKeys(s.analysis, patch);
      if (keys.length === 0) return done(map, []);
      return withSession(map, { ...s, analysis: { ...s.analysis, ...patch } }, [
        { type: 'session/setAnalysis', patch: pick(s.analysis, keys) },
      ]);
    }
    case 'session/addPhoto':
    case 'session/restorePhoto': {
      const photo = admitPhoto(map, op.photo);
      if (photo === null) return drop(map, 'invalid photo');
      if (s.photos.some((p) => p.attachmentId === photo.attachmentId))
        return drop(map, 'photo already added');
      const index = clampIndex(
        op.type === 'session/restorePhoto' ? op.index : undefined,
        s.photos.length,
      );
      return withSession(map, { ...s, photos: insertAt(s.photos, index, photo) }, [
        { type: 'session/removePhoto', attachmentId: photo.attachmentId },
      ]);
    }
    case 'session/editPhoto': {
      const at = s.photos.findIndex((p) => p.attachmentId === op.attachmentId);
      const photo = s.photos[at];
      if (photo === undefined) return drop(map, 'photo not found');
      const next = { ...photo };
      if (op.caption !== undefined) {
        const caption = textOf(op.caption, CARD_TEXT_MAX);
        if (caption === null) return drop(map, 'caption must be text');
        next.caption = caption;
      }
      if (op.stepId !== undefined) {
        if (op.stepId !== null && !map.steps.some((st) => st.id === op.stepId))
          return drop(map, 'step not found');
        next.stepId = op.stepId;
      }
      return withSession(map, { ...s, photos: replaceAt(s.photos, at, next) }, [
        {
          type: 'session/editPhoto',
          attachmentId: photo.attachmentId,
          caption: photo.caption,
          stepId: photo.stepId,
        },
      ]);
    }
    case 'session/removePhoto': {
      const at = s.photos.findIndex((p) => p.attachmentId === op.attachmentId);
      const photo = s.photos[at];
      if (photo === undefined) return drop(map, 'photo not found');
      return withSession(map, { ...s, photos: removeAt(s.photos, at) }, [
        { type: 'session/restorePhoto', photo, index: at },
      ]);
    }
    case 'session/setAgenda': {
      const agenda = agendaSchema.safeParse(op.agenda);
      if (!agenda.success) return drop(map, 'invalid agenda');
      return withSession(map, { ...s, agenda: agenda.data }, [
        { type: 'session/setAgenda', agenda: s.agenda },
      ]);
    }
    case 'session/revealVotes':
      if (typeof op.revealed !== 'boolean') return drop(map, 'revealed must be true or false');
      return withSession(map, { ...s, votesRevealed: op.revealed }, [
        { type: 'session/revealVotes', revealed: s.votesRevealed },
      ]);
  }
}
