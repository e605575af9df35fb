/**
 * `writeup/generate` in the person's language (decision 0035): the UI sends its locale, the
 * resolver reads the catalogues through the REAL `@forge/api` i18n from the `__LOCALES__` bundle
 * the local runtime provides (as the CLI bundles it), and the page is written in that language.
 * A locale the app has no catalogue for is refused at the door and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../resolvers/harness';
import { eachWorldWithMap, unwrap } from '../resolvers/harness';

const LOCAL_ID = 'macro-1';
let world: World;

eachWorldWithMap({ localId: LOCAL_ID }, (w) => (world = w));

const at = { localId: LOCAL_ID };

function writeUpPage(): { title: string; body: string } {
  const [page] = world.emulator.store
    .childrenOf(world.pageId)
    .filter((p) => p.status !== 'trashed');
  if (!page) throw new Error('no write-up page');
  return { title: page.title, body: page.body };
}

describe('write-up languages', () => {
  it('zh-CN: title, headings, vocabulary and chart text are Simplified Chinese', async () => {
    const res = unwrap(
      await world.call('writeup/generate', { pageId: world.pageId, ...at, locale: 'zh-CN' }),
    );
    expect(res.title).toContain('会议纪要');
    const { title, body } = writeUpPage();
    expect(title).toBe(res.title);
    for (const heading of [
      '摘要',
      '旅程地图',
      '情绪曲线',
      '按影响排序的痛点',
      '应当知情的团队',
      '下次评审',
    ]) {
      expect(body).toContain(`<h2>${heading}</h2>`);
    }
    expect(body).toContain('由 Journey Maps 根据以下页面上的地图生成');
    expect(body).toContain('影响分 = 严重程度');
    expect(body).not.toContain('<h2>Summary</h2>');
    // What people typed stays as they typed it (the worked example is in English).
    expect(body).toContain('Alana');
  });

  it('en-US and no locale give the same English page', async () => {
    const en = unwrap(
      await world.call('writeup/generate', {
        pageId: world.pageId,
        ...at,
        preview: true,
        locale: 'en-US',
      }),
    );
    const none = unwrap(
      await world.call('writeup/generate', { pageId: world.pageId, ...at, preview: true }),
    );
    expect(en.storage).toContain('<h2>Summary</h2>');
    expect(en.storage).toBe(none.storage);
    expect(en.title).toContain('session write-up');
  });

  it.each(['fr-FR', 'zh', 'zh-Hans', '<script>', 42])(
    'refuses locale %s with INVALID_INPUT and writes nothing',
    async (locale) => {
      world.resetLog();
      const res = await world.call('writeup/generate', { pageId: world.pageId, ...at, locale });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_INPUT');
        expect(res.error.field).toBe('locale');
      }
      expect(world.restCalls().filter((c) => c.method !== 'GET')).toEqual([]);
    },
  );

  it('errors the use case raises are in the person’s language', async () => {
    const res = await world.call(
      'writeup/generate',
      { pageId: world.pageId, ...at, locale: 'zh-CN' },
      'acc-viewer',
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain('你可以查看此客户旅程地图');
  });
});
