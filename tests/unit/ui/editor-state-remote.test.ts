/**
 * The editor reducer's small answers and catch-ups (decisions 0028 and 0040): `sendOk` with a
 * `change` (map/apply answering the ops since our base instead of the map) gives the same state
 * as the whole map would; `remoteSaves` (the ops since our version, from the op log) gives the
 * server's map, keeps unsent edits on top, and is ignored when our version moved meanwhile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import type { EditorState } from '../../../static/app/src/features/editor/state/editor-state';
import {
  createEditorReducer,
  initialEditorState,
} from '../../../static/app/src/features/editor/state/editor-state';
import { firstCell, workedExample } from './fixtures';

const reduce = createEditorReducer(applyAll);

function ready(): EditorState {
  return initialEditorState({
    applyAll,
    map: workedExample(),
    version: 7,
    capabilities: { canEdit: true },
  });
}

function addOp(map: JourneyMap, id: string, text: string): Op {
  const { lane, step } = firstCell(map, 'painPoints');
  return { type: 'card/add', id, laneId: lane.id, stepId: step.id, kind: 'painPoint', text };
}

/** The state after sending `ops` as one batch (and typing `later` while it is out). */
function sent(ops: Op[], later: Op[] = []): EditorState {
  let s = reduce(ready(), { type: 'edit', ops });
  s = reduce(s, { type: 'sendStart', batchId: 'batch-0001' });
  return later.length ? reduce(s, { type: 'edit', ops: later }) : s;
}

const AT = '2026-12-06T10:00:00.000Z';

describe("sendOk with map/apply's change (no map in the answer)", () => {
  const map0 = workedExample();
  const cases: { name: string; ops: Op[]; later: Op[]; kept: (ops: Op[]) => Op[] }[] = [
    { name: 'one op', ops: [addOp(map0, 'a', 'A')], later: [], kept: (o) => o },
    {
      name: 'two ops and an edit typed meanwhile',
      ops: [addOp(map0, 'a', 'A'), { type: 'map/setTitle', title: 'T' }],
      later: [addOp(map0, 'b', 'B')],
      kept: (o) => o,
    },
    {
      name: 'an op the server dropped',
      ops: [addOp(map0, 'a', 'A'), { type: 'card/edit', id: 'gone', patch: { text: 'x' } }],
      later: [],
      kept: (o) => o.slice(0, 1),
    },
  ];
  for (const c of cases) {
    it(`confirms like the whole map would: ${c.name}`, () => {
      const s = sent(c.ops, c.later);
      const change = { ops: c.kept(s.inflight), updatedAt: AT };
      const server = { ...applyAll(s.base, change.ops).map, updatedAt: AT };
      const answer = { version: 8, dropped: [], overwritten: [] };
      const byChange = reduce(s, { type: 'sendOk', ...answer, change });
      const byMap = reduce(s, { type: 'sendOk', ...answer, map: server });
      expect(byChange.base).toEqual(server);
      expect(byChange.map).toEqual(byMap.map);
      expect(byChange.version).toBe(8);
      expect(byChange.inflight).toEqual([]);
      expect(byChange.pending).toEqual(c.later);
      expect(byChange.phase).toBe(c.later.length ? 'saving' : 'saved');
    });
  }

  it('keeps the previous updatedAt when the change says null', () => {
    const s = sent([{ type: 'map/setTitle', title: 'T' }]);
    const next = reduce(s, {
      type: 'sendOk',
      version: 8,
      dropped: [],
      overwritten: [],
      change: { ops: s.inflight, updatedAt: null },
    });
    expect(next.base.title).toBe('T');
    expect(next.base.updatedAt).toBe(s.base.updatedAt);
  });

  it('equals the map answer for any titles typed before and during the save', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        (titles, later) => {
          const toOps = (ts: string[]): Op[] =>
            ts.map((title) => ({ type: 'map/setTitle', title }));
          const s = sent(toOps(titles), toOps(later));
          if (!s.inflight.length) return; // every title was a no-op
          const change = { ops: s.inflight, updatedAt: AT };
          const server = { ...applyAll(s.base, s.inflight).map, updatedAt: AT };
          const answer = { version: 8, dropped: [], overwritten: [] };
          const a = reduce(s, { type: 'sendOk', ...answer, change });
          const b = reduce(s, { type: 'sendOk', ...answer, map: server });
          expect(a.map).toEqual(b.map);
          expect(a.base).toEqual(b.base);
        },
      ),
    );
  });
});

describe('remoteSaves (the ops since our version, from the op log)', () => {
  it('replays each save on our base and keeps the unsent edits on top', () => {
    const s0 = reduce(ready(), {
      type: 'edit',

      ops: [addOp(workedExample(), 'mine', 'M')],
    });
    const saves = [
      { version: 8, ops: [{ type: 'map/setTitle', title: 'One' }] as Op[], updatedAt: AT },
      { version: 9, ops: [addOp(s0.base, 'theirs', 'T')], updatedAt: null },
    ];
    const s1 = reduce(s0, { type: 'remoteSaves', fromVersion: 7, saves, at: 0 });
    expect(s1.version).toBe(9);
    expect(s1.base.title).toBe('One');
    expect(s1.base.updatedAt).toBeNull();
    expect(s1.base.cards.some((c) => c.id === 'theirs')).toBe(true);
    expect(s1.map.cards.some((c) => c.id === 'mine')).toBe(true);
    expect(s1.pending).toHaveLength(1);
  });

  const ignored: { name: string; from: number; state: () => EditorState }[] = [
    { name: 'our version moved meanwhile', from: 6, state: ready },
    {
      name: 'a save of ours is out (its answer carries the map)',
      from: 7,
      state: () => sent([{ type: 'map/setTitle', title: 'Mine' }]),
    },
  ];
  for (const c of ignored) {
    it(`is ignored when ${c.name}`, () => {
      const s = c.state();
      const saves = [
        { version: 8, ops: [{ type: 'map/setTitle', title: 'X' }] as Op[], updatedAt: AT },
      ];
      expect(reduce(s, { type: 'remoteSaves', fromVersion: c.from, saves })).toBe(s);
    });
  }

  it('is ignored when empty', () => {
    const s = ready();
    expect(reduce(s, { type: 'remoteSaves', fromVersion: 7, saves: [] })).toBe(s);
  });
});
