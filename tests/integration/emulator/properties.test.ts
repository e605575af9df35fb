import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator } from '../../../dev/emulator/index';
import {
  ADMIN,
  APP,
  EDITOR,
  OUTSIDER,
  VIEWER,
  call,
  cxSpaceId,
  eachEmulatorWithPage,
} from './helpers';

type Prop = {
  id: string;
  key: string;
  value: unknown;
  version: { number: number; authorId: string };
};
type List = { results: Prop[]; _links: { next?: string; base: string } };

describe('page content properties', () => {
  let emu: Emulator;
  let pageId: string;
  eachEmulatorWithPage('Journey', (e, id) => {
    emu = e;
    pageId = id;
  });

  const base = () => `/wiki/api/v2/pages/${pageId}/properties`;

  it('creates at version 1 and reads it back by id', async () => {
    const created = await call<Prop>(emu, 'POST', base(), {
      as: EDITOR,
      body: { key: 'cjm_map_a', value: { n: 1 } },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      key: 'cjm_map_a',
      value: { n: 1 },
      version: { number: 1, authorId: 'acc-editor' },
    });
    const got = await call<Prop>(emu, 'GET', `${base()}/${created.body.id}`);
    expect(got.body.value).toEqual({ n: 1 });
  });

  it('rejects a duplicate key with 400 and invalid keys with 400', async () => {
    await call(emu, 'POST', base(), { body: { key: 'k', value: 1 } });
    const dup = await call<{ errors: { status: number; title: string }[] }>(emu, 'POST', base(), {
      body: { key: 'k', value: 2 },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]?.status).toBe(400);
    expect((await call(emu, 'POST', base(), { body: { key: '', value: 1 } })).status).toBe(400);
    expect(
      (await call(emu, 'POST', base(), { body: { key: 'x'.repeat(256), value: 1 } })).status,
    ).toBe(400);
    expect(
      (await call(emu, 'POST', base(), { body: { key: 'x'.repeat(255), value: 1 } })).status,
    ).toBe(200);
  });

  it('enforces 32 KB of JSON with 413, counting bytes not characters', async () => {
    const fits = 'a'.repeat(32 * 1024 - 2); // the quotes make it exactly 32,768 bytes
    expect((await call(emu, 'POST', base(), { body: { key: 'fits', value: fits } })).status).toBe(
      200,
    );
    const over = await call(emu, 'POST', base(), { body: { key: 'over', value: `${fits}a` } });
    expect(over.status).toBe(413);
    const multibyte = 'é'.repeat(17_000); // 17,000 chars but 34,000 bytes
    expect(
      (await call(emu, 'POST', base(), { body: { key: 'mb', value: multibyte } })).status,
    ).toBe(413);
  });

  it('requires version = current + 1 on PUT (409 otherwise) and refuses key changes', async () => {
    const { body: p } = await call<Prop>(emu, 'POST', base(), { body: { key: 'k', value: 1 } });
    const stale = await call(emu, 'PUT', `${base()}/${p.id}`, {
      body: { key: 'k', value: 2, version: { number: 1 } },
    });
    expect(stale.status).toBe(409);
    const skip = await call(emu, 'PUT', `${base()}/${p.id}`, {
      body: { key: 'k', value: 2, version: { number: 3 } },
    });
    expect(skip.status).toBe(409);
    const ok = await call<Prop>(emu, 'PUT', `${base()}/${p.id}`, {
      body: { key: 'k', value: 2, version: { number: 2, message: 'm' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version.number).toBe(2);
    const rename = await call(emu, 'PUT', `${base()}/${p.id}`, {
      body: { key: 'other', value: 3, version: { number: 3 } },
    });
    expect(rename.status).toBe(400);
    const big = await call(emu, 'PUT', `${base()}/${p.id}`, {
      body: { key: 'k', value: 'x'.repeat(40_000), version: { number: 3 } },
    });
    expect(big.status).toBe(413);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const { body: p } = await call<Prop>(emu, 'POST', base(), { body: { key: 'k', value: 0 } });
    const put = (v: number) =>
      call(emu, 'PUT', `${base()}/${p.id}`, {
        as: EDITOR,
        body: { key: 'k', value: v, version: { number: 2 } },
      });
    const statuses = (await Promise.all([put(1), put(2), put(3)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
  });

  it('deletes with 204 and then answers 404', async () => {
    const { body: p } = await call<Prop>(emu, 'POST', base(), { body: { key: 'k', value: 1 } });
    expect((await call(emu, 'DELETE', `${base()}/${p.id}`)).status).toBe(204);
    expect((await call(emu, 'GET', `${base()}/${p.id}`)).status).toBe(404);
  });

  it('pages by cursor in id order (default 25, max 250) with _links.next and a Link header', async () => {
    for (let i = 0; i < 60; i += 1)
      emu.store.putProperty({ ownerId: pageId, key: `k${i}`, value: i });
    const first = await call<List>(emu, 'GET', base());
    expect(first.body.results).toHaveLength(25);
    expect(first.body._links.next).toMatch(/^\/wiki\/api\/v2\/pages\/\d+\/properties\?.*cursor=/);
    expect(first.headers.get('link')).toContain('rel="next"');
    const seen: string[] = first.body.results.map((p) => p.key);
    let next = first.body._links.next;
    while (next) {
      const page = await call<List>(emu, 'GET', next);
      seen.push(...page.body.results.map((p) => p.key));
      next = page.body._links.next;
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `k${i}`));
    const big = await call<List>(emu, 'GET', `${base()}?limit=1000`);
    expect(big.body.results).toHaveLength(60);
    expect(big.body._links.next).toBeUndefined();
    const oneKey = await call<List>(emu, 'GET', `${base()}?key=k7`);
    expect(oneKey.body.results.map((p) => p.value)).toEqual([7]);
    expect((await call(emu, 'GET', `${base()}?limit=0`)).status).toBe(400);
  });

  it('lets viewers read but not write (403), hides restricted pages (404)', async () => {
    const { body: p } = await call<Prop>(emu, 'POST', base(), { body: { key: 'k', value: 1 } });
    expect((await call(emu, 'GET', base(), { as: VIEWER })).status).toBe(200);
    expect(
      (await call(emu, 'POST', base(), { as: VIEWER, body: { key: 'v', value: 1 } })).status,
    ).toBe(403);
    expect(
      (
        await call(emu, 'PUT', `${base()}/${p.id}`, {
          as: VIEWER,
          body: { key: 'k', value: 1, version: { number: 2 } },
        })
      ).status,
    ).toBe(403);
    emu.store.restrictPage({ pageId, view: ['acc-admin', 'acc-editor'] });
    expect((await call(emu, 'GET', base(), { as: OUTSIDER })).status).toBe(404);
    expect((await call(emu, 'GET', base(), { as: ADMIN })).status).toBe(200);
  });
});

describe('space properties', () => {
  it('share the property semantics and answer 201 on create', async () => {
    const emu = await createEmulator();
    const base = `/wiki/api/v2/spaces/${cxSpaceId(emu)}/properties`;
    const created = await call<Prop>(emu, 'POST', base, {
      body: { key: 'cjm_routing', value: { rules: [] } },
    });
    expect(created.status).toBe(201);
    expect(
      (await call(emu, 'POST', base, { body: { key: 'cjm_routing', value: {} } })).status,
    ).toBe(400);
    const put = `${base}/${created.body.id}`;
    expect(
      (
        await call(emu, 'PUT', put, {
          body: { key: 'cjm_routing', value: {}, version: { number: 1 } },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(emu, 'PUT', put, {
          body: { key: 'cjm_routing', value: { a: 1 }, version: { number: 2 } },
        })
      ).status,
    ).toBe(200);
    const list = await call<List>(emu, 'GET', `${base}?key=cjm_routing`);
    expect(list.body.results[0]?.value).toEqual({ a: 1 });
    expect(
      (await call(emu, 'POST', base, { as: VIEWER, body: { key: 'x', value: 1 } })).status,
    ).toBe(403);
    expect((await call(emu, 'DELETE', put)).status).toBe(204);
    await emu.close();
  });

  it('need the space Admin permission to write, for users and for the app (v2 spec)', async () => {
    const emu = await createEmulator();
    const spaceId = cxSpaceId(emu);
    const base = `/wiki/api/v2/spaces/${spaceId}/properties`;
    // Eddie edits pages in CX but is no space admin; the app is no space admin either.
    for (const as of [EDITOR, APP, VIEWER]) {
      const refused = await call(emu, 'POST', base, { as, body: { key: 'k', value: 1 } });
      expect(refused.status).toBe(403);
    }
    expect(emu.store.propertyByKey('space', spaceId, 'k')).toBeUndefined();
    const created = await call<Prop>(emu, 'POST', base, {
      as: ADMIN,
      body: { key: 'k', value: 1 },
    });
    expect(created.status).toBe(201);
    const one = `${base}/${created.body.id}`;
    for (const as of [EDITOR, APP]) {
      const put = await call(emu, 'PUT', one, {
        as,
        body: { key: 'k', value: 2, version: { number: 2 } },
      });
      expect(put.status).toBe(403);
      expect((await call(emu, 'DELETE', one, { as })).status).toBe(403);
      // Reading needs only the space's View permission.
      expect((await call(emu, 'GET', `${base}?key=k`, { as })).status).toBe(200);
    }
    expect(emu.store.propertyByKey('space', spaceId, 'k')?.value).toBe(1);
    await emu.close();
  });

  it('lists `administer space` only for space admins (v2 space operations)', async () => {
    const emu = await createEmulator();
    const path = `/wiki/api/v2/spaces/${cxSpaceId(emu)}/operations`;
    const ops = async (as: typeof ADMIN): Promise<string[]> =>
      (
        await call<{ operations: { operation: string; targetType: string }[] }>(emu, 'GET', path, {
          as,
        })
      ).body.operations.map((o) => `${o.operation} ${o.targetType}`);
    expect(await ops(ADMIN)).toContain('administer space');
    expect(await ops(EDITOR)).toContain('create page');
    expect(await ops(EDITOR)).not.toContain('administer space');
    expect(await ops(APP)).not.toContain('administer space');
    await emu.close();
  });
});
