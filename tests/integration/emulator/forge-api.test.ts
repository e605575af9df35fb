/**
 * The real @forge/api against the emulator through a minimal `__forge_fetch__` (no mocks): checks
 * that what @forge/api sends (route paths, string and FormData bodies) is what the emulator reads.
 */
import api, { route } from '@forge/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator, Principal } from '../../../dev/emulator/index';

type ForgeFetchContext = { provider?: string; accountId?: string };
type GlobalWithForge = typeof globalThis & {
  __forge_fetch__?: (ctx: ForgeFetchContext, path: string, init?: RequestInit) => Promise<Response>;
};

describe('real @forge/api → emulator', () => {
  let emu: Emulator;
  let pageId: string;
  const g = globalThis as GlobalWithForge;
  const previous = g.__forge_fetch__;
  beforeAll(async () => {
    emu = await createEmulator();
    pageId = emu.store.createPage({ spaceKey: 'CX', title: 'Forge', authorId: 'acc-admin' }).id;
    g.__forge_fetch__ = (ctx, path, init) => {
      const principal: Principal =
        ctx.provider === 'app'
          ? { kind: 'app' }
          : ctx.provider === 'user'
            ? { kind: 'user', accountId: ctx.accountId ?? 'acc-editor' }
            : { kind: 'anonymous' };
      return emu.handle(new Request(`http://emulator.local${path}`, init), principal);
    };
  });
  afterAll(async () => {
    g.__forge_fetch__ = previous;
    await emu.close();
  });

  it('creates and updates a property as user and app, with 409 on a stale version', async () => {
    const created = await api
      .asUser('acc-editor')
      .requestConfluence(route`/wiki/api/v2/pages/${pageId}/properties`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ key: 'cjm_map_x', value: { v: 1 } }),
      });
    expect(created.status).toBe(200);
    const prop = (await created.json()) as { id: string };
    const stale = await api
      .asApp()
      .requestConfluence(route`/wiki/api/v2/pages/${pageId}/properties/${prop.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ key: 'cjm_map_x', value: { v: 2 }, version: { number: 1 } }),
      });
    expect(stale.status).toBe(409);
    const viewer = await api
      .asUser('acc-viewer')
      .requestConfluence(route`/wiki/api/v2/pages/${pageId}/properties/${prop.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ key: 'cjm_map_x', value: { v: 2 }, version: { number: 2 } }),
      });
    expect(viewer.status).toBe(403);
    expect(emu.log.entries().map((e) => e.principal)).toEqual([
      'user:acc-editor',
      'app',
      'user:acc-viewer',
    ]);
  });

  it('uploads FormData through requestConfluence and searches with a route-encoded CQL', async () => {
    const form = new FormData();
    form.append('file', new File(['photo'], 'wall.jpg', { type: 'image/jpeg' }));
    const up = await api
      .asApp()
      .requestConfluence(route`/wiki/rest/api/content/${pageId}/child/attachment`, {
        method: 'PUT',
        headers: { 'X-Atlassian-Token': 'no-check' },
        // @forge/api's RequestInit type omits FormData, but the runtime passes it through as is.
        body: form as unknown as string,
      });
    expect(up.status).toBe(200);
    const cql = `space = CX and title ~ "forge"`;
    const res = await api
      .asUser('acc-viewer')
      .requestConfluence(route`/wiki/rest/api/search?cql=${cql}&limit=${10}`);
    const body = (await res.json()) as { results: { content: { id: string } }[] };
    expect(body.results.map((r) => r.content.id)).toEqual([pageId]);
  });
});
