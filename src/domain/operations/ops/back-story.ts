/**
 * Back-story ops: the top goal and story, and the three sticky-note lists (pain points,
 * requirements, outcomes) with add / edit / delete / move.
 */
import { z } from 'zod';

import type { JourneyMap, Sticky } from '../../model/schema';
import { CARD_TEXT_MAX, LONG_TEXT_MAX } from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import {
  clampIndex,
  cleanTextPatch,
  done,
  drop,
  indexOfId,
  insertClamped,
  moveItem,
  patchRecord,
  removeAt,
  replaceAt,
  textOf,
  withNewId,
} from '../helpers';
import { opId, position } from '../op-fields';

/** Which back-story sticky list an op addresses. */
export const backStoryListSchema = z.enum(
  ['painPoints', 'requirements', 'outcomes'],
  'unknown back-story list',
);

/** See `backStoryListSchema`. */
export type BackStoryList = z.output<typeof backStoryListSchema>;

/** One list of the back-story, the sticky's position in it, and the map with a new list. */
function stickies(map: JourneyMap, name: BackStoryList, id: string) {
  const list: Sticky[] = map.backStory[name];
  const withList = (next: Sticky[]): JourneyMap => ({
    ...map,
    backStory: { ...map.backStory, [name]: next },
  });
  return { list, at: indexOfId(list, id), withList };
}

/** `backStory/set`: the top goal and the story. */
export const backStorySet = defineOp({
  type: 'backStory/set',
  fields: { topGoal: z.string().optional(), story: z.string().optional() },
  apply(map, op): ApplyResult {
    const bs = map.backStory;
    const patch = cleanTextPatch<'topGoal' | 'story'>(
      { topGoal: op.topGoal, story: op.story },
      { topGoal: CARD_TEXT_MAX, story: LONG_TEXT_MAX },
    );
    if (patch === null) return drop(map, 'topGoal and story must be text');
    return patchRecord(map, { current: bs, patch }, (backStory, undo) =>
      done({ ...map, backStory }, [{ type: 'backStory/set', ...undo }]),
    );
  },
});

/** `backStory/addSticky`. */
export const backStoryAddSticky = defineOp({
  type: 'backStory/addSticky',
  fields: { list: backStoryListSchema, id: opId, text: z.string(), index: position.optional() },
  apply(map, op): ApplyResult {
    const { list, withList } = stickies(map, op.list, op.id);
    return withNewId(map, { id: op.id, taken: list }, (id) => {
      const text = textOf(op.text, CARD_TEXT_MAX) ?? '';
      return done(withList(insertClamped(list, op.index, { id, text })), [
        { type: 'backStory/deleteSticky', list: op.list, id },
      ]);
    });
  },
});

/** `backStory/editSticky`. */
export const backStoryEditSticky = defineOp({
  type: 'backStory/editSticky',
  fields: { list: backStoryListSchema, id: opId, text: z.string() },
  apply(map, op): ApplyResult {
    const { list, at, withList } = stickies(map, op.list, op.id);
    const sticky = list[at];
    if (sticky === undefined) return drop(map, 'sticky note not found');
    const text = textOf(op.text, CARD_TEXT_MAX) ?? '';
    if (text === sticky.text) return done(map, []);
    return done(withList(replaceAt(list, at, { ...sticky, text })), [
      { type: 'backStory/editSticky', list: op.list, id: op.id, text: sticky.text },
    ]);
  },
});

/** `backStory/deleteSticky`; undone by `backStory/addSticky` at the same position. */
export const backStoryDeleteSticky = defineOp({
  type: 'backStory/deleteSticky',
  fields: { list: backStoryListSchema, id: opId },
  apply(map, op): ApplyResult {
    const { list, at, withList } = stickies(map, op.list, op.id);
    const sticky = list[at];
    if (sticky === undefined) return drop(map, 'sticky note not found');
    return done(withList(removeAt(list, at)), [
      { type: 'backStory/addSticky', list: op.list, id: sticky.id, text: sticky.text, index: at },
    ]);
  },
});

/** `backStory/moveSticky`: `toIndex` is a position after removal. */
export const backStoryMoveSticky = defineOp({
  type: 'backStory/moveSticky',
  fields: { list: backStoryListSchema, id: opId, toIndex: position },
  apply(map, op): ApplyResult {
    const { list, at, withList } = stickies(map, op.list, op.id);
    if (at < 0) return drop(map, 'sticky note not found');
    const to = clampIndex(op.toIndex, list.length - 1);
    if (to === at) return done(map, []);
    return done(withList(moveItem(list, at, to)), [
      { type: 'backStory/moveSticky', list: op.list, id: op.id, toIndex: at },
    ]);
  },
});

/** The back-story ops. */
export const backStoryOps = [
  backStoryAddSticky,
  backStoryEditSticky,
  backStoryDeleteSticky,
  backStoryMoveSticky,
  backStorySet,
] as const;
