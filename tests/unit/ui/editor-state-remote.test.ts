/**
 * The editor reducer's small answers and catch-ups (decisions 0028 and 0040): `sendOk` with a
 * `change` (map/apply answering the ops since our base instead of the map) gives the same state
 * as the whole map would; `remoteSaves` (the ops since our version, from the op log) gives the
 * server's map, keeps unsent edits on top, names who saved (a change under someone typing, a
 * conflict over a text of mine: decision 0045) and is ignored when our version moved meanwhile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import type { LoggedSave } from '../../../src/resolvers/contract';
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
      logged({ version: 8, ops: [{ type: 'map/setTitle', title: 'One' }], updatedAt: AT }),
      logged({ version: 9, ops: [addOp(s0.base, 'theirs', 'T')], updatedAt: null }),
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
      const saves = [logged({ version: 8, ops: [{ type: 'map/setTitle', title: 'X' }] })];
      expect(reduce(s, { type: 'remoteSaves', fromVersion: c.from, saves })).toBe(s);
    });
  }

  it('is ignored when empty', () => {
    const s = ready();
    expect(reduce(s, { type: 'remoteSaves', fromVersion: 7, saves: [] })).toBe(s);
  });
});

describe('remoteSaves name who saved, like live events', () => {
  const cardId = () => workedExample().cards[0]?.id ?? 'none';
  const edit = (text: string): Op[] => [{ type: 'card/edit', id: cardId(), patch: { text } }];
  /** State after my save of `text` on the first card was confirmed at `at` ms. */
  function mineSaved(text: string, at: number): EditorState {
    const s = sent(edit(text));
    return reduce(s, {
      type: 'sendOk',
      version: 8,
      dropped: [],
      overwritten: [],
      at,
      change: { ops: s.inflight, updatedAt: AT },
    });
  }

  it('records the author of each card a caught-up save changed (typing → "Eddie changed this")', () => {
    const s = reduce(ready(), {
      type: 'remoteSaves',
      fromVersion: 7,
      saves: [
        logged({ version: 8, ops: edit('Eddie one'), author: 'acc-eddie' }),
        logged({ version: 9, ops: [{ type: 'map/setTitle', title: 'T' }], author: 'acc-ann' }),
      ],
    });
    expect(s.version).toBe(9);
    expect(s.remoteAuthors[cardId()]).toBe('acc-eddie');
    expect(s.base.cards[0]?.text).toBe('Eddie one');
  });

  const conflictCases: {
    name: string;
    overwritten: string[] | null;
    savedAt: number;
    want: string | null;
  }[] = [
    {
      name: 'the save says it overwrote my text',
      overwritten: ['x'],
      savedAt: 0,
      want: 'acc-eddie',
    },
    { name: 'the save says it overwrote nothing of mine', overwritten: [], savedAt: 0, want: null },
    {
      name: 'not known any more, my text is recent',
      overwritten: null,
      savedAt: 0,
      want: 'acc-eddie',
    },
    { name: 'not known any more, my text is old', overwritten: null, savedAt: -60_000, want: null },
  ];
  for (const c of conflictCases) {
    it(`tells a conflict by name when ${c.name}`, () => {
      const s = mineSaved('Mine', c.savedAt);
      const overwritten = c.overwritten?.map(() => `cards.${cardId()}.text`) ?? null;
      const next = reduce(s, {
        type: 'remoteSaves',
        fromVersion: 8,
        at: 1_000,
        saves: [logged({ version: 9, ops: edit('Theirs'), author: 'acc-eddie', overwritten })],
      });
      expect(next.version).toBe(9);
      const conflict = next.conflicts.find((k) => k.cardId === cardId());
      expect(conflict?.author ?? null).toBe(c.want);
      if (c.want) expect(conflict).toMatchObject({ mine: 'Mine', theirs: 'Theirs' });
    });
  }
});

/** A logged save as `map/opsSince` answers it (author and overwritten unknown by default). */
function logged(s: {
  version: number;
  ops: Op[];
  updatedAt?: string | null;
  author?: string | null;
  overwritten?: string[] | null;
}): LoggedSave {
  return { updatedAt: AT, author: null, overwritten: null, ...s };
}

