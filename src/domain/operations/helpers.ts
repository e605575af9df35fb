/**
 * Small immutable helpers shared by the op handlers: results, text and index clamping, array
 * edits that copy once, and the positions that keep steps grouped by stage and cards by cell.
 */
import { cleanText, isId, isRecord } from '../model/restore-values';
import type { Card, JourneyMap, Stage, Step } from '../model/schema';
import type { Op } from './op-types';

/** What applying one op gives: the new map, the ops that undo it, or why it was dropped. */
export type ApplyResult = { map: JourneyMap; inverse: Op[]; dropped?: { reason: string } };

/** An op that could not apply: the map is returned as it was. */
export function drop(map: JourneyMap, reason: string): ApplyResult {
  return { map, inverse: [], dropped: { reason } };
}

/** An op that applied (or changed nothing, when `inverse` is empty). */
export function done(map: JourneyMap, inverse: Op[]): ApplyResult {
  return { map, inverse };
}

/** Cleaned text within `max`, or null when `value` is not a string. */
export function textOf(value: unknown, max: number): string | null {
  return typeof value === 'string' ? cleanText(value, max) : null;
}

/** An integer position clamped into 0…`length` (non-numbers → `length`, i.e. the end). */
export function clampIndex(value: unknown, length: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return length;
  return Math.min(length, Math.max(0, Math.round(value)));
}

/**
 * The guard every add shares: runs `add` with the op's `id` when it is well formed and not yet
 * `taken` (by an item of a list, or by the test given), else drops the op. `what` names a
 * nested item in the reason (`path id missing, invalid or taken`).
 */
export function withNewId(
  map: JourneyMap,
  target: {
    id: unknown;
    taken: readonly { id: string }[] | ((id: string) => boolean);
    what?: string;
  },
  add: (id: string) => ApplyResult,
): ApplyResult {
  const { id, taken } = target;
  const isTaken = (value: string): boolean =>
    typeof taken === 'function' ? taken(value) : indexOfId(taken, value) >= 0;
  if (!isId(id) || isTaken(id)) {
    return drop(map, `${target.what ? `${target.what} ` : ''}id missing, invalid or taken`);
  }
  return add(id);
}

/** A copy of `list` with `item` inserted at `index`. */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = list.slice();
  next.splice(index, 0, item);
  return next;
}

/** A copy of `list` with `item` inserted at `index` clamped into it (the end when absent). */
export function insertClamped<T>(list: readonly T[], index: unknown, item: T): T[] {
  return insertAt(list, clampIndex(index, list.length), item);
}

/** A copy of `list` with the item at `index` replaced. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = list.slice();
  next[index] = item;
  return next;
}

/** A copy of `list` without the item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  const next = list.slice();
  next.splice(index, 1);
  return next;
}

/** A copy of `list` with the item at `from` moved to `to` (a position after removal). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Index of the entity with `id`, or -1. */
export function indexOfId(list: readonly { id: string }[], id: unknown): number {
  if (typeof id !== 'string') return -1;
  for (let i = 0; i < list.length; i += 1) if (list[i]?.id === id) return i;
  return -1;
}

/** Global index at which a card lands as position `index` of its cell. */
export function cellInsertIndex(args: {
  cards: readonly Card[];
  laneId: string;
  stepId: string;
  index?: unknown;
}): number {
  const { cards, laneId, stepId } = args;
  const target =
    typeof args.index === 'number' && Number.isFinite(args.index) ? args.index : Infinity;
  let count = 0;
  let last = -1;
  for (let i = 0; i < cards.length; i += 1) {
    const card = cards[i];
    if (card?.laneId !== laneId || card.stepId !== stepId) continue;
    if (count >= target) return i;
    count += 1;
    last = i;
  }
  return last === -1 ? cards.length : last + 1;
}

/** Position of a card within its cell. */
export function cellIndexOf(cards: readonly Card[], card: Card): number {
  let count = 0;
  for (const c of cards) {
    if (c === card) return count;
    if (c.laneId === card.laneId && c.stepId === card.stepId) count += 1;
  }
  return count;
}

/** Position of a step among the steps of its stage. */
export function stageIndexOf(steps: readonly Step[], step: Step): number {
  let count = 0;
  for (const s of steps) {
    if (s === step) return count;
    if (s.stageId === step.stageId) count += 1;
  }
  return count;
}

/** Global index at which a step lands as position `index` of stage `stageId` (steps grouped). */
export function stepInsertIndex(args: {
  steps: readonly Step[];
  stages: readonly Stage[];
  stageId: string;
  index?: unknown;
}): number {
  const order = new Map(args.stages.map((s, i) => [s.id, i]));
  const mine = order.get(args.stageId) ?? args.stages.length;
  let before = 0;
  let inStage = 0;
  for (const s of args.steps) {
    const o = order.get(s.stageId) ?? 0;
    if (o < mine) before += 1;
    else if (o === mine) inStage += 1;
  }
  return before + clampIndex(args.index, inStage);
}

