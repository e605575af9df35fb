import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator, Principal } from '../../../dev/emulator/index';
import { ADMIN, ANON, APP, EDITOR, OUTSIDER, VIEWER, call } from './helpers';

type Op = { operation: string; targetType: string };
type Collection<T> = {
  results: T[];
  meta: { hasMore: boolean; cursor?: string };
  _links: { self: string };
};
type Prop = { id: string; key: string; value: unknown; version: { number: number } };
type PageWithIncludes = {
  id: string;
  version?: { number: number };
  properties?: Collection<Prop>;
  operations?: Collection<Op>;
  labels?: Collection<unknown>;
};

const READ: Op = { operation: 'read', targetType: 'page' };
const ALL: Op[] = [
  READ,
  { operation: 'update', targetType: 'page' },
  { operation: 'delete', targetType: 'page' },
];

describe('v2 page includes and permitted operations', () => {
  let emu: Emulator;
  let open: string;
  let crowded: string;
  let locked: string;
  let hidden: string;
  beforeAll(async () => {
    emu = await createEmulator();
    const page = (title: string) =>
      emu.store.createPage({ spaceKey: 'CX', title, authorId: 'acc-admin' }).id;
    open = page('Open');
    for (const key of ['b_second', 'a_first', 'c_third']) {
      emu.store.putProperty({ pageId: open, key, value: { key } });
    }
    crowded = page('Crowded');
    for (let i = 0; i < 60; i += 1) {
      emu.store.putProperty({ pageId: crowded, key: `k${i}`, value: i });
    }
    locked = page('Locked');
    emu.store.restrictPage({ pageId: locked, edit: ['acc-admin'] });
    hidden = page('Hidden');
    emu.store.restrictPage({ pageId: hidden, view: ['acc-admin'] });
  });
  afterAll(() => emu.close());

  const getPage = (id: string, query: string, as: Principal = EDITOR) =>
    call<PageWithIncludes>(emu, 'GET', `/wiki/api/v2/pages/${id}?${query}`, { as });

  it('includes every property with its value when they fit, in id order, in ONE logged request', async () => {
    emu.log.clear();
    const res = await getPage(
      open,
      'include-properties=true&include-operations=true&include-version=false',
    );
    expect(res.status).toBe(200);
    expect(res.body.version).toBeUndefined();
    const props = res.body.properties;
    expect(props?.results.map((p) => p.key)).toEqual(['b_second', 'a_first', 'c_third']);
    expect(props?.results[1]).toMatchObject({ value: { key: 'a_first' }, version: { number: 1 } });
    expect(props?.meta).toEqual({ hasMore: false });
    expect(props?._links.self).toBe(`/wiki/api/v2/pages/${open}/properties`);
    expect(res.body.operations?.results).toEqual(ALL);
    expect(emu.log.entries().map((e) => e.route)).toEqual(['pages.get']);
  });

  it('caps included properties at 50 with hasMore and a cursor the properties list resumes from', async () => {
    const res = await getPage(crowded, 'include-properties=true');
    const props = res.body.properties;
    expect(props?.results).toHaveLength(50);
    expect(props?.results.map((p) => p.value)).toEqual([...Array(50).keys()]);
    expect(props?.meta.hasMore).toBe(true);
    expect(props?.meta.cursor).toEqual(expect.any(String));
    const rest = await call<{ results: Prop[]; _links: { next?: string } }>(
      emu,
      'GET',
      `${props?._links.self ?? ''}?cursor=${encodeURIComponent(props?.meta.cursor ?? '')}&limit=250`,
      { as: EDITOR },
    );
    expect(rest.status).toBe(200);
    expect(rest.body.results.map((p) => p.value)).toEqual([...Array(10).keys()].map((i) => 50 + i));
    expect(rest.body._links.next).toBeUndefined();
  });

  it('leaves out what was not asked for', async () => {
    const res = await getPage(open, 'body-format=storage');
    expect(res.body).not.toHaveProperty('properties');
    expect(res.body).not.toHaveProperty('operations');
    expect(res.body).not.toHaveProperty('labels');
    expect(res.body.version?.number).toBe(1);
  });

  it('lists operations by the permission rules: space role, edit restriction, app', async () => {
    const ops = async (id: string, as: Principal) =>
      (await getPage(id, 'include-operations=true', as)).body.operations?.results;
    expect(await ops(open, EDITOR)).toEqual(ALL);
    expect(await ops(open, VIEWER)).toEqual([READ]);
    expect(await ops(locked, EDITOR)).toEqual([READ]);
    expect(await ops(locked, ADMIN)).toEqual(ALL);
    expect(await ops(open, APP)).toEqual(ALL);
    const included = (await getPage(open, 'include-operations=true', VIEWER)).body.operations;
    expect(included?.meta).toEqual({ hasMore: false });
    expect(included?._links.self).toBe(`/wiki/api/v2/pages/${open}/operations`);
  });

  it('GET /pages/{id}/operations answers {operations} and hides invisible pages (404)', async () => {
    emu.log.clear();
    const opsOf = (id: string, as: Principal) =>
      call<{ operations: Op[] }>(emu, 'GET', `/wiki/api/v2/pages/${id}/operations`, { as });
    expect((await opsOf(open, EDITOR)).body).toEqual({ operations: ALL });
    expect((await opsOf(locked, EDITOR)).body).toEqual({ operations: [READ] });
    expect((await opsOf(open, VIEWER)).body).toEqual({ operations: [READ] });
    expect((await opsOf(hidden, OUTSIDER)).status).toBe(404);
    expect((await opsOf(hidden, EDITOR)).status).toBe(404);
    expect((await opsOf(open, ANON)).status).toBe(401);
    expect(emu.log.count('pages.operations')).toBe(6);
    expect((await getPage(hidden, 'include-operations=true', OUTSIDER)).status).toBe(404);
  });

  it('includes labels as an empty collection (the emulator keeps none)', async () => {
    const res = await getPage(open, 'include-labels=true');
    expect(res.body.labels).toEqual({
      results: [],
      meta: { hasMore: false },
      _links: { self: `/wiki/api/v2/pages/${open}/labels` },
    });
  });

  it('refuses includes it cannot answer and non-boolean values (400)', async () => {
    expect((await getPage(open, 'include-versions=true')).status).toBe(400);
    expect((await getPage(open, 'include-properties=yes')).status).toBe(400);
    expect((await getPage(open, 'include-version=0')).status).toBe(400);
    expect((await getPage(open, 'include-versions=false')).status).toBe(200);
    expect((await getPage(open, 'include-properties=TRUE')).body.properties?.results).toHaveLength(
      3,
    );
  });
});
