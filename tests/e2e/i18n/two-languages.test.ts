/**
 * Two languages end to end (decisions 0035, 0042): Lin Mei (acc-lin, zh-CN) sees the byline,
 * the ••• page actions, the macro, its focus mode, the play's agenda and the space index in
 * Simplified Chinese; switching the host user to an en-US user switches to English; a key
 * missing from the zh-CN catalogue falls back to English, key by key.
 * Screenshots: /tmp/e2e-i18n-{zh-page,zh-byline,zh-focus,zh-play,zh-index,en-page}.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TITLES, ZH_CN_USER } from '../../../dev/seed/demo';
import type { EditorEnv } from '../editor/support';
import {
  WAIT,
  contextAs,
  macroIframe,
  openPage,
  pageIdOf,
  readyFrame,
  startEnv,
} from '../editor/support';

let env: EditorEnv;

beforeAll(async () => {
  env = await startEnv('i18n');
}, 120_000);

afterAll(() => env?.close());

describe('Lin Mei works in Simplified Chinese', () => {
  it('byline, page actions, macro and focus mode speak zh-CN', async () => {
    const ctx = await contextAs(env, ZH_CN_USER);
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    const item = page.getByTestId('byline-item');
    await expect.poll(() => item.textContent(), WAIT).toMatch(/^客户旅程地图/);
    expect(await item.getAttribute('title')).toMatch(/个痛点/);
    await page.getByTestId('page-more-actions').click();
    const actions = await page.getByTestId('content-action').allTextContents();
    expect(actions).toEqual(['生成客户旅程地图纪要', '创建未来状态地图']);
    await page.keyboard.press('Escape');
    const macro = await readyFrame(
      page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
      'module',
    );
    await macro.locator('[data-card-id]').first().waitFor(WAIT);
    await macro.getByRole('button', { name: /专注/ }).first().waitFor(WAIT);
    await page.screenshot({ path: '/tmp/e2e-i18n-zh-page.png' });
    // The byline popup.
    await item.click();
    const popup = await readyFrame(
      page.locator('[data-testid=module-popup] iframe').first(),
      'module',
    );
    await popup.getByRole('button', { name: '在专注模式中打开' }).waitFor(WAIT);
    await page.screenshot({ path: '/tmp/e2e-i18n-zh-byline.png' });
    await page.getByTestId('page-title').click();
    // Focus mode from the macro.
    await macro.getByRole('button', { name: /专注/ }).first().click();
    const focus = await readyFrame(page.locator('.jm-modal iframe').first(), 'module');
    await focus.locator('main.macro.view-focus [data-card-id]').first().waitFor(WAIT);
    const text = (await focus.locator('main.macro').textContent()) ?? '';
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: '/tmp/e2e-i18n-zh-focus.png' });
    await ctx.close();
  });

  it('runs the play with the agenda in zh-CN', async () => {
    const ctx = await contextAs(env, ZH_CN_USER);
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    const macro = await readyFrame(
      page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
      'module',
    );
    await macro.getByRole('button', { name: /开始演练/ }).click();
    await expect
      .poll(() => macro.locator('#play-step-title').textContent(), WAIT)
      .toMatch(/[\u4e00-\u9fff]/);
    await macroIframe(page).screenshot({ path: '/tmp/e2e-i18n-zh-play.png' });
    await ctx.close();
  });

  it('shows the space index in zh-CN', async () => {
    const ctx = await contextAs(env, ZH_CN_USER);
    const page = await ctx.newPage();
    await page.goto(`${env.host.url}/wiki/spaces/CX/apps/journey-maps`);
    const index = await readyFrame(page.locator('iframe.jm-space-page-frame').first(), 'module');
    await index.getByRole('columnheader', { name: /负责团队/ }).waitFor(WAIT);
    await page.screenshot({ path: '/tmp/e2e-i18n-zh-index.png' });
    await ctx.close();
  });
});

describe('switching language', () => {
  it('an en-US user sees English on the same page', async () => {
    const ctx = await contextAs(env, ZH_CN_USER);
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    await expect.poll(() => page.getByTestId('byline-item').textContent(), WAIT).toMatch(/^客户/);
    // Switch the host user, as the top bar's switcher does.
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-editor', url: env.host.url }]);
    await page.reload();
    const item = page.getByTestId('byline-item');
    await expect.poll(() => item.textContent(), WAIT).toMatch(/^Journey map/);
    const macro = await readyFrame(
      page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
      'module',
    );
    await macro.getByRole('button', { name: /Focus/ }).first().waitFor(WAIT);
    await page.screenshot({ path: '/tmp/e2e-i18n-en-page.png' });
    await ctx.close();
  });

  it('a key missing from zh-CN reads English, the rest stays Chinese', async () => {
    const ctx = await contextAs(env, ZH_CN_USER);
    // The zh-CN catalogue the UI fetches (its build's, decision 0055), without the focus button's key.
    await ctx.route('**/catalogues/zh-CN.json', async (route) => {
      const res = await route.fetch();
      const cat = (await res.json()) as Record<string, string>;
      delete cat['editor.focus.open'];
      await route.fulfill({ response: res, body: JSON.stringify(cat) });
    });
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    const macro = await readyFrame(
      page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
      'module',
    );
    await macro.getByRole('button', { name: '⤢ Focus' }).first().waitFor(WAIT);
    expect((await macro.locator('main.macro').textContent()) ?? '').toMatch(/[\u4e00-\u9fff]/);
    await ctx.close();
  });
});
