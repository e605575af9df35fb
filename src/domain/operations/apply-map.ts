/**
 * Handlers for map-level fields, the persona, the back-story and channels.
 */
import {
  CARD_TEXT_MAX,
  cadences,
  channelSchema,
  isoDate,
  LONG_TEXT_MAX,
  mapLinkSchema,
  mapStates,
  photoRefSchema,
  SHORT_TEXT_MAX,
  writeUpRefSchema,
} from '../model/schema';
import type { Channel, JourneyMap, Persona, Scope, Sticky } from '../model/schema';
import { cleanText, isRecord } from '../model/restore-values';
import type { ApplyResult } from './helpers';
import {
  changedKeys,
  clampIndex,
  done,
  drop,
  indexOfId,
  insertAt,
  isNewId,
  moveItem,
  removeAt,
  replaceAt,
  sameJson,
  textOf,
} from './helpers';
import type { BackStoryList, Op } from './op-types';
import { clearRefs, restoreRefs } from './refs';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

const lists: readonly BackStoryList[] = ['painPoints', 'requirements', 'outcomes'];

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

/** Cleans a text patch against per-key limits; null when a key is unknown or not text. */
export function cleanTextPatch<K extends string>(
  patch: unknown,
  limits: Readonly<Record<K, number>>,
): Partial<Record<K, string>> | null {
  if (!isRecord(patch)) return null;
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(limits, key)) return null;
    const text = textOf(value, limits[key as K]);
    if (text === null) return null;
    out[key as K] = text;
  }
  return out;
}

/** Old values of `keys`, as a patch. */
export function pick<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = from[k];
  return out;
}

/** Sets one top-level field; no-op when equal. */
function setTop<K extends keyof JourneyMap>(
  map: JourneyMap,
  key: K,
  value: JourneyMap[K],
  inverse: (old: JourneyMap[K]) => Op,
): ApplyResult {
  if (sameJson(map[key], value)) return done(map, []);
  return done({ ...map, [key]: value }, [inverse(map[key])]);
}

