/**
 * The page-level modules (decision 0032) through the real handler, @forge/api and the emulator:
 * `page/maps` and the macro's own resolver keys called from a ••• page action or the byline
 * popup, whose address is held against the content in the context; and the byline's
 * `dynamicProperties` function as Forge calls it, as the viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeFunction } from '../../../dev/forge-runtime';
import { createBylineProperties } from '../../../src/resolvers/byline-properties';
import type { Fixture } from '../../reliability/support/world-fixture';
import { createFixture, storeFingerprint, writesIn } from '../../reliability/support/world-fixture';
import type { ResolverKey, ResultOf } from '../../../src/resolvers/contract';
import { testDeps, unwrap } from '../resolvers/harness';

let fx: Fixture;
let emptyPageId: string;

/** The context Confluence gives a page-level module on `pageId`. */
function moduleContext(
  pageId: string,
  type: 'confluence:contentAction' | 'confluence:contentBylineItem' = 'confluence:contentAction',
): Record<string, unknown> {
  const page = fx.world.emulator.store.get('pages', pageId);
  const space = page ? fx.world.emulator.store.get('spaces', page.spaceId) : undefined;
  return {
    localId: `module-${pageId}`,
    moduleKey:
      type === 'confluence:contentAction' ? 'journey-map-write-up-action' : 'journey-map-byline',
    extension: {
      type,
      content: { id: pageId, type: page?.type ?? 'page', subtype: null },
      space: { id: space?.id, key: space?.key },
    },
  };
}

/** Calls `key` as `accountId` from the ••• page action on `onPage` (the payload's page unless named). */
function fromAction<K extends ResolverKey>(args: {
  key: K;
  payload: { pageId: string } & Record<string, unknown>;
  accountId: string;
  onPage?: string;
}): Promise<ResultOf<K>> {
  const { key, payload, accountId, onPage = payload.pageId } = args;
  return fx.world.call(key, payload, accountId, moduleContext(onPage));
}

/** 'ok', or the refusal's error code. */
const outcome = (result: { ok: true } | { ok: false; error: { code: string } }): string =>
  result.ok ? 'ok' : result.error.code;

beforeAll(async () => {
  fx = await createFixture();
  emptyPageId = fx.world.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Notes without a map',
    authorId: 'acc-editor',
  }).id;
});

afterAll(async () => {
  await fx?.world.close();
});

describe('page/maps', () => {
  it('lists the maps of the page the module is on, with the macro ids requests use', async () => {
    const data = unwrap(
      await fromAction({
        key: 'page/maps',
        payload: { pageId: fx.open.pageId },
        accountId: 'acc-viewer',
      }),
    );
    expect(data.maps).toHaveLength(1);
    // The summary keeps the sanitised id; the macro's own id is what the resolvers take.
    expect(data.maps[0]?.localId).toBe('open_map');
    expect(data.maps[0]?.macroId).toBe('open-map');
    expect(data.pageTitle).toBe('Open checkout journey');
    expect(data.byline.title).toMatch(/^Journey map/);
    expect(data.byline.status).not.toBe('none');
  });

  it('writes the byline label in the locale the UI sends; refuses one it has no catalogue for', async () => {
    const ctx = moduleContext(fx.open.pageId);
    const zh = unwrap(
      await fx.world.call(
        'page/maps',
        { pageId: fx.open.pageId, locale: 'zh-CN' },
        'acc-viewer',
        ctx,
      ),
    );
    expect(zh.byline.title).toMatch(/^客户旅程地图/);
    const bad = await fx.world.call(
      'page/maps',
      { pageId: fx.open.pageId, locale: 'xx-XX' },
      'acc-viewer',
      ctx,
    );
    expect(outcome(bad)).toBe('INVALID_INPUT');
  });

  it('works when the context names the content without its type (documented for the byline only)', async () => {
    // The byline's extension context lists `content.type`; the content action's docs do not, so
    // the content's type is looked up (a page, else a blog post) as the user (decision 0053).
    const untyped = (pageId: string): Record<string, unknown> => {
      const ctx = moduleContext(pageId);
      const extension = ctx.extension as { content: Record<string, unknown> };
      return { ...ctx, extension: { ...extension, content: { id: pageId, subtype: null } } };
    };
    const onPage = unwrap(
      await fx.world.call(
        'page/maps',
        { pageId: fx.open.pageId },
        'acc-viewer',
        untyped(fx.open.pageId),
      ),
    );
    expect(onPage.maps).toHaveLength(1);
    const blogId = fx.world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'A blog post without a map',
      authorId: 'acc-editor',
      type: 'blogpost',
    }).id;
    const onBlog = unwrap(
      await fx.world.call('page/maps', { pageId: blogId }, 'acc-editor', untyped(blogId)),
    );
    expect(onBlog.maps).toEqual([]);
    const hidden = await fx.world.call(
      'page/maps',
      { pageId: fx.restricted.pageId },
      'acc-outsider',
      untyped(fx.restricted.pageId),
    );
    expect(outcome(hidden)).toBe('NOT_FOUND');
  });

  it('says a page without a map has none', async () => {
    const data = unwrap(
      await fromAction({
        key: 'page/maps',
        payload: { pageId: emptyPageId },
        accountId: 'acc-editor',
      }),
    );
    expect(data.maps).toEqual([]);
    expect(data.byline).toMatchObject({ status: 'none', title: 'Journey map' });
  });

  it('refuses another page than the one in the context', async () => {
    const result = await fromAction({
      key: 'page/maps',
      payload: { pageId: fx.restricted.pageId },
      accountId: 'acc-editor',
      onPage: fx.open.pageId,
    });
    expect(outcome(result)).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND to someone who cannot see the page, with nothing of it', async () => {
    const result = await fromAction({
      key: 'page/maps',
      payload: { pageId: fx.restricted.pageId },
      accountId: 'acc-outsider',
    });
    expect(outcome(result)).toBe('NOT_FOUND');
    expect(JSON.stringify(result)).not.toContain('Restricted pricing');
  });
});

