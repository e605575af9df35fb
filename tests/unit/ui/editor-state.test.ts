/**
 * The editor reducer with the real domain ops: optimistic edits, undo/redo, save results,
 * failures that keep every op, and remote merges under pending edits.
 */
import { describe, expect, it } from 'vitest';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import type { EditorState } from '../../../static/app/src/features/editor/state/editor-state';
import {
  MAX_BATCH,
  MAX_BATCH_BYTES,
  batchSize,
  createEditorReducer,
  initialEditorState,
  unsentOps,
} from '../../../static/app/src/features/editor/state/editor-state';
import { jsonByteLength } from '../../../src/domain/codec/utf8';
import { firstCell, workedExample } from './fixtures';

const reduce = createEditorReducer(applyAll);

function ready(canEdit = true): EditorState {
  return initialEditorState({
    applyAll,
    map: workedExample(),
    version: 7,
    capabilities: { canEdit },
  });
}

/** Someone else's save arrives: `map` at version 9, still editable. */
function remoteAt9(map: EditorState['map']) {
  return { type: 'remote', map, version: 9, capabilities: { canEdit: true } } as const;
}

function addCard(state: EditorState, id: string, text: string): EditorState {
  const { lane, step } = firstCell(state.map, 'painPoints');
  return reduce(state, {
    type: 'edit',

    ops: [{ type: 'card/add', id, laneId: lane.id, stepId: step.id, kind: 'painPoint', text }],
  });
}

describe('editor reducer', () => {
  it('applies an edit optimistically and queues it to send', () => {
    const s0 = ready();
    const s1 = addCard(s0, 'new-card', 'Too many emails');
    expect(s1.map.cards.find((c) => c.id === 'new-card')?.text).toBe('Too many emails');
    expect(s1.base).toBe(s0.base);
    expect(s1.pending).toHaveLength(1);
    expect(s1.pendingBase).toBe(7);
    expect(s1.phase).toBe('saving');
  });

  it('undoes and redoes through the domain history, queueing both as ops', () => {
    const s0 = ready();
    const s1 = addCard(s0, 'c-undo', 'x');
    const s2 = reduce(s1, { type: 'undo' });
    expect(s2.map.cards.some((c) => c.id === 'c-undo')).toBe(false);
    expect(s2.map).toEqual(s0.map);
    expect(s2.history.future).toHaveLength(1);
    const s3 = reduce(s2, { type: 'redo' });
    expect(s3.map.cards.find((c) => c.id === 'c-undo')?.text).toBe('x');
    expect(s3.pending.map((o) => o.type)).toEqual(['card/add', 'card/delete', 'card/add']);
  });

  it('ignores edits, undo and redo when the viewer cannot edit', () => {
    const s0 = ready(false);
    expect(addCard(s0, 'nope', 'x')).toBe(s0);
    expect(reduce(s0, { type: 'undo' })).toBe(s0);
  });

  it('re-applies pending ops on the confirmed map when a save is acknowledged', () => {
    let s = addCard(ready(), 'first', 'one');
    s = reduce(s, { type: 'sendStart', batchId: 'batch-0001' });
    expect(s.inflight).toHaveLength(1);
    expect(s.pending).toHaveLength(0);
    s = addCard(s, 'second', 'two'); // typed while the first save is in flight
    const confirmed = applyAll(s.base, s.inflight).map;
    s = reduce(s, { type: 'sendOk', map: confirmed, version: 8, dropped: [], overwritten: [] });
    expect(s.version).toBe(8);
    expect(s.base).toEqual(confirmed);
    expect(s.inflight).toHaveLength(0);
    expect(s.pending.map((o) => o.type)).toEqual(['card/add']);
    expect(s.pendingBase).toBe(8);
    expect(s.map.cards.filter((c) => c.id === 'first' || c.id === 'second')).toHaveLength(2);
    expect(s.phase).toBe('saving');
  });

  it('keeps every op, in order, when a save fails', () => {
    let s = addCard(ready(), 'a', 'A');
    s = reduce(s, { type: 'sendStart', batchId: 'batch-0001' });
    s = addCard(s, 'b', 'B');
    s = reduce(s, { type: 'sendFailed', message: 'network down', retryable: true });
    // The sent batch is held as it was (it may have been applied); later edits stay pending.
    const ids = (ops: typeof s.pending) => ops.map((o) => (o.type === 'card/add' ? o.id : ''));
    expect(ids(s.inflight)).toEqual(['a']);
    expect(s.inflightHeld).toBe(true);
    expect(s.inflightId).toBe('batch-0001');
    expect(ids(s.pending)).toEqual(['b']);
    expect(ids(unsentOps(s))).toEqual(['a', 'b']);
    expect(s.inflightBase).toBe(7);
    expect(s.phase).toBe('offline');
    expect(s.lastError).toBe('network down');
    expect(unsentOps(s)).toHaveLength(2);
    const resent = reduce(s, { type: 'sendStart', batchId: 'batch-0002' });
    // A resend keeps the batch's id and ops; the new id is not used.
    expect(resent.inflightId).toBe('batch-0001');
    expect(ids(resent.inflight)).toEqual(['a']);
    const blocked = reduce(resent, {
      type: 'sendFailed',
      message: 'You can no longer edit this page.',
      retryable: false,
    });
    expect(blocked.phase).toBe('blocked');
    expect(unsentOps(blocked)).toHaveLength(2);
  });

  it('merges a remote change under pending edits without losing either', () => {
    const s0 = ready();
    const s1 = addCard(s0, 'mine', 'my pain point');
    const remote = applyAll(s0.base, [{ type: 'map/setTitle', title: 'Renamed by Eddie' }]).map;
    const s2 = reduce(s1, remoteAt9(remote));
    expect(s2.version).toBe(9);
    expect(s2.map.title).toBe('Renamed by Eddie');
    expect(s2.map.cards.some((c) => c.id === 'mine')).toBe(true);
    expect(s2.pending).toHaveLength(1);
  });

  it('does not merge a remote map while a save is in flight', () => {
    const s1 = reduce(addCard(ready(), 'x', 'x'), { type: 'sendStart', batchId: 'batch-0001' });
    const remote = applyAll(s1.base, [{ type: 'map/setTitle', title: 'Other' }]).map;
    const s2 = reduce(s1, remoteAt9(remote));
    expect(s2.map.title).toBe(s1.map.title);
    expect(s2.version).toBe(7);
  });

  it('turns overwritten fields and dropped ops into notes a person can read', () => {
    let s = reduce(addCard(ready(), 'n', 'n'), { type: 'sendStart', batchId: 'batch-0001' });
    s = reduce(s, {
      type: 'sendOk',
      map: s.base,
      version: 8,
      dropped: [{ index: 0, type: 'card/add', reason: 'step is gone' }],
      overwritten: ['title'],
    });
    expect(s.notes.map((n) => n.kind)).toEqual(['conflict', 'dropped']);
    expect(s.notes[0]?.message).toContain('title');
    const dismissed = reduce(s, { type: 'dismissNote', id: s.notes[0]?.id ?? -1 });
    expect(dismissed.notes).toHaveLength(1);
  });

  it('restores ops kept from an earlier session and queues them', () => {
    const map = workedExample();
    const { lane, step } = firstCell(map, 'actions');
    const restored: Op[] = [
      {
        type: 'card/add',
        id: 'kept',
        laneId: lane.id,
        stepId: step.id,
        kind: 'action',
        text: 'kept',
      },
    ];
    const s = initialEditorState({
      applyAll,
      map,
      version: 3,
      capabilities: { canEdit: true },
      restored: { baseVersion: 2, ops: restored },
    });
    expect(s.map.cards.some((c) => c.id === 'kept')).toBe(true);
    expect(s.pending).toEqual(restored);
    expect(s.pendingBase).toBe(2);
    expect(s.phase).toBe('saving');
  });

  it('coalesces typing in one field into a single undo step', () => {
    const s0 = ready();
    let s = s0;
    for (const [i, title] of ['A', 'Al', 'Ala'].entries()) {
      s = reduce(s, {
        type: 'edit',

        ops: [{ type: 'map/setTitle', title }],
        at: 1000 + i * 100,
      });
    }
    expect(s.history.past).toHaveLength(1);
    expect(reduce(s, { type: 'undo' }).map.title).toBe(s0.map.title);
  });
});