/** map/* and persona/set. */
export function applyMapOp(
  map: JourneyMap,
  op: OpOf<
    | 'map/setTitle'
    | 'map/setState'
    | 'map/setLinkedMap'
    | 'map/setOwningTeam'
    | 'map/setScope'
    | 'map/setReview'
    | 'map/setWriteUp'
    | 'persona/set'
  >,
): ApplyResult {
  switch (op.type) {
    case 'map/setTitle': {
      const title = textOf(op.title, SHORT_TEXT_MAX);
      if (title === null) return drop(map, 'title must be text');
      return setTop(map, 'title', title, (old) => ({ type: 'map/setTitle', title: old }));
    }
    case 'map/setState':
      if (!mapStates.includes(op.state)) return drop(map, 'unknown map state');
      return setTop(map, 'state', op.state, (old) => ({ type: 'map/setState', state: old }));
    case 'map/setLinkedMap': {
      if (op.link === null) {
        return setTop(map, 'linkedMap', null, (old) => ({ type: 'map/setLinkedMap', link: old }));
      }
      const link = mapLinkSchema.safeParse(op.link);
      if (!link.success) return drop(map, 'invalid map link');
      return setTop(map, 'linkedMap', link.data, (old) => ({
        type: 'map/setLinkedMap',
        link: old,
      }));
    }
    case 'map/setOwningTeam': {
      const team = textOf(op.team, SHORT_TEXT_MAX);
      if (team === null) return drop(map, 'team must be text');
      return setTop(map, 'owningTeam', team, (old) => ({ type: 'map/setOwningTeam', team: old }));
    }
    case 'map/setScope': {
      const patch = cleanTextPatch<keyof Scope>(op.patch, {
        scenario: CARD_TEXT_MAX,
        goal: CARD_TEXT_MAX,
        start: CARD_TEXT_MAX,
        end: CARD_TEXT_MAX,
      });
      if (patch === null) return drop(map, 'invalid scope patch');
      const keys = changedKeys(map.scope, patch);
      if (keys.length === 0) return done(map, []);
      return done({ ...map, scope: { ...map.scope, ...patch } }, [
        { type: 'map/setScope', patch: pick(map.scope, keys) },
      ]);
    }
    case 'map/setReview': {
      const next = { ...map.review };
      if (op.cadence !== undefined) {
        if (!cadences.includes(op.cadence)) return drop(map, 'unknown review cadence');
        next.cadence = op.cadence;
      }
      if (op.lastReviewed !== undefined) {
        if (op.lastReviewed !== null && !isoDate.safeParse(op.lastReviewed).success) {
          return drop(map, 'lastReviewed must be YYYY-MM-DD');
        }
        next.lastReviewed = op.lastReviewed;
      }
      if (sameJson(next, map.review)) return done(map, []);
      return done({ ...map, review: next }, [
        {
          type: 'map/setReview',
          cadence: map.review.cadence,
          lastReviewed: map.review.lastReviewed,
        },
      ]);
    }
    case 'map/setWriteUp': {
      if (op.writeUp === null) {
        return setTop(map, 'writeUp', null, (old) => ({ type: 'map/setWriteUp', writeUp: old }));
      }
      const ref = writeUpRefSchema.safeParse(op.writeUp);
      if (!ref.success) return drop(map, 'invalid write-up reference');
      const writeUp = { ...ref.data, title: cleanText(ref.data.title, 255) };
      return setTop(map, 'writeUp', writeUp, (old) => ({ type: 'map/setWriteUp', writeUp: old }));
    }
    case 'persona/set': {
      if (!isRecord(op.patch)) return drop(map, 'invalid persona patch');
      const { photo, ...texts } = op.patch;
      const patch: Partial<Persona> | null = cleanTextPatch(texts, PERSONA_LIMITS);
      if (patch === null) return drop(map, 'invalid persona patch');
      if (photo !== undefined) {
        if (photo === null) patch.photo = null;
        else {
          const ref = photoRefSchema.safeParse(photo);
          if (!ref.success) return drop(map, 'invalid persona photo');
          patch.photo = ref.data;
        }
      }
      const keys = changedKeys(map.persona, patch);
      if (keys.length === 0) return done(map, []);
      return done({ ...map, persona: { ...map.persona, ...patch } }, [
        { type: 'persona/set', patch: pick(map.persona, keys) },
      ]);
    }
  }
}

