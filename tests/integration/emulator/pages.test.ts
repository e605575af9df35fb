import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator } from '../../../dev/emulator/index';
import { EDITOR, VIEWER, call, cxSpaceId } from './helpers';

type Page = {
  id: string;
  title: string;
  status: string;
  parentId: string | null;
  spaceId: string;
  version: { number: number };
  body: { storage?: { value: string; representation: string } };
};

describe('pages (v2)', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await createEmulator();
  });
  afterEach(() => emu.close());

  const create = (title: string, extra: Record<string, unknown> = {}) =>
    call<Page>(emu, 'POST', '/wiki/api/v2/pages', {
      as: EDITOR,
      body: {
        spaceId: cxSpaceId(emu),
        status: 'current',
        title,
        body: { representation: 'storage', value: '<p>hi</p>' },
        ...extra,
      },
    });

  it('creates under the homepage by default and returns the storage body', async () => {
    const res = await create('Session write-up');
    expect(res.status).toBe(200);
    expect(res.body.version.number).toBe(1);
    expect(res.body.parentId).toBe(emu.store.spaceByKey('CX')?.homepageId);
    const got = await call<Page>(
      emu,
      'GET',
      `/wiki/api/v2/pages/${res.body.id}?body-format=storage`,
    );
    expect(got.body.body.storage).toEqual({ representation: 'storage', value: '<p>hi</p>' });
    const noBody = await call<Page>(emu, 'GET', `/wiki/api/v2/pages/${res.body.id}`);
    expect(noBody.body.body.storage).toBeUndefined();
  });

  it('keeps titles unique within a space (400 with Confluence message), case-insensitively', async () => {
    await create('Write-up');
    const dup = await create('write-up');
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body)).toContain('A page with this title already exists');
  });

  it('refuses an update without the fields the v2 spec requires (id, status, title, body, version)', async () => {
    // PageUpdateRequest: required ["id", "status", "title", "body", "version"]. A real site
    // answers 400; the emulator kept the old body when `body` was left out (decision 0053).
    const { body: p } = await create('Doc');
    const full = {
      id: p.id,
      status: 'current',
      title: 'Doc',
      body: { representation: 'storage', value: '<p>2</p>' },
      version: { number: 2 },
    };
    const without = (field: keyof typeof full) => {
      const rest: Record<string, unknown> = { ...full };
      delete rest[field];
      return call(emu, 'PUT', `/wiki/api/v2/pages/${p.id}`, { as: EDITOR, body: rest });
    };
    for (const field of ['id', 'status', 'body'] as const) {
      expect((await without(field)).status, field).toBe(400);
    }
    const otherId = await call(emu, 'PUT', `/wiki/api/v2/pages/${p.id}`, {
      as: EDITOR,
      body: { ...full, id: '999999' },
    });
    expect(otherId.status).toBe(400);
    const got = await call<Page>(emu, 'GET', `/wiki/api/v2/pages/${p.id}?body-format=storage`);
    expect(got.body.version.number).toBe(1);
    expect(got.body.body.storage?.value).toBe('<p>hi</p>');
    expect(
      (await call(emu, 'PUT', `/wiki/api/v2/pages/${p.id}`, { as: EDITOR, body: full })).status,
    ).toBe(200);
  });

  it('requires version = current + 1 on update (409) and stores the new body', async () => {
    const { body: p } = await create('Doc');
    const put = (n: number, title = 'Doc') =>
      call<Page>(emu, 'PUT', `/wiki/api/v2/pages/${p.id}`, {
        as: EDITOR,
        body: {
          id: p.id,
          status: 'current',
          title,
          body: { representation: 'storage', value: `<p>${n}</p>` },
          version: { number: n },
        },
      });
    expect((await put(1)).status).toBe(409);
    expect((await put(3)).status).toBe(409);
    const ok = await put(2, 'Doc renamed');
    expect(ok.status).toBe(200);
    expect(ok.body.title).toBe('Doc renamed');
    const got = await call<Page>(emu, 'GET', `/wiki/api/v2/pages/${p.id}?body-format=storage`);
    expect(got.body.body.storage?.value).toBe('<p>2</p>');
    expect(got.body.version.number).toBe(2);
  });

  it('lists children and space pages with cursors, hides trashed pages', async () => {
    const { body: parent } = await create('Parent');
    const kids: string[] = [];
    for (let i = 0; i < 30; i += 1)
      kids.push((await create(`Child ${i}`, { parentId: parent.id })).body.id);
    const first = await call<{ results: { id: string }[]; _links: { next?: string } }>(
      emu,
      'GET',
      `/wiki/api/v2/pages/${parent.id}/children`,
    );
    expect(first.body.results).toHaveLength(25);
    const second = await call<{ results: { id: string }[]; _links: { next?: string } }>(
      emu,
      'GET',
      first.body._links.next ?? '',
    );
    expect([...first.body.results, ...second.body.results].map((r) => r.id)).toEqual(kids);
    expect(
      (await call(emu, 'DELETE', `/wiki/api/v2/pages/${kids[0]}`, { as: EDITOR })).status,
    ).toBe(204);
    expect((await call(emu, 'GET', `/wiki/api/v2/pages/${kids[0]}`)).status).toBe(404);
    const trashed = await call<Page>(emu, 'GET', `/wiki/api/v2/pages/${kids[0]}?status=trashed`);
    expect(trashed.body.status).toBe('trashed');
    const all = await call<{ results: { id: string }[] }>(
      emu,
      'GET',
      `/wiki/api/v2/pages/${parent.id}/children?limit=250`,
    );
    expect(all.body.results.map((r) => r.id)).not.toContain(kids[0]);
    const inSpace = await call<{ results: { id: string }[] }>(
      emu,
      'GET',
      `/wiki/api/v2/spaces/${cxSpaceId(emu)}/pages?limit=250`,
    );
    expect(inSpace.body.results).toHaveLength(1 + 1 + 29);
    // A trashed title is free again.
    expect((await create('Child 0')).status).toBe(200);
  });

  it('finds spaces by key and answers 404 for unknown ids', async () => {
    const res = await call<{ results: { id: string; key: string }[] }>(
      emu,
      'GET',
      '/wiki/api/v2/spaces?keys=CX',
    );
    expect(res.body.results).toEqual([expect.objectContaining({ key: 'CX', id: cxSpaceId(emu) })]);
    expect((await call(emu, 'GET', `/wiki/api/v2/spaces/${cxSpaceId(emu)}`)).status).toBe(200);
    expect((await call(emu, 'GET', '/wiki/api/v2/spaces/999999')).status).toBe(404);
    expect(
      (await call<{ results: unknown[] }>(emu, 'GET', '/wiki/api/v2/spaces?keys=NOPE')).body
        .results,
    ).toEqual([]);
  });

  it('lets viewers read but not create or update pages', async () => {
    const { body: p } = await create('Doc');
    expect((await call(emu, 'GET', `/wiki/api/v2/pages/${p.id}`, { as: VIEWER })).status).toBe(200);
    const denied = await call(emu, 'POST', '/wiki/api/v2/pages', {
      as: VIEWER,
      body: { spaceId: cxSpaceId(emu), status: 'current', title: 'Nope' },
    });
    expect(denied.status).toBe(403);
    const put = await call(emu, 'PUT', `/wiki/api/v2/pages/${p.id}`, {
      as: VIEWER,
      body: { id: p.id, status: 'current', title: 'Doc', version: { number: 2 } },
    });
    expect(put.status).toBe(403);
  });
});
