import { describe, expect, it } from 'vitest';
import { apply, applyAll } from '../../../../src/domain/operations/apply';
import type { History } from '../../../../src/domain/operations/history';
import {
  canRedo,
  canUndo,
  coalesceKey,
  createHistory,
  record,
  redo,
  undo,
} from '../../../../src/domain/operations/history';
import type { Op } from '../../../../src/domain/operations/op-types';
import { fixtureMap } from '../model/fixture';

/** Applies ops locally and records them, as the editor does. */
function act(
  state: { map: ReturnType<typeof fixtureMap>; history: History },
  ops: Op[],
  at?: number,
) {
  const result = applyAll(state.map, ops);
  return { map: result.map, history: record(state.history, { ops, inverse: result.inverse, at }) };
}

describe('history', () => {
  it('undo and redo walk back and forth', () => {
    let s = { map: fixtureMap(), history: createHistory() };
    const start = s.map;
    s = act(s, [{ type: 'card/delete', id: 'a1' }]);
    s = act(s, [{ type: 'stage/rename', id: 'buy', name: 'Buy' }]);
    const end = s.map;
    const u1 = undo(s.history);
    const u2 = u1 && undo(u1.history);
    expect(u2).not.toBeNull();
    const undone = applyAll(applyAll(end, u1?.ops ?? []).map, u2?.ops ?? []).map;
    expect(undone).toEqual(start);
    expect(canUndo(u2?.history ?? s.history)).toBe(false);
    const r1 = redo(u2?.history ?? s.history);
    const r2 = r1 && redo(r1.history);
    expect(applyAll(applyAll(undone, r1?.ops ?? []).map, r2?.ops ?? []).map).toEqual(end);
    expect(canRedo(r2?.history ?? s.history)).toBe(false);
  });

  it('typing in one field coalesces into one undo step', () => {
    let s = { map: fixtureMap(), history: createHistory() };
    for (const [i, text] of ['C', 'Cl', 'Cli', 'Clic'].entries()) {
      s = act(s, [{ type: 'card/edit', id: 'a1', patch: { text } }], 1_000 + i * 200);
    }
    expect(s.history.past).toHaveLength(1);
    const u = undo(s.history);
    expect(applyAll(s.map, u?.ops ?? []).map.cards[0]?.text).toBe('Clicks ad');
    const r = u && redo(u.history);
    expect(applyAll(fixtureMap(), r?.ops ?? []).map.cards[0]?.text).toBe('Clic');
  });

  it('a pause, another field, or another card starts a new step', () => {
    let s = { map: fixtureMap(), history: createHistory() };
    s = act(s, [{ type: 'card/edit', id: 'a1', patch: { text: 'x' } }], 0);
    s = act(s, [{ type: 'card/edit', id: 'a1', patch: { text: 'xy' } }], 10_000);
    s = act(s, [{ type: 'card/edit', id: 'a2', patch: { text: 'z' } }], 10_100);
    s = act(s, [{ type: 'card/edit', id: 'a2', patch: { evidence: { quote: 'q' } } }], 10_200);
    expect(s.history.past).toHaveLength(4);
  });

  it('typing after an undo starts a new step', () => {
    let s = { map: fixtureMap(), history: createHistory() };
    s = act(s, [{ type: 'map/setTitle', title: 'A' }], 0);
    const u = undo(s.history);
    s = { map: applyAll(s.map, u?.ops ?? []).map, history: u?.history ?? s.history };
    s = act(s, [{ type: 'map/setTitle', title: 'B' }], 100);
    expect(s.history.past).toHaveLength(1);
    expect(s.history.future).toHaveLength(0);
  });

  it('remote changes and no-ops never enter the stack', () => {
    const h = createHistory();
    const remote = apply(fixtureMap(), { type: 'map/setTitle', title: 'Theirs' });
    expect(record(h, { ops: [], inverse: remote.inverse, origin: 'remote' })).toBe(h);
    expect(record(h, { ops: [{ type: 'map/setTitle', title: 'Onboarding' }], inverse: [] })).toBe(
      h,
    );
  });

  it('undo after a remote change to another card keeps the remote change', () => {
    let s = { map: fixtureMap(), history: createHistory() };
    s = act(s, [{ type: 'card/edit', id: 'a1', patch: { text: 'Mine' } }]);
    const remote = apply(s.map, { type: 'card/edit', id: 'a2', patch: { text: 'Theirs' } }).map;
    const u = undo(s.history);
    const after = applyAll(remote, u?.ops ?? []).map;
    expect(after.cards.find((c) => c.id === 'a1')?.text).toBe('Clicks ad');
    expect(after.cards.find((c) => c.id === 'a2')?.text).toBe('Theirs');
  });

  it('a new action clears redo; the stack keeps at most `limit` steps', () => {
    let s = { map: fixtureMap(), history: createHistory(3) };
    for (let i = 0; i < 5; i += 1) s = act(s, [{ type: 'card/vote', id: 'pain1', delta: 1 }]);
    expect(s.history.past).toHaveLength(3);
    const u = undo(s.history);
    expect(u?.history.future).toHaveLength(1);
    s = act({ map: s.map, history: u?.history ?? s.history }, [
      { type: 'card/vote', id: 'pain2', delta: 1 },
    ]);
    expect(s.history.future).toHaveLength(0);
    expect(undo(createHistory())).toBeNull();
    expect(redo(createHistory())).toBeNull();
  });

  it.each([
    [[{ type: 'card/edit', id: 'c', patch: { text: 'x' } }], 'card/edit:c:text'],
    [[{ type: 'card/edit', id: 'c', patch: { text: 'x', kind: 'note' } }], null],
    [[{ type: 'map/setTitle', title: 'x' }], 'map/setTitle'],
    [[{ type: 'persona/set', patch: { name: 'x' } }], 'persona/set:name'],
    [
      [{ type: 'backStory/editSticky', list: 'outcomes', id: 's', text: 'x' }],
      'backStory/editSticky:outcomes:s',
    ],
    [[{ type: 'step/rename', id: 's', name: 'x' }], 'step/rename:s'],
    [[{ type: 'session/set', notes: 'x' }], 'session/set:notes'],
    [[{ type: 'card/delete', id: 'c' }], null],
    [
      [
        { type: 'map/setTitle', title: 'x' },
        { type: 'map/setTitle', title: 'y' },
      ],
      null,
    ],
  ] as [Op[], string | null][])('coalesceKey %j → %s', (ops, key) => {
    expect(coalesceKey(ops)).toBe(key);
  });
});