/** backStory/*. */
export function applyBackStoryOp(
  map: JourneyMap,
  op: OpOf<
    | 'backStory/addSticky'
    | 'backStory/editSticky'
    | 'backStory/deleteSticky'
    | 'backStory/moveSticky'
    | 'backStory/set'
  >,
): ApplyResult {
  const bs = map.backStory;
  if (op.type === 'backStory/set') {
    const patch = cleanTextPatch<'topGoal' | 'story'>(
      { topGoal: op.topGoal, story: op.story },
      { topGoal: CARD_TEXT_MAX, story: LONG_TEXT_MAX },
    );
    if (patch === null) return drop(map, 'topGoal and story must be text');
    const keys = changedKeys(bs, patch);
    if (keys.length === 0) return done(map, []);
    return done({ ...map, backStory: { ...bs, ...patch } }, [
      { type: 'backStory/set', ...pick(bs, keys) },
    ]);
  }
  if (!lists.includes(op.list)) return drop(map, 'unknown back-story list');
  const list: Sticky[] = bs[op.list];
  const at = indexOfId(list, op.id);
  const withList = (next: Sticky[]): JourneyMap => ({
    ...map,
    backStory: { ...bs, [op.list]: next },
  });
  switch (op.type) {
    case 'backStory/addSticky': {
      if (!isNewId(op.id, (id) => indexOfId(list, id) >= 0))
        return drop(map, 'id missing, invalid or taken');
      const text = textOf(op.text, CARD_TEXT_MAX);
      if (text === null) return drop(map, 'text must be text');
      const index = clampIndex(op.index, list.length);
      return done(withList(insertAt(list, index, { id: op.id, text })), [
        { type: 'backStory/deleteSticky', list: op.list, id: op.id },
      ]);
    }
    case 'backStory/editSticky': {
      const sticky = list[at];
      if (sticky === undefined) return drop(map, 'sticky note not found');
      const text = textOf(op.text, CARD_TEXT_MAX);
      if (text === null) return drop(map, 'text must be text');
      if (text === sticky.text) return done(map, []);
      return done(withList(replaceAt(list, at, { ...sticky, text })), [
        { type: 'backStory/editSticky', list: op.list, id: op.id, text: sticky.text },
      ]);
    }
    case 'backStory/deleteSticky': {
      const sticky = list[at];
      if (sticky === undefined) return drop(map, 'sticky note not found');
      return done(withList(removeAt(list, at)), [
        { type: 'backStory/addSticky', list: op.list, id: sticky.id, text: sticky.text, index: at },
      ]);
    }
    case 'backStory/moveSticky': {
      if (at < 0) return drop(map, 'sticky note not found');
      const to = clampIndex(op.toIndex, list.length - 1);
      if (to === at) return done(map, []);
      return done(withList(moveItem(list, at, to)), [
        { type: 'backStory/moveSticky', list: op.list, id: op.id, toIndex: at },
      ]);
    }
  }
}

/** A channel from an op, cleaned; null when malformed. */
function admitChannel(value: unknown): Channel | null {
  if (!isRecord(value)) return null;
  const initials = typeof value.initials === 'string' ? cleanText(value.initials, 3).trim() : '';
  const parsed = channelSchema.safeParse({
    id: value.id,
    name: textOf(value.name, SHORT_TEXT_MAX),
    initials,
  });
  return parsed.success ? parsed.data : null;
}

/** channel/*. */
export function applyChannelOp(
  map: JourneyMap,
  op: OpOf<'channel/add' | 'channel/edit' | 'channel/delete' | 'channel/restore'>,
): ApplyResult {
  switch (op.type) {
    case 'channel/add':
    case 'channel/restore': {
      const channel = admitChannel(op.channel);
      if (channel === null) return drop(map, 'invalid channel');
      if (indexOfId(map.channels, channel.id) >= 0) return drop(map, 'channel id already exists');
      const index = clampIndex(
        op.type === 'channel/restore' ? op.index : undefined,
        map.channels.length,
      );
      const added = { ...map, channels: insertAt(map.channels, index, channel) };
      const next = op.type === 'channel/restore' ? restoreRefs(added, op.refs) : added;
      return done(next, [{ type: 'channel/delete', id: channel.id }]);
    }
    case 'channel/edit': {
      const at = indexOfId(map.channels, op.id);
      const channel = map.channels[at];
      if (channel === undefined) return drop(map, 'channel not found');
      const edited = admitChannel({
        id: channel.id,
        name: op.name ?? channel.name,
        initials: op.initials ?? channel.initials,
      });
      if (edited === null) return drop(map, 'name must be text and initials 1–3 characters');
      if (sameJson(edited, channel)) return done(map, []);
      return done({ ...map, channels: replaceAt(map.channels, at, edited) }, [
        { type: 'channel/edit', id: channel.id, name: channel.name, initials: channel.initials },
      ]);
    }
    case 'channel/delete': {
      const at = indexOfId(map.channels, op.id);
      const channel = map.channels[at];
      if (channel === undefined) return drop(map, 'channel not found');
      const cleared = clearRefs(map, { channelIds: new Set([channel.id]) });
      return done({ ...cleared.map, channels: removeAt(map.channels, at) }, [
        { type: 'channel/restore', channel, index: at, refs: cleared.refs },
      ]);
    }
  }
}
