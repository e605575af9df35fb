import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator } from '../../../dev/emulator/index';
import { handleNodeRequest, startEmulatorServer } from '../../../dev/emulator/server';

const basic = (email: string) => `Basic ${Buffer.from(`${email}:any-token`).toString('base64')}`;

describe('HTTP server', () => {
  let emu: Emulator;
  let server: { url: string; close: () => Promise<void> };
  let pageId: string;
  beforeAll(async () => {
    emu = await createEmulator();
    server = await startEmulatorServer({ emulator: emu, port: 0, host: '127.0.0.1' });
    pageId = emu.store.createPage({ spaceKey: 'CX', title: 'Served', authorId: 'acc-admin' }).id;
  });
  afterAll(async () => {
    await server.close();
    await emu.close();
  });

  it('maps Basic auth (demo email + any token) to that user, and no auth to 401', async () => {
    const me = await fetch(`${server.url}/wiki/rest/api/user/current`, {
      headers: { authorization: basic('viewer@example.com') },
    });
    expect(((await me.json()) as { accountId: string }).accountId).toBe('acc-viewer');
    expect((await fetch(`${server.url}/wiki/api/v2/pages/${pageId}`)).status).toBe(401);
    expect(
      (
        await fetch(`${server.url}/wiki/api/v2/pages/${pageId}`, {
          headers: { authorization: basic('nobody@example.com') },
        })
      ).status,
    ).toBe(401);
  });

  it('accepts x-emulator-principal for tooling', async () => {
    const res = await fetch(`${server.url}/wiki/api/v2/pages/${pageId}`, {
      headers: { 'x-emulator-principal': 'app' },
    });
    expect(res.status).toBe(200);
    const user = await fetch(`${server.url}/wiki/rest/api/user/current`, {
      headers: { 'x-emulator-principal': 'user:acc-editor' },
    });
    expect(((await user.json()) as { accountId: string }).accountId).toBe('acc-editor');
  });

  it('uploads multipart over HTTP and downloads it back', async () => {
    const form = new FormData();
    form.append('file', new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    const up = await fetch(`${server.url}/wiki/rest/api/content/${pageId}/child/attachment`, {
      method: 'POST',
      headers: { authorization: basic('editor@example.com'), 'X-Atlassian-Token': 'nocheck' },
      body: form,
    });
    expect(up.status).toBe(200);
    const link = ((await up.json()) as { results: { _links: { download: string } }[] }).results[0]
      ?._links.download;
    const dl = await fetch(`${server.url}/wiki${link}`, {
      headers: { authorization: basic('viewer@example.com') },
    });
    expect(dl.headers.get('content-type')).toBe('text/plain');
    expect(await dl.text()).toBe('hello');
  });

  it('serves the control endpoints', async () => {
    await fetch(`${server.url}/__emulator/log`, { method: 'DELETE' });
    const inject = await fetch(`${server.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ inject: { status: 429, count: 1, retryAfterSeconds: 3 } }),
    });
    expect(inject.status).toBe(200);
    const limited = await fetch(`${server.url}/wiki/api/v2/spaces`, {
      headers: { 'x-emulator-principal': 'app' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const log = (await (await fetch(`${server.url}/__emulator/log?route=spaces.list`)).json()) as {
      count: number;
    };
    expect(log.count).toBe(1);
    const state = (await (await fetch(`${server.url}/__emulator/state`)).json()) as {
      counts: { pages: number };
    };
    expect(state.counts.pages).toBeGreaterThanOrEqual(2);
    const reset = await fetch(`${server.url}/__emulator/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'empty' }),
    });
    expect(((await reset.json()) as { counts: { users: number } }).counts.users).toBe(0);
    await fetch(`${server.url}/__emulator/reset`, { method: 'POST' });
    expect(emu.store.counts().users).toBe(4);
  });

  it('mounts inside another node:http server and leaves other paths to it', async () => {
    const mount = handleNodeRequest(emu);
    const host = http.createServer((req, res) => {
      void mount(req, res).then((handled) => {
        if (!handled) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('host page');
        }
      });
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    expect(await (await fetch(`${url}/somewhere`)).text()).toBe('host page');
    const spaces = await fetch(`${url}/wiki/api/v2/spaces?keys=CX`, {
      headers: { 'x-emulator-principal': 'user:acc-admin' },
    });
    expect(((await spaces.json()) as { results: unknown[] }).results).toHaveLength(1);
    host.closeAllConnections();
    await new Promise<void>((r) => host.close(() => r()));
  });
});