describe('page actions call the macro’s use cases', () => {
  it('generates the write-up of the page’s map from the ••• menu', async () => {
    const data = unwrap(
      await fromAction({ key: 'writeup/generate', payload: fx.open, accountId: 'acc-editor' }),
    );
    expect(data.created).toBe(true);
    // The same record the macro's write-up makes: the page summary now links it.
    const maps = unwrap(
      await fromAction({
        key: 'page/maps',
        payload: { pageId: fx.open.pageId },
        accountId: 'acc-editor',
      }),
    );
    expect(maps.maps[0]?.writeUp?.pageId).toBe(data.pageId);
  });

  it('refuses a map address on another page, and writes nothing', async () => {
    const before = storeFingerprint(fx.world);
    fx.world.resetLog();
    const result = await fromAction({
      key: 'writeup/generate',
      payload: fx.restricted,
      accountId: 'acc-editor',
      onPage: fx.open.pageId,
    });
    expect(outcome(result)).toBe('FORBIDDEN');
    expect(writesIn(fx.world)).toEqual([]);
    expect(storeFingerprint(fx.world)).toEqual(before);
  });

  it('answers NOT_FOUND for a map id that is not on the page', async () => {
    const result = await fromAction({
      key: 'writeup/generate',
      payload: { pageId: fx.open.pageId, localId: 'no-such-map' },
      accountId: 'acc-editor',
    });
    expect(outcome(result)).toBe('NOT_FOUND');
  });

  it('refuses a viewer as the macro does', async () => {
    const result = await fromAction({
      key: 'writeup/generate',
      payload: fx.open,
      accountId: 'acc-viewer',
    });
    expect(outcome(result)).toBe('FORBIDDEN');
  });

  it('creates the future-state map from the ••• menu and links it', async () => {
    const data = unwrap(
      await fromAction({
        key: 'map/createFutureState',
        payload: { ...fx.open, placement: 'childPage' },
        accountId: 'acc-editor',
      }),
    );
    expect(data).toMatchObject({ created: true, linked: true });
    // A second call from the menu finds it instead of making another.
    const again = unwrap(
      await fromAction({
        key: 'map/createFutureState',
        payload: { ...fx.open, placement: 'childPage' },
        accountId: 'acc-editor',
      }),
    );
    expect(again).toMatchObject({ created: false, future: data.future });
  });

  it('on a page without a map, the action is refused as NOT_FOUND and nothing is written', async () => {
    fx.world.resetLog();
    const result = await fromAction({
      key: 'map/createFutureState',
      payload: { pageId: emptyPageId, localId: 'anything', placement: 'childPage' },
      accountId: 'acc-editor',
    });
    expect(outcome(result)).toBe('NOT_FOUND');
    expect(writesIn(fx.world)).toEqual([]);
  });
});

