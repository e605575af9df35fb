/**
 * `map/apply` publishes each committed save on the map's Forge Realtime channel: the real
 * `@forge/realtime` → the local Forge runtime (`__forge_fetch__` type `realtime`) → the host's
 * Realtime service, which scopes channels to the invoking module and content and enforces the
 * 50 operations per second limit, and secures the map channel with signed tokens (decision 0052).
 * Nothing of @forge is mocked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import { FrameTokens } from '../../../dev/host/frame-token';
import type { FrameRef } from '../../../dev/host/frame-token';
import { REALTIME_OPS_PER_SECOND, RealtimeHub, channelKey } from '../../../dev/host/realtime';
import { mapChannelName, mapEvent, parseMapEvent } from '../../../src/domain/live/map-event';
import { mapChannelClaims } from '../../../src/realtime/map-channel-token';
import type { MapEvent } from '../../../src/domain/live/map-event';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../src/resolvers/contract';
import { createResolverHandler } from '../../../src/resolvers';
import { macroContext, testDeps, unwrap } from './harness';

const A = '5f0c2a8e-1b7d-4c3e-9a61-0d2f7e4b9c10';
const B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

let emulator: Emulator;
let runtime: ForgeRuntimeHandle;
let hub: RealtimeHub;
let tokens: FrameTokens;
let pageId: string;
let clock: number;
const handler = createResolverHandler(testDeps());

beforeEach(async () => {
  emulator = await createEmulator();
  // Now: `@forge/realtime` checks a token's `exp` against the real clock before publishing.
  clock = Date.now();
  hub = new RealtimeHub(() => clock);
  tokens = new FrameTokens();
  runtime = installForgeRuntime({ emulator, realtime: hub.service((t) => tokens.verify(t)) });
  pageId = emulator.store.createPage({ spaceKey: 'CX', title: 'Live', authorId: 'acc-editor' }).id;
});
afterEach(async () => {
  runtime.uninstall();
  await emulator.close();
});

function refOf(localId: string, module = 'journey-map'): FrameRef {
  const context = macroContext({ emulator, contentId: pageId, localId });
  return {
    resourceKey: 'main',
    moduleKey: module,
    localId,
    extension: context.extension as Record<string, unknown>,
  };
}

async function call<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
  localId: string,
  accountId = 'acc-editor',
): Promise<ResultOf<K>> {
  const ref = refOf(localId);
  return (await invokeResolver({
    handler,
    functionKey: key,
    payload,
    accountId,
    context: { localId, extension: ref.extension },
    realtimeContextToken: tokens.sign(ref),
  })) as ResultOf<K>;
}

/** The map channel's key: its scope plus the claims of its token (decision 0052). */
function mapKey(localId: string, module = 'journey-map'): string {
  const name = mapChannelName(localId);
  return channelKey(refOf(localId, module), name, false, undefined, mapChannelClaims(localId));
}

function listen(localId: string, module = 'journey-map'): MapEvent[] {
  const events: MapEvent[] = [];
  const key = mapKey(localId, module);
  hub.tap(key, (payload) => {
    const event = parseMapEvent(payload);
    if (event) events.push(event);
  });
  return events;
}

async function created(localId: string): Promise<{ version: number; laneId: string }> {
  const map = unwrap(await call('map/create', { pageId, localId, template: 'blank' }, localId));
  return { version: map.version, laneId: map.map.lanes[0]?.id ?? '' };
}

