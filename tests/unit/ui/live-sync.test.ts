/**
 * The sync engine on a Realtime channel (decision 0028): others' saves arrive as events and are
 * applied without a call when they follow our version, loaded otherwise; an idle viewer makes
 * no calls; a dropped channel says "Reconnecting" and catches up by version; without Realtime
 * the engine polls slowly; a text of mine someone overwrote unseen becomes a conflict at the card.
 */
import { describe, expect, it } from 'vitest';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import { mapEvent } from '../../../src/domain/live/map-event';
import type { LiveChannels, LiveHandlers } from '../../../static/app/src/bridge/live';
import {
  createEditorReducer,
  initialEditorState,
} from '../../../static/app/src/features/editor/state/editor-state';
import { createEditorStore } from '../../../static/app/src/features/editor/state/editor-store';
import { createPendingStore } from '../../../static/app/src/features/editor/state/pending-store';
import { SyncEngine } from '../../../static/app/src/features/editor/state/sync-engine';
import type { LiveConfig } from '../../../static/app/src/features/editor/state/sync-engine';
import { FakeServer, ManualEnv, MemoryStorage, workedExample } from './fixtures';

const address = { pageId: '123', localId: 'macro-1' };
/** ManualEnv's clock at time 0, in epoch seconds (tokens expire in epoch seconds, as Forge says). */
const EPOCH_S = Date.UTC(2026, 0, 15) / 1000;

/** An in-memory Realtime: `fail` refuses subscriptions; `drop()` closes the open ones. */
class FakeLive implements LiveChannels {
  open = new Map<string, LiveHandlers>();
  fail = false;
  subscribes = 0;
  tokens: (string | undefined)[] = [];
  subscribe(channel: string, handlers: LiveHandlers, token?: string): Promise<() => void> {
    this.subscribes++;
    this.tokens.push(token);
    if (this.fail) return Promise.reject(new Error('unavailable'));
    this.open.set(channel, handlers);
    return Promise.resolve(() => this.open.delete(channel));
  }
  publish(): Promise<boolean> {
    return Promise.resolve(true);
  }
  send(channel: string, payload: unknown): void {
    this.open.get(channel)?.onEvent(payload);
  }
  drop(): void {
    const all = [...this.open.values()];
    this.open.clear();
    for (const h of all) h.onDrop();
  }
}

function boot(server: FakeServer, live: FakeLive, token?: LiveConfig['token']) {
  const env = new ManualEnv();
  const pendingStore = createPendingStore({
    storage: new MemoryStorage(),
    accountId: 'acc-me',
    ...address,
  });
  const store = createEditorStore(
    createEditorReducer(applyAll),
    initialEditorState({
      applyAll,
      map: server.map,
      version: server.version,
      capabilities: { canEdit: true },
    }),
    () => env.time,
  );
  const engine = new SyncEngine({
    store,
    transport: server,
    address,
    pendingStore,
    env,
    live: { channels: live, channel: 'ch', ...(token ? { token } : {}) },
  });
  engine.start();
  return { store, engine, env };
}

/** Another person's save on the server, and its event as the resolver publishes it. */
function remoteSave(server: FakeServer, ops: Op[], overwritten: string[] = []) {
  server.remoteEdit(ops);
  return JSON.stringify(
    mapEvent({
      version: server.version,
      batchId: `b-${server.version}`,
      author: 'acc-eddie',
      ops,
      overwritten,
    }),
  );
}

const calls = (server: FakeServer, key: string) => server.calls.filter((c) => c.key === key);

