/**
 * The sync engine against a fake resolver backend running the real domain ops: batching,
 * polling for others' edits, failures that keep and retry ops, and ops surviving a reload.
 */
import { describe, expect, it } from 'vitest';
import { applyAll } from '../../../src/domain/operations/apply';
import type { JourneyMap } from '../../../src/domain/model/schema';
import {
  createEditorReducer,
  initialEditorState,
  unsentOps,
} from '../../../static/app/src/features/editor/state/editor-state';
import { createEditorStore } from '../../../static/app/src/features/editor/state/editor-store';
import {
  createPendingStore,
  pendingKey,
} from '../../../static/app/src/features/editor/state/pending-store';
import { SyncEngine } from '../../../static/app/src/features/editor/state/sync-engine';
import { FakeServer, ManualEnv, MemoryStorage, firstCell, workedExample } from './fixtures';

const address = { pageId: '123', localId: 'macro-1' };

function boot(args: { server: FakeServer; storage: MemoryStorage; env: ManualEnv }) {
  const pendingStore = createPendingStore({
    storage: args.storage,
    accountId: 'acc-me',
    ...address,
  });
  const store = createEditorStore(
    createEditorReducer(applyAll),
    initialEditorState({
      applyAll,
      map: args.server.map,
      version: args.server.version,
      capabilities: { canEdit: true },
      restored: pendingStore.load(),
    }),
    () => args.env.time,
  );
  const engine = new SyncEngine({
    store,
    transport: args.server,
    address,
    pendingStore,
    env: args.env,
  });
  engine.start();
  return { store, engine };
}

function addPainPoint(map: JourneyMap, id: string, text: string) {
  const { lane, step } = firstCell(map, 'painPoints');
  return {
    type: 'edit' as const,
    label: 'Add card',
    ops: [
      {
        type: 'card/add' as const,
        id,
        laneId: lane.id,
        stepId: step.id,
        kind: 'painPoint' as const,
        text,
      },
    ],
  };
}