/** Steps stably regrouped into stage order (after a stage move). */
export function groupSteps(steps: readonly Step[], stages: readonly Stage[]): Step[] {
  const order = new Map(stages.map((s, i) => [s.id, i]));
  return steps
    .map((step, i) => ({ step, i }))
    .sort(
      (a, b) => (order.get(a.step.stageId) ?? 0) - (order.get(b.step.stageId) ?? 0) || a.i - b.i,
    )
    .map((e) => e.step);
}

/** Keys of `patch` (own, defined) whose value differs from `current`. */
export function changedKeys<T extends object>(current: T, patch: Partial<T>): (keyof T)[] {
  return (Object.keys(patch) as (keyof T)[]).filter(
    (k) => patch[k] !== undefined && !sameJson(patch[k], current[k]),
  );
}

/** Structural equality of JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  if (ka.length !== Object.keys(rb).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameJson(ra[k], rb[k]));
}

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

/**
 * Patches one record of the map (the scope, the persona, the back-story, the analysis): a no-op
 * when no key of `patch` changes it, else `write` gets the patched record and `undo`, the old
 * values of exactly the changed keys.
 */
export function patchRecord<T extends object>(
  map: JourneyMap,
  change: { current: T; patch: NoInfer<Partial<T>> },
  write: (next: T, undo: Partial<T>) => ApplyResult,
): ApplyResult {
  const { current, patch } = change;
  const keys = changedKeys(current, patch);
  if (keys.length === 0) return done(map, []);
  return write({ ...current, ...patch }, pick(current, keys));
}

/**
 * {@link patchRecord} with a patch of texts: cleaned against `limits`, or the op is dropped
 * (`invalid` says why) when a key is unknown or a value is not text.
 */
export function patchTexts<K extends string>(
  map: JourneyMap,
  change: {
    current: Record<K, string>;
    patch: unknown;
    limits: Readonly<Record<K, number>>;
    invalid: string;
  },
  write: (next: Record<K, string>, undo: Partial<Record<K, string>>) => ApplyResult,
): ApplyResult {
  const patch = cleanTextPatch(change.patch, change.limits);
  if (patch === null) return drop(map, change.invalid);
  return patchRecord(map, { current: change.current, patch }, write);
}

/** Old values of `keys`, as a patch. */
export function pick<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = from[k];
  return out;
}

/** Sets one top-level field; no-op when equal. */
export function setTop<K extends keyof JourneyMap>(
  map: JourneyMap,
  key: K,
  value: JourneyMap[K],
  inverse: (old: JourneyMap[K]) => Op,
): ApplyResult {
  if (sameJson(map[key], value)) return done(map, []);
  return done({ ...map, [key]: value }, [inverse(map[key])]);
}

/** The lists of a map whose items are named by `id`. */
export type EntityKey = 'channels' | 'stages' | 'steps' | 'lanes' | 'cards';
type EntityOf<K extends EntityKey> = JourneyMap[K][number];

/** What {@link withEntity} runs on the item found: the item, its index and its `update`. */
export type EntityChange<K extends EntityKey> = (
  item: EntityOf<K>,
  at: number,
  update: (patch: Partial<EntityOf<K>>, inverse: Op) => ApplyResult,
) => ApplyResult;

/**
 * `<kind>/add` on a list of the map: the op's `id` must be new (else it is dropped), `build`
 * makes the item or gives the reason to drop, and the item lands at global index `at` (default:
 * position `index` clamped into the list). `undo` is the matching delete.
 */
export function addEntity<K extends EntityKey>(
  map: JourneyMap,
  add: {
    key: K;
    id: unknown;
    index?: unknown;
    at?: number;
    build: (id: string) => EntityOf<K> | string;
    undo: Op;
  },
): ApplyResult {
  const list: readonly EntityOf<K>[] = map[add.key];
  return withNewId(map, { id: add.id, taken: list }, (id) => {
    const item = add.build(id);
    if (typeof item === 'string') return drop(map, item);
    const next =
      add.at === undefined ? insertClamped(list, add.index, item) : insertAt(list, add.at, item);
    return done({ ...map, [add.key]: next }, [add.undo]);
  });
}

/**
 * Runs `change` on the item of `map[key]` that `id` names, or drops the op (`<what> not found`).
 * `update` writes a patch to that item: a no-op when nothing changed, else the new map with
 * `inverse`.
 */
export function withEntity<K extends EntityKey>(
  map: JourneyMap,
  target: { key: K; id: unknown; what: string },
  change: EntityChange<K>,
): ApplyResult {
  const list: readonly EntityOf<K>[] = map[target.key];
  const at = indexOfId(list, target.id);
  const item = list[at];
  if (item === undefined) return drop(map, `${target.what} not found`);
  return change(item, at, (patch, inverse) => {
    const next = { ...item, ...patch };
    if (sameJson(next, item)) return done(map, []);
    return done({ ...map, [target.key]: replaceAt(list, at, next) }, [inverse]);
  });
}
