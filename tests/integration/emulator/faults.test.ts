import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator } from '../../../dev/emulator/index';
import { call } from './helpers';

describe('fault injection and the request log', () => {
  let emu: Emulator;
  let props: string;
  beforeEach(async () => {
    emu = await createEmulator();
    props = `/wiki/api/v2/pages/${emu.store.createPage({ spaceKey: 'CX', title: 'P', authorId: 'acc-admin' }).id}/properties`;
  });
  afterEach(() => emu.close());

  it('answers 429 with Retry-After for the next N matching requests, then recovers', async () => {
    emu.faults.inject({
      status: 429,
      count: 2,
      retryAfterSeconds: 7,
      match: { method: 'GET', pathPrefix: '/wiki/api/v2/pages' },
    });
    const other = await call(emu, 'GET', '/wiki/api/v2/spaces');
    expect(other.status).toBe(200);
    const a = await call<{ errors: { status: number }[] }>(emu, 'GET', props);
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(a.body.errors[0]?.status).toBe(429);
    expect((await call(emu, 'POST', props, { body: { key: 'k', value: 1 } })).status).toBe(200);
    expect((await call(emu, 'GET', props)).status).toBe(429);
    expect((await call(emu, 'GET', props)).status).toBe(200);
  });

  it('injects 500s and does not apply the write', async () => {
    emu.faults.inject({ status: 500, count: 1 });
    expect((await call(emu, 'POST', props, { body: { key: 'k', value: 1 } })).status).toBe(500);
    const list = await call<{ results: unknown[] }>(emu, 'GET', props);
    expect(list.body.results).toEqual([]);
  });

  it('adds latency until cleared', async () => {
    emu.faults.latency(120);
    const t0 = Date.now();
    await call(emu, 'GET', props);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    emu.faults.clear();
    const t1 = Date.now();
    await call(emu, 'GET', props);
    expect(Date.now() - t1).toBeLessThan(100);
  });

  it('logs method, path, route name, status and principal', async () => {
    emu.log.clear();
    await call(emu, 'POST', props, { body: { key: 'k', value: 1 } });
    await call(emu, 'GET', props);
    await call(emu, 'GET', props, { as: { kind: 'app' } });
    await call(emu, 'GET', '/wiki/api/v2/nope');
    expect(emu.log.count()).toBe(4);
    expect(emu.log.count('properties.list')).toBe(2);
    expect(emu.log.count('properties.create')).toBe(1);
    expect(emu.log.entries()[2]).toMatchObject({
      method: 'GET',
      path: props,
      route: 'properties.list',
      status: 200,
      principal: 'app',
    });
    expect(emu.log.entries()[3]).toMatchObject({ route: 'unknown', status: 404 });
    emu.log.clear();
    expect(emu.log.count()).toBe(0);
  });
});
