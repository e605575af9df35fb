import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator } from '../../../dev/emulator/index';
import { APP_ACCOUNT_ID } from '../../../dev/emulator/permissions';
import { ADMIN, ANON, APP, EDITOR, OUTSIDER, VIEWER, call } from './helpers';

describe('identity and permissions', () => {
  let emu: Emulator;
  let restricted: string;
  let child: string;
  let locked: string;
  beforeAll(async () => {
    emu = await createEmulator();
    restricted = emu.store.createPage({
      spaceKey: 'CX',
      title: 'Restricted',
      authorId: 'acc-admin',
    }).id;
    emu.store.restrictPage({ pageId: restricted, view: ['acc-admin', 'acc-editor'] });
    child = emu.store.createPage({
      spaceKey: 'CX',
      title: 'Child of restricted',
      parentId: restricted,
      authorId: 'acc-admin',
    }).id;
    locked = emu.store.createPage({
      spaceKey: 'CX',
      title: 'Edit-locked',
      authorId: 'acc-admin',
    }).id;
    emu.store.restrictPage({ pageId: locked, edit: ['acc-admin'] });
    emu.store.createSpace({
      key: 'SECRET',
      name: 'Secret',
      authorId: 'acc-admin',
      viewers: ['acc-admin'],
    });
  });
  afterAll(() => emu.close());

  it('answers 401 to anonymous callers in the v2 and v1 error shapes', async () => {
    const v2 = await call<{ errors: { status: number; code: string }[] }>(
      emu,
      'GET',
      `/wiki/api/v2/pages/${locked}`,
      { as: ANON },
    );
    expect(v2.status).toBe(401);
    expect(v2.body.errors[0]).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    const v1 = await call<{ statusCode: number; data: { authorized: boolean }; message: string }>(
      emu,
      'GET',
      '/wiki/rest/api/search?cql=type%3Dpage',
      { as: ANON },
    );
    expect(v1.status).toBe(401);
    expect(v1.body).toMatchObject({ statusCode: 401, data: { authorized: false } });
  });

  it('hides a view-restricted page and its descendants from the outsider (404), not from admin/editor', async () => {
    for (const id of [restricted, child]) {
      expect((await call(emu, 'GET', `/wiki/api/v2/pages/${id}`, { as: OUTSIDER })).status).toBe(
        404,
      );
      expect((await call(emu, 'GET', `/wiki/api/v2/pages/${id}`, { as: VIEWER })).status).toBe(404);
      expect((await call(emu, 'GET', `/wiki/api/v2/pages/${id}`, { as: EDITOR })).status).toBe(200);
    }
  });

  it('answers 403 on writes to an edit-restricted page', async () => {
    expect((await call(emu, 'GET', `/wiki/api/v2/pages/${locked}`, { as: EDITOR })).status).toBe(
      200,
    );
    const post = await call(emu, 'POST', `/wiki/api/v2/pages/${locked}/properties`, {
      as: EDITOR,
      body: { key: 'k', value: 1 },
    });
    expect(post.status).toBe(403);
    expect(
      (
        await call(emu, 'POST', `/wiki/api/v2/pages/${locked}/properties`, {
          as: ADMIN,
          body: { key: 'k', value: 1 },
        })
      ).status,
    ).toBe(200);
  });

  it('lets the app principal into every space, but page restrictions bind it like a user', async () => {
    // As on a real site: the app user passes a restriction only when it is listed in it.
    expect((await call(emu, 'GET', `/wiki/api/v2/pages/${child}`, { as: APP })).status).toBe(404);
    expect(
      (
        await call(emu, 'POST', `/wiki/api/v2/pages/${locked}/properties`, {
          as: APP,
          body: { key: 'app', value: 1 },
        })
      ).status,
    ).toBe(403);
    emu.store.restrictPage({ pageId: locked, edit: ['acc-admin', APP_ACCOUNT_ID] });
    expect(
      (
        await call(emu, 'POST', `/wiki/api/v2/pages/${locked}/properties`, {
          as: APP,
          body: { key: 'app', value: 1 },
        })
      ).status,
    ).toBe(200);
    emu.store.restrictPage({ pageId: locked, edit: ['acc-admin'] });
    const open = emu.store.createPage({ spaceKey: 'CX', title: 'Open', authorId: 'acc-admin' });
    expect((await call(emu, 'GET', `/wiki/api/v2/pages/${open.id}`, { as: APP })).status).toBe(200);
    const spaces = await call<{ results: { key: string }[] }>(emu, 'GET', '/wiki/api/v2/spaces', {
      as: APP,
    });
    expect(spaces.body.results.map((s) => s.key).sort()).toEqual(['CX', 'SECRET']);
  });

  it('hides spaces a user cannot view', async () => {
    const spaces = await call<{ results: { key: string }[] }>(emu, 'GET', '/wiki/api/v2/spaces', {
      as: OUTSIDER,
    });
    expect(spaces.body.results.map((s) => s.key)).toEqual(['CX']);
  });

  it('serves users and the current user', async () => {
    const me = await call<{ accountId: string; displayName: string }>(
      emu,
      'GET',
      '/wiki/rest/api/user/current',
      { as: VIEWER },
    );
    expect(me.body).toMatchObject({ accountId: 'acc-viewer', displayName: 'Vera Viewer' });
    const u = await call<{ email: string }>(emu, 'GET', '/wiki/rest/api/user?accountId=acc-editor');
    expect(u.body.email).toBe('editor@example.com');
    expect((await call(emu, 'GET', '/wiki/rest/api/user?accountId=nobody')).status).toBe(404);
    const found = await call<{ results: { user: { accountId: string } }[] }>(
      emu,
      'GET',
      `/wiki/rest/api/search/user?cql=${encodeURIComponent('user.fullname ~ "edd"')}`,
    );
    expect(found.body.results.map((r) => r.user.accountId)).toEqual(['acc-editor']);
  });
});