describe('sync engine', () => {
  it('sends a change after a pause at once, and batches a burst into one save per 250 ms', async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    const { store } = boot({ server, storage: new MemoryStorage(), env });
    const applies = () => server.calls.filter((c) => c.key === 'map/apply');
    store.dispatch(addPainPoint(store.getState().map, 'p1', 'one'));
    await env.advance(20);
    expect(applies()).toHaveLength(1); // 20 ms, not 250
    // A burst right after: p2..p4 wait for the debounce and go together.
    for (const id of ['p2', 'p3', 'p4']) {
      store.dispatch(addPainPoint(store.getState().map, id, id));
      await env.advance(30);
    }
    expect(applies()).toHaveLength(1);
    await env.advance(300);
    expect(applies()).toHaveLength(2);
    expect((applies()[1]?.payload as { ops: unknown[] }).ops).toHaveLength(3);
    // After a pause, at once again.
    await env.advance(1_000);
    store.dispatch(addPainPoint(store.getState().map, 'p5', 'five'));
    await env.advance(20);
    expect(applies()).toHaveLength(3);
  });

  it('sends edits in one batch with the base version, then shows them saved', async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    const storage = new MemoryStorage();
    const { store } = boot({ server, storage, env });
    store.dispatch(addPainPoint(store.getState().map, 'p1', 'one'));
    store.dispatch(addPainPoint(store.getState().map, 'p2', 'two'));
    expect(storage.getItem(pendingKey({ accountId: 'acc-me', ...address }))).toContain('p2');
    await env.advance(300);
    const applies = server.calls.filter((c) => c.key === 'map/apply');
    expect(applies).toHaveLength(1);
    expect(applies[0]?.payload).toMatchObject({ ...address, baseVersion: 1 });
    expect((applies[0]?.payload as { ops: unknown[] }).ops).toHaveLength(2);
    const s = store.getState();
    expect(s.phase).toBe('saved');
    expect(s.version).toBe(2);
    expect(s.map).toEqual(server.map);
    expect(storage.getItem(pendingKey({ accountId: 'acc-me', ...address }))).toBeNull();
  });

  it("merges another person's edit within one poll, without touching a pending edit", async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    const { store, engine } = boot({ server, storage: new MemoryStorage(), env });
    server.failApply = { code: 'SERVER_ERROR', times: 1 }; // keep my edit pending for a while
    store.dispatch(addPainPoint(store.getState().map, 'mine', 'mine'));
    await env.advance(300);
    expect(store.getState().phase).toBe('offline');
    server.remoteEdit([{ type: 'map/setTitle', title: 'Edited by Eddie' }]);
    await env.advance(3_000);
    const s = store.getState();
    expect(s.map.title).toBe('Edited by Eddie');
    expect(s.map.cards.some((c) => c.id === 'mine')).toBe(true);
    await env.advance(5_000); // the retry lands
    expect(store.getState().phase).toBe('saved');
    expect(server.map.title).toBe('Edited by Eddie');
    expect(server.map.cards.some((c) => c.id === 'mine')).toBe(true);
    engine.stop();
  });

  it('does not poll while the tab is hidden', async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    env.hidden = true;
    boot({ server, storage: new MemoryStorage(), env });
    await env.advance(10_000);
    expect(server.calls.filter((c) => c.key === 'map/version')).toHaveLength(0);
    env.hidden = false;
    await env.advance(3_000);
    expect(server.calls.filter((c) => c.key === 'map/version').length).toBeGreaterThan(0);
  });

  it('keeps failed ops, retries with backoff, and says what happened', async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    const storage = new MemoryStorage();
    const { store } = boot({ server, storage, env });
    server.failApply = { code: 'SERVER_ERROR', times: 2 };
    store.dispatch(addPainPoint(store.getState().map, 'kept', 'kept'));
    await env.advance(300);
    expect(store.getState().phase).toBe('offline');
    expect(unsentOps(store.getState())).toHaveLength(1);
    expect(storage.getItem(pendingKey({ accountId: 'acc-me', ...address }))).toContain('kept');
    await env.advance(1_000); // first retry fails too
    expect(store.getState().failures).toBe(2);
    await env.advance(2_000); // second retry succeeds
    expect(store.getState().phase).toBe('saved');
    expect(server.map.cards.some((c) => c.id === 'kept')).toBe(true);
    expect(server.calls.filter((c) => c.key === 'map/apply')).toHaveLength(3);
  });

  it('stops retrying on a refusal and keeps the ops until the person acts', async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    const { store, engine } = boot({ server, storage: new MemoryStorage(), env });
    server.failApply = { code: 'INVALID_INPUT', times: 1 };
    store.dispatch(addPainPoint(store.getState().map, 'bad', 'x'));
    await env.advance(60_000);
    expect(store.getState().phase).toBe('blocked');
    expect(unsentOps(store.getState())).toHaveLength(1);
    expect(server.calls.filter((c) => c.key === 'map/apply')).toHaveLength(1);
    engine.retryNow();
    await env.advance(10);
    expect(store.getState().phase).toBe('saved');
  });

  it('sends ops kept in storage after a reload', async () => {
    const server = new FakeServer(workedExample());
    const storage = new MemoryStorage();
    const env1 = new ManualEnv();
    const first = boot({ server, storage, env: env1 });
    server.failApply = { code: 'SERVER_ERROR', times: 1 };
    first.store.dispatch(addPainPoint(first.store.getState().map, 'survivor', 'still here'));
    await env1.advance(300);
    first.engine.stop(); // the tab is closed before the retry
    expect(server.map.cards.some((c) => c.id === 'survivor')).toBe(false);

    const env2 = new ManualEnv();
    const second = boot({ server, storage, env: env2 });
    expect(second.store.getState().map.cards.some((c) => c.id === 'survivor')).toBe(true);
    await env2.advance(300);
    expect(server.map.cards.find((c) => c.id === 'survivor')?.text).toBe('still here');
    expect(storage.getItem(pendingKey({ accountId: 'acc-me', ...address }))).toBeNull();
    const replay = server.calls.filter((c) => c.key === 'map/apply').at(-1);
    expect(replay?.payload).toMatchObject({ baseVersion: 1 });
  });

  it('resends a batch whose answer was lost with the same batchId and ops, so it counts once', async () => {
    const server = new FakeServer(workedExample());
    const env = new ManualEnv();
    const { store } = boot({ server, storage: new MemoryStorage(), env });
    server.loseAnswers = 1;
    store.dispatch(addPainPoint(store.getState().map, 'once', 'only once'));
    await env.advance(300);
    expect(store.getState().phase).toBe('offline');
    // A later edit does not join the batch that may already be applied.
    store.dispatch(addPainPoint(store.getState().map, 'later', 'later edit'));
    await env.advance(1_000);
    await env.advance(300);
    const applies = server.calls.filter((c) => c.key === 'map/apply');
    const sent = applies.map((c) => c.payload as { batchId: string; ops: { id: string }[] });
    expect(sent[0]?.batchId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(sent[1]?.batchId).toBe(sent[0]?.batchId);
    expect(sent[1]?.ops.map((o) => o.id)).toEqual(['once']);
    expect(sent[2]?.batchId).not.toBe(sent[0]?.batchId);
    expect(sent[2]?.ops.map((o) => o.id)).toEqual(['later']);
    expect(server.map.cards.filter((c) => c.id === 'once')).toHaveLength(1);
    expect(store.getState().phase).toBe('saved');
  });

  it('keeps the batchId of a batch sent before a reload and resends it with it', async () => {
    const server = new FakeServer(workedExample());
    const storage = new MemoryStorage();
    const env1 = new ManualEnv();
    const first = boot({ server, storage, env: env1 });
    server.loseAnswers = 1;
    first.store.dispatch(addPainPoint(first.store.getState().map, 'sent', 'sent once'));
    await env1.advance(300);
    first.engine.stop(); // reloaded before the retry
    const stored = createPendingStore({ storage, accountId: 'acc-me', ...address }).load();
    const firstId = (server.calls.at(-1)?.payload as { batchId: string }).batchId;
    expect(stored?.batch).toEqual({ id: firstId, count: 1 });

    const env2 = new ManualEnv();
    boot({ server, storage, env: env2 });
    await env2.advance(300);
    const resend = server.calls.filter((c) => c.key === 'map/apply').at(-1);
    expect(resend?.payload).toMatchObject({ batchId: firstId, baseVersion: 1 });
    expect(server.map.cards.filter((c) => c.id === 'sent')).toHaveLength(1);
    expect(storage.getItem(pendingKey({ accountId: 'acc-me', ...address }))).toBeNull();
  });
});