/**
 * Forge refuses a front-end `invoke` payload over 500 KB (limits-invocation), so a `map/apply`
 * batch is cut by its UTF-8 size as well as its op count, and one change that could never be
 * sent is not made (decision 0053).
 */
describe('editor state: batches Forge accepts', () => {
  /** A card text at its limit in Chinese: 2,000 characters, 6,000 UTF-8 bytes. */
  const longText = '旅'.repeat(2_000);

  /** `n` pain-point cards with long Chinese texts, queued (e.g. typed while offline). */
  function longCards(n: number, text = longText): EditorState {
    let s = ready();
    for (let i = 0; i < n; i++) s = addCard(s, `c${i}`, text);
    return s;
  }

  it('cuts a batch at MAX_BATCH_BYTES of UTF-8, not only at MAX_BATCH ops', () => {
    // 150 ops of ~6 KB = ~900 KB on the wire: fewer than MAX_BATCH ops, more than Forge takes.
    const s = longCards(150);
    expect(s.pending.length).toBeLessThan(MAX_BATCH);
    expect(jsonByteLength(s.pending)).toBeGreaterThan(500_000);
    const first = reduce(s, { type: 'sendStart', batchId: 'batch-0001' });
    expect(first.inflight.length).toBeGreaterThan(0);
    expect(jsonByteLength(first.inflight)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    expect([...first.inflight, ...first.pending]).toEqual(s.pending);
    expect(MAX_BATCH_BYTES).toBeLessThan(500_000);
  });

  it('still sends MAX_BATCH small ops at once', () => {
    const s = reduce(longCards(MAX_BATCH + 5, 'short'), { type: 'sendStart', batchId: 'b-1' });
    expect(s.inflight).toHaveLength(MAX_BATCH);
    expect(batchSize(s.pending)).toBe(5);
  });

  it('does not undo a deletion whose restore is too large to send, and says so', () => {
    // 100 long cards in one lane: undoing the lane's deletion restores ~600 KB in one op.
    const s = longCards(100);
    const { lane } = firstCell(s.map, 'painPoints');
    const deleted = reduce(s, { type: 'edit', ops: [{ type: 'lane/delete', id: lane.id }] });
    expect(deleted.map.lanes.some((l) => l.id === lane.id)).toBe(false);
    const undone = reduce(deleted, { type: 'undo' });
    expect(undone.map).toBe(deleted.map);
    expect(undone.pending).toEqual(deleted.pending);
    expect(undone.notes.map((n) => n.kind)).toEqual(['error']);
  });
});
