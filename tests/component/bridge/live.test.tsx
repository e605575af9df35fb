/**
 * The app's Realtime publish through the real `@forge/bridge`, answered by the local host's
 * publish (dev/host/rpc.ts `publishFromFrame`): Forge's docs say a front-end `publish` payload
 * "must be a string", so the app sends JSON text, and subscribers get it back as text that the
 * app's parsers read (decision 0053).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameRef } from '../../../dev/host/frame-token';
import { RealtimeHub, channelKey } from '../../../dev/host/realtime';
import { publishFromFrame } from '../../../dev/host/rpc';
import { parsePresence } from '../../../static/app/src/features/editor/presence/presence-store';
import { bridgeLive } from '../../../static/app/src/bridge/live';

const ref: FrameRef = {
  resourceKey: 'main',
  moduleKey: 'journey-map',
  localId: 'm1',
  extension: { type: 'macro', content: { id: '42', type: 'page' }, space: { id: '1', key: 'CX' } },
};

afterEach(() => globalThis.__componentBridge?.use(null));

describe('bridgeLive.publish on the host', () => {
  it('publishes JSON text that subscribers of the same macro read back', async () => {
    const hub = new RealtimeHub();
    globalThis.__componentBridge?.use((cmd, payload) => {
      if (cmd !== 'publishRealtimeChannel') return Promise.reject(new Error(cmd));
      return Promise.resolve(
        publishFromFrame({ payload: asHostClientSends(payload), ref, realtime: hub }),
      );
    });
    const seen: unknown[] = [];
    hub.tap(channelKey(ref, 'presence:m1', false), (p) => seen.push(p));
    const message = {
      kind: 'presence',
      tab: 't1',
      accountId: 'acc-lin',
      name: 'Lin Mei',
      state: 'here',
    };
    expect(await bridgeLive.publish('presence:m1', message)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(typeof seen[0]).toBe('string');
    expect(parsePresence(seen[0])).toMatchObject({ accountId: 'acc-lin', state: 'here' });
  });

  it('the host refuses an object payload, as the docs say Forge does not take one', () => {
    expect(() =>
      publishFromFrame({
        payload: { channelName: 'presence:m1', eventPayload: { kind: 'presence' } },
        ref,
        realtime: new RealtimeHub(),
      }),
    ).toThrow(/must be a string/);
  });
});

/** The bridge's publish payload as the host's client script forwards it (dev/host/client). */
function asHostClientSends(payload: unknown): Record<string, unknown> {
  const p = (payload ?? {}) as {
    channelName?: unknown;
    eventPayload?: unknown;
    isGlobal?: unknown;
    options?: { contextOverrides?: unknown };
  };
  return {
    channelName: p.channelName,
    eventPayload: p.eventPayload,
    isGlobal: p.isGlobal === true,
    contextOverrides: p.options?.contextOverrides,
  };
}
