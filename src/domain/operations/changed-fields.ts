/**
 * `changedFields` lists field paths that differ between two maps (cheaply, by reference first,
 * thanks to structural sharing). The server records them with each save (src/confluence/
 * map-history.ts), so a later save can report "you overwrote X that someone else changed since
 * your base" (last writer wins, and says so). Ops name their targets by id, so re-applying a
 * client's ops to the newest stored map with `applyAll` is the rebase.
 */
import type { JourneyMap } from '../model/schema';
import { sameJson } from './helpers';

type Row = Record<string, unknown>;

/** Fields of `a` and `b` (objects) that differ, as `prefix.key`, one level deeper for `nested`. */
function diffRecord(
  out: string[],
  prefix: string,
  a: Row,
  b: Row,
  nested: ReadonlySet<string> = new Set(),
): void {
  for (const key of Object.keys(b)) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    const path = `${prefix}.${key}`;
    if (
      nested.has(key) &&
      typeof x === 'object' &&
      typeof y === 'object' &&
      x !== null &&
      y !== null
    ) {
      diffRecord(out, path, x as Row, y as Row);
    } else if (!sameJson(x, y)) {
      out.push(path);
    }
  }
}

/** Differences between two id-keyed lists: added/removed entities, changed fields, order. */
function diffList<T extends object>(args: {
  out: string[];
  prefix: string;
  before: readonly T[];
  after: readonly T[];
  key: (item: T) => string;
  nested?: ReadonlySet<string>;
  /** Order is compared within groups (cells, stages) only. */
  group?: (item: T) => readonly [string, string];
}): void {
  const { out, prefix, before, after, key } = args;
  if (before === after) return;
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Set<string>();
  for (const item of after) {
    const id = key(item);
    now.add(id);
    const prev = old.get(id);
    if (prev === undefined) out.push(`${prefix}.${id}`);
    else if (prev !== item)
      diffRecord(out, `${prefix}.${id}`, prev as Row, item as Row, args.nested);
  }
  for (const id of old.keys()) if (!now.has(id)) out.push(`${prefix}.${id}`);
  // Fast path: same relative order overall means same order in every group.
  let i = 0;
  let j = 0;
  let sameOrder = true;
  while (i < before.length && j < after.length) {
    const a = before[i] as T;
    const b = after[j] as T;
    if (!now.has(key(a))) i += 1;
    else if (!old.has(key(b))) j += 1;
    else if (key(a) !== key(b)) {
      sameOrder = false;
      break;
    } else {
      i += 1;
      j += 1;
    }
  }
  if (sameOrder) return;
  // Within each group (cell, stage), items on both sides must keep increasing old positions.
  const group = args.group ?? ((): readonly [string, string] => ['', '']);
  const rank = new Map<string, number>();
  before.forEach((item, n) => rank.set(key(item), n));
  const last = new Map<string, Map<string, number>>();
  for (const item of after) {
    const id = key(item);
    const prev = old.get(id);
    if (prev === undefined) continue;
    const [g1, g2] = group(item);
    const [p1, p2] = group(prev);
    if (g1 !== p1 || g2 !== p2) continue;
    const r = rank.get(id) ?? 0;
    let inner = last.get(g1);
    if (inner === undefined) {
      inner = new Map();
      last.set(g1, inner);
    }
    const seen = inner.get(g2);
    if (seen !== undefined && r < seen) {
      out.push(`${prefix}.order`);
      return;
    }
    inner.set(g2, r);
  }
}

const TOP_FIELDS = ['title', 'state', 'linkedMap', 'owningTeam', 'writeUp'] as const;
const SESSION_FIELDS = [
  'date',
  'facilitator',
  'scribe',
  'participants',
  'notes',
  'agenda',
  'votesPerPerson',
  'votesRevealed',
  'voteOwner',
  'playEndedBy',
] as const;

/**
 * Field paths that differ between two maps, e.g. `title`, `scope.goal`, `cards.<id>.text`,
 * `cards.<id>.painPoint.votes`, `steps.<id>.sentiment`, `cards.<id>` (added or removed),
 * `cards.order` (order within a cell; `steps.order` within a stage). `updatedAt` is bookkeeping and never listed.
 */
export function changedFields(before: JourneyMap, after: JourneyMap): string[] {
  const out: string[] = [];
  if (before === after) return out;
  for (const key of TOP_FIELDS) if (!sameJson(before[key], after[key])) out.push(key);
  if (before.scope !== after.scope) diffRecord(out, 'scope', before.scope, after.scope);
  if (before.persona !== after.persona) {
    diffRecord(out, 'persona', before.persona, after.persona);
  }
  if (before.review !== after.review) diffRecord(out, 'review', before.review, after.review);
  const bs = before.backStory;
  const as = after.backStory;
  if (bs !== as) {
    for (const key of ['topGoal', 'story'] as const) {
      if (bs[key] !== as[key]) out.push(`backStory.${key}`);
    }
    for (const list of ['painPoints', 'requirements', 'outcomes'] as const) {
      diffList({
        out,
        prefix: `backStory.${list}`,
        before: bs[list],
        after: as[list],
        key: (s) => s.id,
      });
    }
  }
  const byId = (e: { id: string }): string => e.id;
  diffList({ out, prefix: 'channels', before: before.channels, after: after.channels, key: byId });
  diffList({ out, prefix: 'stages', before: before.stages, after: after.stages, key: byId });
  diffList({
    out,
    prefix: 'steps',
    before: before.steps,
    after: after.steps,
    key: byId,
    nested: new Set(['metrics']),
    group: (s) => [s.stageId, ''],
  });
  diffList({ out, prefix: 'lanes', before: before.lanes, after: after.lanes, key: byId });
  diffList({
    out,
    prefix: 'cards',
    before: before.cards,
    after: after.cards,
    key: byId,
    nested: new Set(['evidence', 'painPoint', 'opportunity']),
    group: (c) => [c.laneId, c.stepId],
  });
  // One path per (card, key): two people linking work to different cards do not collide.
  diffList({
    out,
    prefix: 'workItems',
    before: before.workItems,
    after: after.workItems,
    key: (w) => `${w.cardId}/${w.key}`,
  });
  const s = before.session;
  const t = after.session;
  if (s !== t) {
    for (const key of SESSION_FIELDS) if (!sameJson(s[key], t[key])) out.push(`session.${key}`);
    if (s.analysis !== t.analysis) diffRecord(out, 'session.analysis', s.analysis, t.analysis);
    diffList({
      out,
      prefix: 'session.photos',
      before: s.photos,
      after: t.photos,
      key: (p) => p.attachmentId,
    });
    // One path per (card, voter): two people voting at once touch different paths, so neither
    // save is reported as overwriting the other.
    diffList({
      out,
      prefix: 'session.ballots',
      before: s.ballots,
      after: t.ballots,
      key: (b) => `${b.cardId}/${b.voter}`,
    });
  }
  return out;
}
