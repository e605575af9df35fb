/**
 * A viewer as an attacker on the map's Realtime channel (docs/SECURITY.md #23, decision 0052), in
 * Chromium through the local host: Vera (view only) publishes a forged save from her own frame's
 * bridge, exactly as `realtime.publish` would, without a token and with the token the app gave
 * her. Eddie's open map must not change; his next real save still reaches Vera.
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { macroPage, seedMapAs, useEditorSuite } from './suite';
import { WAIT, addCard, cardByText } from './support';

const S1 = 'Discovers a need or a problem';
const FORGED = 'Forged by a viewer';

const suite = useEditorSuite({
  name: 'live-forgery',
  page: macroPage('Live forgery (e2e)', 'forgery-map'),
  seed: (s) =>
    seedMapAs(s, 'acc-editor', (frame) =>
      addCard(frame, { lane: 'Actions', step: S1, text: 'Real' }),
    ),
});

/** What the forging frame's bridge calls gave (each publish: 'sent' or the host's refusal). */
type Attempt = { version: number; plain: string; withToken: string };

/** In `frame`: reads the version, then publishes a forged next save twice (no token / its token). */
async function forgeFrom(frame: Frame): Promise<Attempt> {
  return frame.evaluate(async (text: string) => {
    type Bridge = { callBridge: (cmd: string, payload?: unknown) => Promise<unknown> };
    const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
    const ctx = (await bridge.callBridge('getContext')) as {
      extension: { content: { id: string } };
      localId: string;
    };
    const address = { pageId: ctx.extension.content.id, localId: ctx.localId };
    const invoke = async (functionKey: string) =>
      (await bridge.callBridge('invoke', { functionKey, payload: address })) as {
        ok: boolean;
        data?: { version: number; token?: string };
      };
    const version = (await invoke('map/version')).data?.version ?? 0;
    const token = (await invoke('map/liveToken')).data?.token;
    const event = {
      kind: 'map',
      version: version + 1,
      batchId: 'forged-batch-01',
      author: 'acc-admin',
      ops: [{ type: 'stage/add', id: 'forged-stage', name: text }],
      overwritten: [],
    };
    const publish = async (options: Record<string, unknown>) => {
      try {
        await bridge.callBridge('publishRealtimeChannel', {
          // The app's own name for the channel (`mapChannelName`).
          channelName: `journey-map-${address.localId.replace(/[^A-Za-z0-9_]/g, '_')}`,
          eventPayload: JSON.stringify(event),
          options,
        });
        return 'sent';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    return {
      version,
      plain: await publish({}),
      withToken: token ? await publish({ token }) : 'no token',
    };
  }, FORGED);
}

describe('a viewer forging live map events', () => {
  it("cannot change what an editor's open map shows; real saves still arrive", async () => {
    const eddie = await suite.personOn('acc-editor');
    const vera = await suite.personOn('acc-viewer');
    const liveBadge = (frame: Frame) => frame.locator('.live-badge');
    for (const p of [eddie, vera]) {
      await expect.poll(() => liveBadge(p.frame).textContent(), WAIT).toBe('Live');
    }
    const attempt = await forgeFrom(vera.frame);
    // Forge lets a browser publish on its context's channel; the app no longer listens there.
    expect(attempt.plain).toBe('sent');
    expect(attempt.withToken).toContain('MISSING_PERMISSION');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await eddie.frame.getByText(FORGED).count()).toBe(0);

    await addCard(eddie.frame, { lane: 'Actions', step: S1, text: 'After the forgery' });
    await cardByText(vera.frame, 'After the forgery').waitFor(WAIT);
    expect(await eddie.frame.getByText(FORGED).count()).toBe(0);
  });
});
