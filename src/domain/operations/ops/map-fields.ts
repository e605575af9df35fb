/**
 * Ops on map-level fields and the persona. Each sets one field (or patches one record) and its
 * inverse puts the previous values of exactly the changed keys back.
 */
import { z } from 'zod';

import { cleanText } from '../../model/restore-values';
import type { JourneyMap, Persona, Scope } from '../../model/schema';
import {
  CARD_TEXT_MAX,
  cadences,
  isoDate,
  LONG_TEXT_MAX,
  mapLinkSchema,
  mapStates,
  photoRefSchema,
  SHORT_TEXT_MAX,
  writeUpRefSchema,
} from '../../model/schema';
import { defineOp } from '../define-op';
import { textPatchSchema } from '../op-fields';
import type { Op } from '../op-types';
import type { ApplyResult } from '../helpers';
import { cleanTextPatch, done, drop, patchRecord, patchTexts, setTop, textOf } from '../helpers';

const PERSONA_LIMITS: Readonly<Record<Exclude<keyof Persona, 'photo'>, number>> = {
  name: SHORT_TEXT_MAX,
  role: SHORT_TEXT_MAX,
  age: SHORT_TEXT_MAX,
  familyStatus: SHORT_TEXT_MAX,
  professionalGoals: CARD_TEXT_MAX,
  personalInterests: CARD_TEXT_MAX,
  goals: CARD_TEXT_MAX,
  details: LONG_TEXT_MAX,
};

const SCOPE_LIMITS: Readonly<Record<keyof Scope, number>> = {
  scenario: CARD_TEXT_MAX,
  goal: CARD_TEXT_MAX,
  start: CARD_TEXT_MAX,
  end: CARD_TEXT_MAX,
};

/** Sets the title or the owning team: one line of text, cleaned and cut to the short limit. */
function setShortText(
  map: JourneyMap,
  key: 'title' | 'owningTeam',
  value: string,
  inverse: (old: string) => Op,
): ApplyResult {
  return setTop(map, key, textOf(value, SHORT_TEXT_MAX) ?? '', inverse);
}

/** `map/setTitle`. */
export const mapSetTitle = defineOp({
  type: 'map/setTitle',
  fields: { title: z.string() },
  apply: (map, op): ApplyResult =>
    setShortText(map, 'title', op.title, (old) => ({ type: 'map/setTitle', title: old })),
});

/** `map/setOwningTeam`. */
export const mapSetOwningTeam = defineOp({
  type: 'map/setOwningTeam',
  fields: { team: z.string() },
  apply: (map, op): ApplyResult =>
    setShortText(map, 'owningTeam', op.team, (old) => ({ type: 'map/setOwningTeam', team: old })),
});

/** `map/setState`: current or future state. */
export const mapSetState = defineOp({
  type: 'map/setState',
  fields: { state: z.enum(mapStates, 'unknown map state') },
  apply: (map, op): ApplyResult =>
    setTop(map, 'state', op.state, (old) => ({ type: 'map/setState', state: old })),
});

/** `map/setLinkedMap`: the current ↔ future state link (null unlinks). */
export const mapSetLinkedMap = defineOp({
  type: 'map/setLinkedMap',
  fields: { link: mapLinkSchema.nullable().describe('invalid map link') },
  apply: (map, op): ApplyResult =>
    setTop(map, 'linkedMap', op.link, (old) => ({ type: 'map/setLinkedMap', link: old })),
});

/** `map/setScope`: patches the scenario, goal, start and end. */
export const mapSetScope = defineOp({
  type: 'map/setScope',
  fields: { patch: textPatchSchema(SCOPE_LIMITS).describe('invalid scope patch') },
  apply: (map, op): ApplyResult =>
    patchTexts(
      map,
      { current: map.scope, patch: op.patch, limits: SCOPE_LIMITS, invalid: 'invalid scope patch' },
      (scope, undo) => done({ ...map, scope }, [{ type: 'map/setScope', patch: undo }]),
    ),
});

/** `map/setReview`: the review cadence and the last review date. */
export const mapSetReview = defineOp({
  type: 'map/setReview',
  fields: {
    cadence: z.enum(cadences, 'unknown review cadence').optional(),
    lastReviewed: isoDate.nullable().optional().describe('lastReviewed must be YYYY-MM-DD'),
  },
  apply(map, op): ApplyResult {
    const next = { ...map.review };
    if (op.cadence !== undefined) next.cadence = op.cadence;
    if (op.lastReviewed !== undefined) next.lastReviewed = op.lastReviewed;
    return setTop(map, 'review', next, (old) => ({
      type: 'map/setReview',
      cadence: old.cadence,
      lastReviewed: old.lastReviewed,
    }));
  },
});

/** `map/setWriteUp`: only `writeup/generate` sends it (the resolver refuses it from clients). */
export const mapSetWriteUp = defineOp({
  type: 'map/setWriteUp',
  fields: { writeUp: writeUpRefSchema.nullable().describe('invalid write-up reference') },
  apply(map, op): ApplyResult {
    const writeUp = op.writeUp && { ...op.writeUp, title: cleanText(op.writeUp.title, 255) };
    return setTop(map, 'writeUp', writeUp, (old) => ({ type: 'map/setWriteUp', writeUp: old }));
  },
});

/** `persona/set`: patches the persona's texts and photo. */
export const personaSet = defineOp({
  type: 'persona/set',
  fields: {
    patch: textPatchSchema(PERSONA_LIMITS)
      .extend({ photo: photoRefSchema.nullable().optional() })
      .describe('invalid persona patch'),
  },
  apply(map, op): ApplyResult {
    const { photo, ...texts } = op.patch;
    const patch: Partial<Persona> | null = cleanTextPatch(texts, PERSONA_LIMITS);
    if (patch === null) return drop(map, 'invalid persona patch');
    if (photo !== undefined) patch.photo = photo;
    return patchRecord(map, { current: map.persona, patch }, (persona, undo) =>
      done({ ...map, persona }, [{ type: 'persona/set', patch: undo }]),
    );
  },
});

/** The map-level ops. */
export const mapFieldOps = [
  mapSetTitle,
  mapSetState,
  mapSetLinkedMap,
  mapSetOwningTeam,
  mapSetScope,
  mapSetReview,
  mapSetWriteUp,
  personaSet,
] as const;