describe('map/apply → Forge Realtime', () => {
  it('publishes {version, batchId, author, ops} of a committed save to that macro only', async () => {
    const a = await created(A);
    await created(B);
    const onA = listen(A);
    const onB = listen(B);
    const otherModule = listen(A, 'journey-maps-index');
    const ops = [{ type: 'stage/add' as const, id: 'st1', name: 'Discover' }];
    const saved = unwrap(
      await call(
        'map/apply',
        { pageId, localId: A, baseVersion: a.version, batchId: 'batch-0001', ops },
        A,
      ),
    );
    expect(onA).toEqual([
      {
        kind: 'map',
        version: saved.version,
        batchId: 'batch-0001',
        author: 'acc-editor',
        ops,
        overwritten: [],
        updatedAt: expect.any(String) as string,
      },
    ]);
    expect(onB).toEqual([]);
    expect(otherModule).toEqual([]);
  });

  it('publishes as soon as the head is written, before the page summary is brought up to date', async () => {
    const a = await created(A);
    const writes = () =>
      emulator.log.entries().filter((e) => e.method !== 'GET' && e.status < 300).length;
    const atEvent: number[] = [];
    hub.tap(mapKey(A), () => atEvent.push(writes()));
    emulator.log.clear();
    const ops = [{ type: 'stage/add' as const, id: 'st1', name: 'Discover' }];
    unwrap(
      await call(
        'map/apply',
        { pageId, localId: A, baseVersion: a.version, batchId: 'batch-0009', ops },
        A,
      ),
    );
    // The head PUT, then the event, then the summary PUT (the stage changes the summary).
    expect(atEvent).toEqual([1]);
    expect(writes()).toBe(2);
  });

  it('publishes nothing for a resend or a save that changed nothing', async () => {
    const a = await created(A);
    const onA = listen(A);
    const ops = [{ type: 'stage/add' as const, id: 'st1', name: 'Discover' }];
    const payload = { pageId, localId: A, baseVersion: a.version, batchId: 'batch-0002', ops };
    unwrap(await call('map/apply', payload, A));
    unwrap(await call('map/apply', payload, A));
    unwrap(
      await call(
        'map/apply',
        { ...payload, batchId: 'batch-0003', ops: [{ type: 'card/delete', id: 'nope' }] },
        A,
      ),
    );
    expect(onA.map((e) => e.batchId)).toEqual(['batch-0002']);
  });

  it('over the 50 operations per second limit the save still succeeds; the event is not sent', async () => {
    const a = await created(A);
    const onA = listen(A);
    const key = channelKey(refOf(A), 'other', false);
    for (let i = 0; i < REALTIME_OPS_PER_SECOND; i++) hub.publish(key, i);
    const ops = [{ type: 'stage/add' as const, id: 'st1', name: 'Discover' }];
    const saved = await call(
      'map/apply',
      { pageId, localId: A, baseVersion: a.version, batchId: 'batch-0004', ops },
      A,
    );
    expect(saved.ok).toBe(true);
    expect(onA).toEqual([]);
    clock += 1_001;
    expect(hub.publish(key, 'later')).not.toBeNull();
  });

  it('a backend publish outside a UI invocation (no context token) is refused for scoped channels', async () => {
    const a = await created(A);
    const onA = listen(A);
    const ref = refOf(A);
    const saved = (await invokeResolver({
      handler,
      functionKey: 'map/apply',
      payload: {
        pageId,
        localId: A,
        baseVersion: a.version,
        batchId: 'batch-0005',
        ops: [{ type: 'stage/add', id: 'st1', name: 'Discover' }],
      },
      accountId: 'acc-editor',
      context: { localId: A, extension: ref.extension },
    })) as ResultOf<'map/apply'>;
    expect(saved.ok).toBe(true);
    expect(onA).toEqual([]);
  });
});

/** What a browser's bridge `realtime.publish` reaches (the host's RPC does exactly this): 'sent' or why not. */
function browserPublish(payload: unknown, token?: string): string {
  const target = hub.frameKey({
    ref: refOf(A),
    channel: mapChannelName(A),
    isGlobal: false,
    token,
    use: 'publish',
  });
  if (!target.ok) return target.reason;
  return hub.publish(target.key, payload) ? 'sent' : 'rate limited';
}