describe('byline dynamicProperties', () => {
  const byline = createBylineProperties(testDeps());
  const call = (pageId: string, accountId: string | null) =>
    invokeFunction({
      handler: byline,
      event: {
        cloudId: 'local',
        localId: 'b',
        extension: moduleContext(pageId, 'confluence:contentBylineItem').extension,
      },
      accountId,
    });

  it('titles the byline from the page summary, as the viewer', async () => {
    const props = await call(fx.restricted.pageId, 'acc-editor');
    expect(props.title).toMatch(/^Journey map( · |$)/);
    expect(props.tooltip).toMatch(/pain point/);
  });

  it('shows the static title to someone who cannot see the page (nothing of it leaks)', async () => {
    expect(await call(fx.restricted.pageId, 'acc-outsider')).toEqual({
      title: 'Journey map',
      tooltip: 'No journey map on this page yet',
      icon: 'resource:main;byline/map.svg',
    });
    expect(await call(fx.restricted.pageId, null)).toMatchObject({ title: 'Journey map' });
  });

  it('says so on a page without a map', async () => {
    expect((await call(emptyPageId, 'acc-editor')).tooltip).toBe('No journey map on this page yet');
  });

  it('costs two REST calls made together: the summary and the viewer’s locale', async () => {
    fx.world.resetLog();
    await call(fx.open.pageId, 'acc-editor');
    expect(fx.world.restCalls()).toHaveLength(2);
  });

  it('speaks the viewer’s Confluence language (user/current locale), English otherwise', async () => {
    const store = fx.world.emulator.store;
    const editor = store.get('users', 'acc-editor');
    if (!editor) throw new Error('fixture has no editor');
    store.addUser({ ...editor, locale: 'zh-CN' });
    try {
      const zh = await call(fx.open.pageId, 'acc-editor');
      expect(zh.title).toMatch(/^客户旅程地图/);
      expect(zh.tooltip).toMatch(/个痛点/);
      expect((await call(emptyPageId, 'acc-editor')).title).toBe('客户旅程地图');
      // A language the app has no catalogue for reads English.
      store.addUser({ ...editor, locale: 'de-DE' });
      expect((await call(fx.open.pageId, 'acc-editor')).title).toMatch(/^Journey map/);
    } finally {
      store.addUser(editor);
    }
  });

  it('answers an icon per state, as a bundled resource (no external permission needed)', async () => {
    const props = await call(fx.open.pageId, 'acc-editor');
    expect(props.icon).toMatch(/^resource:main;byline\/map(-due|-stale)?\.svg$/);
    expect((await call(emptyPageId, 'acc-editor')).icon).toBe('resource:main;byline/map.svg');
  });
});

describe('focus mode opened from the byline (decision 0034)', () => {
  /** The focus modal's context: the byline popup's, with the focus request in `modal`. */
  function focusModalContext(pageId: string, localId: string): Record<string, unknown> {
    const byline = moduleContext(pageId, 'confluence:contentBylineItem');
    const extension = byline.extension as Record<string, unknown>;
    return {
      ...byline,
      extension: { ...extension, modal: { journeyMapFocus: { pageId, localId } } },
    };
  }

  it.each([
    ['loads the page’s map in the modal', () => fx.open, 'map'],
    ['refuses a map of another page, reading nothing of it', () => fx.restricted, 'FORBIDDEN'],
    [
      'answers NOT_FOUND for a map id that is not on the page',
      () => ({ pageId: fx.open.pageId, localId: 'no-such-map' }),
      'NOT_FOUND',
    ],
  ])('%s', async (_name, address, expected) => {
    const { pageId, localId } = address();
    // The modal always opens on the open page; the request names the map it asks for.
    const result = await fx.world.call(
      'map/load',
      { pageId, localId },
      'acc-editor',
      focusModalContext(fx.open.pageId, localId),
    );
    expect(result.ok ? (result.data.map ? 'map' : 'no map') : result.error.code).toBe(expected);
  });
});