describe('a contested card: the answer to my text standing over theirs is told (decision 0048)', () => {
  const cardId = () => workedExample().cards[0]?.id ?? 'none';
  const edit = (text: string): Op[] => [{ type: 'card/edit', id: cardId(), patch: { text } }];
  /** My save of `text` on the first card confirmed, the server saying what it overwrote. */
  function saved(state: EditorState, text: string, overwritten: string[]): EditorState {
    let s = reduce(state, { type: 'edit', ops: edit(text) });
    s = reduce(s, { type: 'sendStart', batchId: `batch-${s.version + 1}` });
    return reduce(s, {
      type: 'sendOk',
      version: s.version + 1,
      dropped: [],
      overwritten,
      at: 0,
      change: { ops: s.inflight, updatedAt: AT },
    });
  }
  /** Their save of `text` on the first card, seen live, overwriting nothing they had not seen. */
  const theirs = (s: EditorState, text: string): EditorState =>
    reduce(s, {
      type: 'remoteOps',
      version: s.version + 1,
      ops: edit(text),
      author: 'acc-avery',
      overwritten: [],
    });

  /** My saved text overwritten by Avery's save (told to me), then my choice `kept`. */
  function chose(kept: 'theirs' | 'mine' | 'both'): EditorState {
    const mine = saved(ready(), 'Mine', []);
    const overwritten = reduce(mine, {
      type: 'remoteOps',
      version: mine.version + 1,
      ops: edit('Theirs'),
      author: 'acc-avery',
      overwritten: [`cards.${cardId()}.text`],
    });
    const id = overwritten.conflicts[0]?.id ?? 0;
    const resolved = reduce(overwritten, { type: 'resolveConflict', id, kept });
    expect(resolved.conflicts).toEqual([]);
    return resolved;
  }

  it('a change after a save that overwrote nobody is an ordinary edit (no panel)', () => {
    const s = theirs(saved(ready(), 'Mine', []), 'Theirs');
    expect(s.conflicts).toEqual([]);
  });

  it.each([[['cards.ID.text']], [['cards.ID']]])(
    'my save overwrote theirs (%j): their next change of the card is told by name, once',
    (fields) => {
      const overwritten = fields.map((f) => f.replace('ID', cardId()));
      const mine = saved(ready(), 'Mine', overwritten);
      expect(mine.contested).toEqual({ [cardId()]: true });
      const told = theirs(mine, 'Theirs again');
      expect(told.conflicts).toEqual([
        expect.objectContaining({ mine: 'Mine', theirs: 'Theirs again', author: 'acc-avery' }),
      ]);
      expect(told.contested).toEqual({});
      // Keeping theirs ends it: a further change is an ordinary edit.
      const kept = reduce(told, {
        type: 'resolveConflict',
        id: told.conflicts[0]?.id ?? 0,
        kept: 'theirs',
      });
      expect(theirs(kept, 'Later').conflicts).toEqual([]);
    },
  );

  it('"Use mine" contests the card: their answer to it is told to me in turn', () => {
    const back = saved(chose('mine'), 'Mine', []);
    expect(back.contested).toEqual({ [cardId()]: true });
    expect(theirs(back, 'Theirs, again').conflicts).toEqual([
      expect.objectContaining({ mine: 'Mine', theirs: 'Theirs, again', author: 'acc-avery' }),
    ]);
  });

  it('"Keep both" and "Keep theirs" do not contest the card', () => {
    for (const kept of ['both', 'theirs'] as const) {
      const resolved = chose(kept);
      expect(resolved.contested).toEqual({});
      expect(theirs(resolved, 'Later').conflicts).toEqual([]);
    }
  });

  it('a load that finds a contested card changed tells it, however long ago I saved', () => {
    const mine = saved(ready(), 'Mine', [`cards.${cardId()}.text`]);
    const map = applyAll(mine.base, edit('Theirs, loaded')).map;
    const s = reduce(mine, {
      type: 'remote',
      map,
      version: mine.version + 1,
      capabilities: { canEdit: true },
      at: 10 * 60_000,
    });
    expect(s.conflicts).toEqual([
      expect.objectContaining({ mine: 'Mine', theirs: 'Theirs, loaded', author: '' }),
    ]);
  });
});