/** The map channel as the app's client opens it: the token from `map/liveToken`, then subscribe. */
async function subscribeAsTheApp(accountId: string): Promise<MapEvent[]> {
  const res = unwrap(await call('map/liveToken', { pageId, localId: A }, A, accountId));
  const target = hub.frameKey({
    ref: refOf(A),
    channel: mapChannelName(A),
    isGlobal: false,
    token: res.token,
    use: 'subscribe',
  });
  if (!target.ok) throw new Error(target.reason);
  const events: MapEvent[] = [];
  hub.tap(target.key, (payload) => {
    const event = parseMapEvent(payload);
    if (event) events.push(event);
  });
  return events;
}

const forged = (version: number) =>
  mapEvent({
    version: version + 1,
    batchId: 'forged-0001',
    author: 'acc-admin',
    ops: [{ type: 'map/setTitle', title: 'Pay the invoice at evil.example' }],
    overwritten: ['title'],
  });

/**
 * An attacker on the map's channel (docs/SECURITY.md #23, decision 0052). Forge lets a browser
 * publish on a channel of its own module and content (the docs' own example), so the map channel
 * is secured by a token's claims only the backend signs; browsers get a subscribe-only token from
 * `map/liveToken` after the map was read as them.
 */
describe('forged map events on the Realtime channel', () => {
  it("a viewer's browser publish never reaches an editor's client; the server's events do", async () => {
    const created = unwrap(await call('map/create', { pageId, localId: A, template: 'blank' }, A));
    const editorSees = await subscribeAsTheApp('acc-editor');

    // Without a token: Forge accepts it, but it goes to the channel without the claims.
    expect(browserPublish(forged(created.version))).toBe('sent');
    // With the token `map/liveToken` gives a viewer: subscribe only.
    const viewerToken = unwrap(
      await call('map/liveToken', { pageId, localId: A }, A, 'acc-viewer'),
    );
    expect(browserPublish(forged(created.version), viewerToken.token)).toBe('MISSING_PERMISSION');
    expect(editorSees).toEqual([]);

    const ops = [{ type: 'stage/add' as const, id: 'st1', name: 'Discover' }];
    const payload = {
      pageId,
      localId: A,
      baseVersion: created.version,
      batchId: 'batch-0001',
      ops,
    };
    const saved = unwrap(await call('map/apply', payload, A));
    expect(editorSees.map((e) => [e.version, e.batchId, e.author])).toEqual([
      [saved.version, 'batch-0001', 'acc-editor'],
    ]);
  });

  it('gives no token to someone who cannot view the map, and says the version it read', async () => {
    const created = unwrap(await call('map/create', { pageId, localId: A, template: 'blank' }, A));
    const own = unwrap(await call('map/liveToken', { pageId, localId: A }, A, 'acc-viewer'));
    expect(own.version).toBe(created.version);
    emulator.store.restrictPage({ pageId, view: ['acc-editor'], edit: ['acc-editor'] });
    const outsider = await call('map/liveToken', { pageId, localId: A }, A, 'acc-outsider');
    expect(outsider.ok).toBe(false);
    expect(JSON.stringify(outsider)).not.toContain('eyJ');
  });

  it('a token is for its channel only, and expires', async () => {
    unwrap(await call('map/create', { pageId, localId: A, template: 'blank' }, A));
    const { token, expiresAt } = unwrap(await call('map/liveToken', { pageId, localId: A }, A));
    const other = hub.frameKey({
      ref: refOf(A),
      channel: 'journey-map-presence-x',
      isGlobal: false,
      token,
      use: 'subscribe',
    });
    expect(other).toEqual({ ok: false, reason: 'CHANNEL_NAME_MISMATCH' });
    clock = expiresAt * 1000;
    const late = hub.frameKey({
      ref: refOf(A),
      channel: mapChannelName(A),
      isGlobal: false,
      token,
      use: 'subscribe',
    });
    expect(late).toEqual({ ok: false, reason: 'TOKEN_EXPIRED' });
  });
});
