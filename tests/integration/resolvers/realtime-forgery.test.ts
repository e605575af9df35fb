/**
 * An attacker on the map's Realtime channel (docs/SECURITY.md #23, decision 0052). Forge lets a
 * browser publish on a channel of its own module and content (the docs' own example), so anyone
 * who can open the page could put a forged save (ops, version, author) on the channel every
 * editor's client applies. The map channel is now secured by a token's claims (Forge: "added on
 * top of the Atlassian app context"): only the backend signs, browsers get a subscribe-only
 * token from `map/liveToken` after the map was read as them. Real resolvers, the real
 * `@forge/realtime`, the local host's Realtime service; nothing of @forge is mocked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import { FrameTokens } from '../../../dev/host/frame-token';
import type { FrameRef } from '../../../dev/host/frame-token';
import { RealtimeHub } from '../../../dev/host/realtime';
import { mapChannelName, mapEvent, parseMapEvent } from '../../../src/domain/live/map-event';
import type { MapEvent } from '../../../src/domain/live/map-event';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../src/resolvers/contract';
import { createResolverHandler } from '../../../src/resolvers';
import { macroContext, testDeps, unwrap } from './harness';

const A = '5f0c2a8e-1b7d-4c3e-9a61-0d2f7e4b9c10';

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
  hub = new RealtimeHub(() => clock, 600);
  tokens = new FrameTokens();
  runtime = installForgeRuntime({ emulator, realtime: hub.service((t) => tokens.verify(t)) });
  pageId = emulator.store.createPage({ spaceKey: 'CX', title: 'Live', authorId: 'acc-editor' }).id;
});
afterEach(async () => {
  runtime.uninstall();
  await emulator.close();
});

function refOf(localId: string): FrameRef {
  const context = macroContext({ emulator, contentId: pageId, localId });
  return {
    resourceKey: 'main',
    moduleKey: 'journey-map',
    localId,
    extension: context.extension as Record<string, unknown>,
  };
}

async function call<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
  accountId = 'acc-editor',
): Promise<ResultOf<K>> {
  const ref = refOf(A);
  return (await invokeResolver({
    handler,
    functionKey: key,
    payload,
    accountId,
    context: { localId: A, extension: ref.extension },
    realtimeContextToken: tokens.sign(ref),
  })) as ResultOf<K>;
}

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
  const res = unwrap(await call('map/liveToken', { pageId, localId: A }, accountId));
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

describe('forged map events on the Realtime channel', () => {
  it("a viewer's browser publish never reaches an editor's client; the server's events do", async () => {
    const created = unwrap(await call('map/create', { pageId, localId: A, template: 'blank' }));
    const editorSees = await subscribeAsTheApp('acc-editor');

    // Without a token: Forge accepts it, but it goes to the channel without the claims.
    expect(browserPublish(forged(created.version))).toBe('sent');
    // With the token `map/liveToken` gives a viewer: subscribe only.
    const viewerToken = unwrap(await call('map/liveToken', { pageId, localId: A }, 'acc-viewer'));
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
    const saved = unwrap(await call('map/apply', payload));
    expect(editorSees.map((e) => [e.version, e.batchId, e.author])).toEqual([
      [saved.version, 'batch-0001', 'acc-editor'],
    ]);
  });

  it('gives no token to someone who cannot view the map, and says the version it read', async () => {
    const created = unwrap(await call('map/create', { pageId, localId: A, template: 'blank' }));
    const own = unwrap(await call('map/liveToken', { pageId, localId: A }, 'acc-viewer'));
    expect(own.version).toBe(created.version);
    emulator.store.restrictPage({ pageId, view: ['acc-editor'], edit: ['acc-editor'] });
    const outsider = await call('map/liveToken', { pageId, localId: A }, 'acc-outsider');
    expect(outsider.ok).toBe(false);
    expect(JSON.stringify(outsider)).not.toContain('eyJ');
  });

  it('a token is for its channel only, and expires', async () => {
    unwrap(await call('map/create', { pageId, localId: A, template: 'blank' }));
    const { token, expiresAt } = unwrap(await call('map/liveToken', { pageId, localId: A }));
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
