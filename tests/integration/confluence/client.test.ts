/**
 * The Confluence client against the emulator through the real @forge/api: pages, space
 * properties, attachments, CQL, and the typed errors built from status and error body.
 */
import { pageRef } from '../../../src/confluence/content-ref';
import { describe, expect, it } from 'vitest';
import { runAs } from '../../../dev/forge-runtime';
import { appClient, userClient } from '../../../src/confluence/client';
import {
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TitleTakenError,
  TooLargeError,
  errorFromResponse,
} from '../../../src/confluence/errors';
import { parseRetryAfter } from '../../../src/confluence/http';
import type { World } from '../resolvers/harness';
import { worldPerTest } from '../resolvers/world-per-test';

let world: World;
worldPerTest((w) => {
  world = w;
});

const asEditor = <T>(fn: () => Promise<T>): Promise<T> => runAs('acc-editor', fn);
const spaceId = (): string => world.emulator.store.spaceByKey('CX')?.id ?? '';

describe('pages', () => {
  it('creates a child page, finds it by title, and updates its body as version + 1', async () => {
    await asEditor(async () => {
      const client = userClient();
      const child = await client.createChildPage({
        spaceId: spaceId(),
        parentId: world.pageId,
        title: 'Session write-up',
        storage: '<p>v1</p>',
      });
      expect(child.parentId).toBe(world.pageId);
      const found = await client.findPageByTitle({ spaceId: spaceId(), title: 'Session write-up' });
      expect(found?.id).toBe(child.id);
      expect(await client.findPageByTitle({ spaceId: spaceId(), title: 'Nope' })).toBeNull();

      const current = await client.getPage({ type: 'page', id: child.id }, { body: true });
      expect(current.body?.storage?.value).toBe('<p>v1</p>');
      const updated = await client.updatePage({
        content: { type: 'page', id: child.id },
        title: 'Session write-up',
        storage: '<p>v2</p>',
        version: current.version?.number ?? 0,
      });
      expect(updated.version?.number).toBe((current.version?.number ?? 0) + 1);
      // The same base version again is a conflict.
      await expect(
        client.updatePage({
          content: { type: 'page', id: child.id },
          title: 'Session write-up',
          storage: '<p>v3</p>',
          version: current.version?.number ?? 0,
        }),
      ).rejects.toBeInstanceOf(ConflictError);
    });
  });

  it('a duplicate title is a TitleTakenError (an InvalidRequestError) on create and on rename', async () => {
    await asEditor(async () => {
      const client = userClient();
      await client.createChildPage({
        spaceId: spaceId(),
        parentId: world.pageId,
        title: 'Twice',
        storage: '',
      });
      const error = await client
        .createChildPage({
          spaceId: spaceId(),
          parentId: world.pageId,
          title: 'Twice',
          storage: '',
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TitleTakenError);
      expect(error).toBeInstanceOf(InvalidRequestError);
      const other = await client.createChildPage({
        spaceId: spaceId(),
        parentId: world.pageId,
        title: 'Once',
        storage: '',
      });
      const renamed = await client
        .updatePage({
          content: { type: 'page', id: other.id },
          title: 'Twice',
          storage: '',
          version: other.version?.number ?? 1,
        })
        .catch((e: unknown) => e);
      expect(renamed).toBeInstanceOf(TitleTakenError);
    });
  });

  it('reports whether the caller may edit the page', async () => {
    expect(await asEditor(() => userClient().getPageState(pageRef(world.pageId)))).toMatchObject({
      canEdit: true,
    });
    expect(
      await runAs('acc-viewer', () => userClient().getPageState(pageRef(world.pageId))),
    ).toMatchObject({
      canEdit: false,
    });
    await expect(
      runAs('acc-outsider', async () => {
        world.emulator.store.restrictPage({ pageId: world.pageId, view: ['acc-editor'] });
        return userClient().getPageState(pageRef(world.pageId));
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('properties', () => {
  it('pages through more than one list page of properties', async () => {
    for (let i = 0; i < 260; i++) {
      world.emulator.store.putProperty({ ownerId: world.pageId, key: `other_app_${i}`, value: i });
    }
    const all = await asEditor(() => userClient().listProperties(pageRef(world.pageId)));
    expect(all).toHaveLength(260);
    const state = await asEditor(() => userClient().getPageState(pageRef(world.pageId)));
    expect(state.properties).toHaveLength(260);
  });

  it('viewers cannot write properties (ForbiddenError)', async () => {
    await expect(
      runAs('acc-viewer', () =>
        userClient().createProperty({
          content: pageRef(world.pageId),
          key: 'cjm_x',
          value: 1,
          what: 'x',
        }),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a value over 32 KB is a TooLargeError', async () => {
    await expect(
      asEditor(() =>
        userClient().createProperty({
          content: pageRef(world.pageId),
          key: 'cjm_big',
          value: 'x'.repeat(40_000),
          what: 'x',
        }),
      ),
    ).rejects.toBeInstanceOf(TooLargeError);
  });
});

describe('space properties', () => {
  it('creates, reads and updates a space property (version + 1)', async () => {
    await runAs('acc-admin', async () => {
      const client = userClient();
      expect(await client.getSpaceProperty(spaceId(), 'cjm_routing')).toBeNull();
      const created = await client.putSpaceProperty({
        spaceId: spaceId(),
        key: 'cjm_routing',
        value: { rules: [] },
        current: null,
      });
      const updated = await client.putSpaceProperty({
        spaceId: spaceId(),
        key: 'cjm_routing',
        value: { rules: [1] },
        current: created,
      });
      expect(updated.version).toBe(created.version + 1);
      expect((await client.getSpaceProperty(spaceId(), 'cjm_routing'))?.value).toEqual({
        rules: [1],
      });
    });
  });
});

describe('attachments and search', () => {
  it('lists attachments and runs CQL', async () => {
    world.emulator.store.addAttachment({
      pageId: world.pageId,
      fileName: 'a.png',
      mediaType: 'image/png',
      bytes: new Uint8Array([1, 2, 3]),
    });
    await asEditor(async () => {
      const client = userClient();
      const attachments = await client.listAttachments(pageRef(world.pageId));
      expect(attachments.map((a) => a.title)).toEqual(['a.png']);
      const hits = await client.searchCql({ cql: 'space = "CX" and type = page', limit: 25 });
      expect(hits.results.some((r) => r.content?.id === world.pageId)).toBe(true);
    });
  });
});

describe('asApp', () => {
  it('requires a stated reason', () => {
    expect(() => appClient({ reason: '' })).toThrow(/reason/);
    expect(appClient({ reason: 'export without a user principal' })).toBeDefined();
  });
});

describe('errorFromResponse', () => {
  const cases: [number, unknown, unknown][] = [
    [409, { message: 'Version must be incremented' }, ConflictError],
    [
      400,
      { errors: [{ title: 'Version is stale', detail: 'current version does not match' }] },
      ConflictError,
    ],
    [400, { message: 'A property with key x already exists' }, InvalidRequestError],
    [413, {}, TooLargeError],
    [403, {}, ForbiddenError],
    [401, {}, ForbiddenError],
    [404, {}, NotFoundError],
    [429, {}, RateLimitedError],
    [502, 'Bad gateway', ServerError],
  ];
  it.each(cases)('HTTP %i → typed error', (status, body, type) => {
    const error = errorFromResponse({ status, body, what: 'the journey map' });
    expect(error).toBeInstanceOf(type as typeof ServerError);
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 5_000)).toBe(5);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});