describe('sync engine with Realtime', () => {
  it('is live and makes no call at all while idle (ten minutes)', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, engine, env } = boot(server, live);
    await env.advance(600_000);
    expect(store.getState().live).toBe('live');
    expect(server.calls).toEqual([]);
    engine.stop();
  });

  it('subscribes with the token the server signed, and catches up when the server read a newer version', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const asked: number[] = [];
    const { store, env } = boot(server, live, () => {
      // Someone saved between our load and the token: the token's read says so.
      remoteSave(server, [{ type: 'map/setTitle', title: 'Before we listened' }]);
      asked.push(server.version);
      return Promise.resolve({
        token: 'signed-by-server',
        expiresAt: EPOCH_S + 3600,
        version: server.version,
      });
    });
    await env.advance(0);
    expect(asked).toHaveLength(1);
    expect(live.tokens).toEqual(['signed-by-server']);
    expect(store.getState().live).toBe('live');
    expect(calls(server, 'map/opsSince')).toHaveLength(1);
    expect(store.getState().map.title).toBe('Before we listened');
  });

  it('without a token (the server refused one) it is not live and polls slowly', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live, () => Promise.resolve(null));
    await env.advance(0);
    expect(live.subscribes).toBe(0);
    expect(store.getState().live).toBe('off');
  });

  it('retries a refused channel with the token it holds, asks anew a minute before it expires, and probes the version once open', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    live.fail = true;
    let asked = 0;
    const clock = { ms: 0 };
    const { store, env } = boot(server, live, () => {
      asked++;
      // Each token lives 10 minutes from when it was signed.
      const expiresAt = EPOCH_S + clock.ms / 1000 + 600;
      return Promise.resolve({ token: `t${asked}`, expiresAt, version: server.version });
    });
    const tick = async (ms: number): Promise<void> => {
      // The token function reads the time through `clock` (env is not bound yet at boot).
      for (let left = ms; left > 0; left -= 1_000) {
        await env.advance(Math.min(1_000, left));
        clock.ms = env.time;
      }
    };
    await env.advance(0);
    expect(asked).toBe(1);
    // Eight minutes of refused subscribes (1, 2, 4 … 30 s apart): no new token asked.
    await tick(8 * 60_000);
    expect(live.subscribes).toBeGreaterThan(8);
    expect(asked).toBe(1);
    expect(new Set(live.tokens)).toEqual(new Set(['t1']));
    // Past 9 minutes the held token is within a minute of its end: the next retry asks anew.
    await tick(2 * 60_000);
    expect(asked).toBe(2);
    expect(live.tokens.at(-1)).toBe('t2');
    // Someone saved meanwhile; Realtime comes back and the retry holds a fresh-enough token.
    remoteSave(server, [{ type: 'map/setTitle', title: 'Saved while we were off' }]);
    live.fail = false;
    const versionsBefore = calls(server, 'map/version').length;
    await tick(31_000);
    expect(store.getState().live).toBe('live');
    expect(asked).toBe(2);
    expect(calls(server, 'map/version').length).toBeGreaterThan(versionsBefore);
    expect(store.getState().map.title).toBe('Saved while we were off');
  });

  it("applies another person's save from its event, without a call", async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    live.send('ch', remoteSave(server, [{ type: 'map/setTitle', title: 'By Eddie' }]));
    expect(store.getState().map.title).toBe('By Eddie');
    expect(store.getState().version).toBe(server.version);
    expect(server.calls).toEqual([]);
  });

  it('fetches only the ops since its version when an event skips one (one was missed)', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    const lane = server.map.lanes[0]?.id ?? '';
    const step = server.map.steps[0]?.id ?? '';
    // Missed: a new card, then a title; the event that arrives is the title.
    remoteSave(server, [
      {
        type: 'card/add',
        id: 'missed',
        laneId: lane,
        stepId: step,
        kind: 'action',
        text: 'Missed',
      },
    ]);
    live.send('ch', remoteSave(server, [{ type: 'map/setTitle', title: 'Second' }]));
    await env.advance(0);
    expect(calls(server, 'map/opsSince')).toEqual([
      { key: 'map/opsSince', payload: { ...address, sinceVersion: 1 } },
    ]);
    expect(calls(server, 'map/load')).toHaveLength(0);
    expect(store.getState().map).toEqual(server.map);
    expect(store.getState().version).toBe(server.version);
  });

  it("loads the whole map when its version is past the op log's horizon", async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    remoteSave(server, [{ type: 'map/setTitle', title: 'First' }]); // missed
    server.compact(); // that save wrote a new base: the log no longer reaches version 1
    live.send('ch', remoteSave(server, [{ type: 'map/setTitle', title: 'Second' }]));
    await env.advance(0);
    expect(calls(server, 'map/opsSince')).toHaveLength(1);
    expect(calls(server, 'map/load')).toHaveLength(1);
    expect(store.getState().map.title).toBe('Second');
    expect(store.getState().version).toBe(server.version);
  });

  it('keeps its unsent edits on top of the saves it catches up with', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    server.failApply = { code: 'SERVER_ERROR', times: 1 };
    const persona = server.map.persona.name;
    store.dispatch({
      type: 'edit',

      ops: [{ type: 'persona/set', patch: { name: 'Mine' } }],
    });
    await env.advance(300); // sent, failed: held
    remoteSave(server, [{ type: 'map/setTitle', title: 'First' }]); // missed
    live.send('ch', remoteSave(server, [{ type: 'map/setTitle', title: 'Second' }]));
    await env.advance(0);
    expect(store.getState().map.title).toBe('Second');
    expect(store.getState().map.persona.name).toBe('Mine');
    expect(persona).not.toBe('Mine');
    await env.advance(5_000);
    expect(server.map.persona.name).toBe('Mine');
    expect(server.map.title).toBe('Second');
  });

  it('ignores the event of its own save and events it already has', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    store.dispatch({
      type: 'edit',

      ops: [{ type: 'map/setTitle', title: 'Mine' }],
    });
    await env.advance(300);
    const before = store.getState();
    live.send(
      'ch',
      mapEvent({ version: before.version, batchId: 'x', author: 'me', ops: [], overwritten: [] }),
    );
    expect(store.getState()).toBe(before);
  });

  it('says Reconnecting when the channel drops, then Live, and catches up with the ops since', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    live.fail = true;
    live.drop();
    expect(store.getState().live).toBe('reconnecting');
    remoteSave(server, [{ type: 'map/setTitle', title: 'While away' }]);
    await env.advance(1_000);
    expect(store.getState().live).toBe('reconnecting');
    live.fail = false;
    await env.advance(2_000);
    expect(store.getState().live).toBe('live');
    expect(calls(server, 'map/opsSince')).toHaveLength(1);
    expect(calls(server, 'map/version')).toHaveLength(0);
    expect(calls(server, 'map/load')).toHaveLength(0);
    expect(store.getState().map.title).toBe('While away');
  });

  it('without Realtime: "off" and a poll every 45 s (at most 2 calls a minute), not every 3 s', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    live.fail = true;
    const { store, env } = boot(server, live);
    await env.advance(0);
    expect(store.getState().live).toBe('off');
    await env.advance(60_000);
    expect(calls(server, 'map/version')).toHaveLength(1);
    expect(calls(server, 'map/opsSince')).toHaveLength(0);
    remoteSave(server, [{ type: 'map/setTitle', title: 'Polled' }]);
    await env.advance(45_000);
    expect(store.getState().map.title).toBe('Polled');
    expect(calls(server, 'map/load')).toHaveLength(0); // the poll fetched the ops since
  });

  it('a saved text of mine overwritten by someone who had not seen it becomes a conflict at the card', async () => {
    const server = new FakeServer(workedExample());
    const live = new FakeLive();
    const { store, env } = boot(server, live);
    await env.advance(0);
    const card = store.getState().map.cards[0];
    if (!card) throw new Error('no card');
    store.dispatch({
      type: 'edit',

      ops: [{ type: 'card/edit', id: card.id, patch: { text: 'Mine, typed first' } }],
    });
    await env.advance(300);
    expect(store.getState().phase).toBe('saved');
    live.send(
      'ch',
      remoteSave(
        server,
        [{ type: 'card/edit', id: card.id, patch: { text: 'Theirs, 150 ms later' } }],
        [`cards.${card.id}.text`],
      ),
    );
    const s = store.getState();
    expect(s.map.cards.find((c) => c.id === card.id)?.text).toBe('Theirs, 150 ms later');
    expect(s.conflicts).toEqual([
      {
        id: expect.any(Number) as number,
        cardId: card.id,
        mine: 'Mine, typed first',
        theirs: 'Theirs, 150 ms later',
        author: 'acc-eddie',
      },
    ]);
    // A later deliberate edit (they had seen mine: nothing overwritten) is not a conflict.
    store.dispatch({ type: 'resolveConflict', id: s.conflicts[0]?.id ?? 0 });
    live.send(
      'ch',
      remoteSave(server, [{ type: 'card/edit', id: card.id, patch: { text: 'Edited again' } }]),
    );
    expect(store.getState().conflicts).toEqual([]);
  });
});
