/**
 * The early start (bridge/early-calls.ts and early-start.ts, decisions 0044 and 0057): one
 * `getContext`, and for a page-view macro one `map/load` sent as soon as the context answers,
 * taken once by the macro it belongs to, whether the inline boot script or the main entry started
 * them; focus modals and other modules send nothing early.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Call = { cmd: string; payload: unknown };
const PAGE = { type: 'page', content: { id: '42', type: 'page' }, space: { key: 'CX' } };

function world(context: Record<string, unknown>): Call[] {
  const calls: Call[] = [];
  globalThis.__componentBridge?.use((cmd, payload) => {
    calls.push({ cmd, payload });
    if (cmd === 'getContext') return Promise.resolve(context);
    if (cmd === 'invoke') return Promise.resolve({ ok: true, data: { map: null } });
    return Promise.resolve(undefined);
  });
  return calls;
}

const invokes = (calls: Call[]) => calls.filter((c) => c.cmd === 'invoke');

/** A fresh frame: new module instances and no calls started by an earlier boot script. */
beforeEach(() => {
  vi.resetModules();
  delete (globalThis as { __jmEarly?: unknown }).__jmEarly;
});
afterEach(() => globalThis.__componentBridge?.use(null));

describe('earlyStart', () => {
  it('sends map/load for a page-view macro as soon as the context answers, once', async () => {
    const calls = world({ moduleKey: 'journey-map', localId: 'm1', extension: PAGE });
    const { earlyStart, takeStartedLoad } =
      await import('../../../static/app/src/bridge/early-start');
    const context = earlyStart();
    expect(earlyStart()).toBe(context);
    await context;
    expect(calls.filter((c) => c.cmd === 'getContext')).toHaveLength(1);
    expect(invokes(calls).map((c) => c.payload)).toEqual([
      { functionKey: 'map/load', payload: { pageId: '42', localId: 'm1', locale: 'en-US' } },
    ]);
    expect(takeStartedLoad({ pageId: '42', localId: 'other' })).toBeNull();
    const taken = takeStartedLoad({ pageId: '42', localId: 'm1' });
    expect(taken).not.toBeNull();
    await expect(taken).resolves.toEqual({ ok: true, data: { map: null } });
    expect(takeStartedLoad({ pageId: '42', localId: 'm1' })).toBeNull();
  });

  it("takes the calls the boot script's own copy started, without sending them again", async () => {
    const calls = world({ moduleKey: 'journey-map', localId: 'm1', extension: PAGE });
    // The inline boot script is a separate build of early-calls.ts: another module instance.
    const boot = await import('../../../static/app/src/bridge/early-calls');
    const started = boot.startEarlyCalls();
    await started;
    vi.resetModules();
    const { earlyStart, takeStartedLoad } =
      await import('../../../static/app/src/bridge/early-start');
    expect(earlyStart()).toBe(started);
    await Promise.resolve();
    expect(calls.filter((c) => c.cmd === 'getContext')).toHaveLength(1);
    expect(invokes(calls)).toHaveLength(1);
    await expect(takeStartedLoad({ pageId: '42', localId: 'm1' })).resolves.toEqual({
      ok: true,
      data: { map: null },
    });
  });

  it.each([
    [
      'a focus modal',
      {
        moduleKey: 'journey-map',
        localId: 'm1',
        extension: { ...PAGE, modal: { journeyMapFocus: { pageId: '42', localId: 'm1' } } },
      },
    ],
    [
      'the space index',
      { moduleKey: 'journey-maps-index', localId: 'i', extension: { type: 'space' } },
    ],
    ['an unsaved page', { moduleKey: 'journey-map', localId: 'm1', extension: { type: 'page' } }],
  ])('sends nothing early for %s', async (_name, context) => {
    const calls = world(context);
    const { earlyStart, takeStartedLoad } =
      await import('../../../static/app/src/bridge/early-start');
    await earlyStart();
    await Promise.resolve();
    expect(invokes(calls)).toEqual([]);
    expect(takeStartedLoad({ pageId: '42', localId: 'm1' })).toBeNull();
  });
});
