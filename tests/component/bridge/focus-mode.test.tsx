/**
 * Focus mode's bridge Modal (decision 0026) as the real `@forge/bridge` asks the host for it:
 * fullscreen, this resource, the focus request in its context, and `closeOnEscape: false`,
 * because the app handles Escape itself (a field or a card takes it first) and whether a host
 * sees an Escape pressed inside the modal's iframe is not documented (decision 0053).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openFocusMode } from '../../../static/app/src/bridge/focus-mode';
import { FOCUS_FLAG } from '../../../static/app/src/bridge/focus-request';

afterEach(() => globalThis.__componentBridge?.use(null));

describe('openFocusMode', () => {
  it('opens a fullscreen modal of this resource that the host does not close on Escape', async () => {
    const opened: Record<string, unknown>[] = [];
    globalThis.__componentBridge?.use((cmd, payload) => {
      if (cmd !== 'openModal') return Promise.reject(new Error(cmd));
      opened.push(payload as Record<string, unknown>);
      return Promise.resolve(true);
    });
    const request = { pageId: '42', localId: 'm1' };
    const ok = await openFocusMode({ request, title: 'Journey map', onClose: () => undefined });
    expect(ok).toBe(true);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      resource: null,
      size: 'fullscreen',
      title: 'Journey map',
      closeOnEscape: false,
      context: { [FOCUS_FLAG]: request },
    });
  });
});
