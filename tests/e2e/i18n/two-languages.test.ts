/**
 * Two languages end to end (decisions 0035, 0042): Lin Mei (acc-lin, zh-CN) sees the byline,
 * the ••• page actions, the macro, its focus mode, the play's agenda and the space index in
 * Simplified Chinese; switching the host user to an en-US user switches to English; a key
 * missing from the zh-CN catalogue falls back to English, key by key.
 * Lin also previews and generates the session write-up: the preview (summary, "Work in Jira for
 * these items" rows, the storage preview with its ranked pain points and sentiment chart) and the
 * generated page hold no English sentence of the catalogue.
 * Screenshots: /tmp/e2e-i18n-{zh-page,zh-byline,zh-focus,zh-play,zh-index,zh-preview,
 * zh-writeup,zh-import,en-page,en-preview}.png.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TITLES, ZH_CN_USER } from '../../../dev/seed/demo';
import { exportJson } from '../../../src/domain/exchange/json-exchange';
import { createEmptyMap } from '../../../src/domain/model/factories';
import { catalogue } from '../../support/i18n';
import type { EditorEnv } from '../editor/support';
import {
  WAIT,
  contextAs,
  macroIframe,
  openPage,
  pageIdOf,
  readyFrame,
  startEnv,
  storedMapOf,
} from '../editor/support';

let env: EditorEnv;

beforeAll(async () => {
  env = await startEnv('i18n');
}, 120_000);

afterAll(() => env?.close());

const HAN = /[\u4e00-\u9fff]/;
/** Section headings and tables' header rows of a write-up (row headers are the team's stages). */
const HEADERS = 'h2, tr:first-child > th';
/** The Alana map's own title, as its team wrote it (in the write-up's title). */
const MAP_TITLE = 'Alana evaluates Confluence';

/**
 * The English catalogue's sentences (two words or more, between placeholders), longest first:
 * none of them may show on a Chinese screen. Map content is the team's own text, never one of
 * these, so a hit is an app string that did not go through the catalogue.
 */
const ENGLISH_SENTENCES = [
  ...new Set(
    Object.values(catalogue('en-US'))
      .flatMap((v) => v.split(/\{[^}]*\}/))
      .map((part) => part.trim())
      .filter((part) => /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(part)),
  ),
].sort((a, b) => b.length - a.length);

/** Every text the team wrote on the Alana map (titles, lane names, cards, captions), longest first. */
function mapTexts(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && v.trim().length > 1) out.add(v.trim());
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(storedMapOf(env, pageIdOf(env, DEMO_TITLES.alana)));
  return [...out].sort((a, b) => b.length - a.length);
}

/** English sentences of the app found in `text`, once the team's own words are taken out. */
function englishLeaks(text: string): string[] {
  let rest = text;
  for (const own of mapTexts()) rest = rest.split(own).join(' ');
  return ENGLISH_SENTENCES.filter((sentence) => rest.includes(sentence));
}

/** The texts of `scope`'s elements matching `selector` (headings, headers, buttons). */
async function textsOf(scope: Locator, selector: string): Promise<string[]> {
  return (await scope.locator(selector).allTextContents()).map((x) => x.trim()).filter(Boolean);
}

/** Lin (zh-CN) on the Alana page in a new context (the caller closes it), and its macro. */
async function linsMacro(): Promise<{ ctx: BrowserContext; page: Page; macro: Frame }> {
  const ctx = await contextAs(env, ZH_CN_USER);
  const page = await ctx.newPage();
  await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
  const macro = await readyFrame(
    page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
    'module',
  );
  return { ctx, page, macro };
}

/** Lin's macro on the Alana page with the session panel open, in a frame tall enough for shots. */
async function sessionPanel(page: Page): Promise<Frame> {
  await page.setViewportSize({ width: 1440, height: 2400 });
  await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
  const macro = await readyFrame(
    page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
    'module',
  );
  await macro.locator('[data-card-id]').first().waitFor(WAIT);
  await macro.locator('button.session-toggle').click();
  return macro;
}

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
    const { ctx, page, macro } = await linsMacro();
    await macro.getByRole('button', { name: /开始演练/ }).click();
    await expect
      .poll(() => macro.locator('#play-step-title').textContent(), WAIT)
      .toMatch(/[\u4e00-\u9fff]/);
    await macroIframe(page).screenshot({ path: '/tmp/e2e-i18n-zh-play.png' });
    await ctx.close();
  });

  it('previews the import of a damaged file with its repairs in zh-CN (0050)', async () => {
    const { ctx, macro } = await linsMacro();
    await macro.locator('[data-card-id]').first().waitFor(WAIT);
    await macro
      .getByRole('toolbar', { name: '地图工具' })
      .getByRole('button', { name: '导入', exact: true })
      .click();
    const panel = macro.getByRole('region', { name: '导入地图' });
    await panel.waitFor(WAIT);
    // A file another page exported, then damaged: a control character, a step that is not one,
    // a card on a lane that does not exist, a link to another map (page-bound, not imported).
    const doc = JSON.parse(exportJson(createEmptyMap({ title: '导入\u0007测试' }))) as Record<
      string,
      unknown
    >;
    doc.steps = [5];
    doc.cards = [{ id: 'c1', laneId: 'gone', stepId: 'gone', kind: 'note', text: 'x' }];
    doc.linkedMap = { pageId: '7', localId: 'm' };
    const file = path.join(env.dataDir, 'damaged.json');
    writeFileSync(file, JSON.stringify(doc));
    await panel.locator('input[type=file]').setInputFiles(file);
    const notes = panel.locator('.import-notes li');
    await notes.first().waitFor(WAIT);
    const texts = await notes.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const text of texts) expect(text).toMatch(HAN);
    expect(texts).toContain('title: 已移除控制字符');
    expect(texts).toContain('steps[0]: 不是步骤，已移除');
    expect(englishLeaks((await panel.textContent()) ?? '')).toEqual([]);
    await panel.screenshot({ path: '/tmp/e2e-i18n-zh-import.png' });
    // A broken sheet is refused in Chinese too, the line kept as a number.
    await panel.getByRole('button', { name: '取消', exact: true }).click();
    writeFileSync(file.replace('.json', '.csv'), 'Stage,Step,Text\nA,B,ok\nA,B,too,many,values\n');
    await panel.locator('input[type=file]').setInputFiles(file.replace('.json', '.csv'));
    await expect
      .poll(() => panel.getByRole('alert').textContent(), WAIT)
      .toMatch(/第 3 行：有 5 个值，但标题行只有 3 列/);
    await ctx.close();
  });

  it('previews and generates the write-up in zh-CN, no English sentence of the app left', async () => {
    const ctx = await contextAs(env, ZH_CN_USER);
    const page = await ctx.newPage();
    const macro = await sessionPanel(page);
    await macro.getByRole('button', { name: '生成纪要' }).click();
    const preview = macro.getByTestId('write-up-preview');
    await preview.getByRole('heading', { name: /^预览：/ }).waitFor(WAIT);
    const rows = macro.getByRole('region', { name: '这些条目在 Jira 中的工作' });
    await rows.locator('tbody tr').first().waitFor(WAIT);
    const body = macro.getByRole('region', { name: '纪要预览内容' });
    await body.locator('h2').first().waitFor(WAIT);

    // The app's own words: headings, column headers, buttons, the summary's counts.
    const chrome = [
      ...(await textsOf(preview, 'header h3, header p, header li, h4')),
      ...(await textsOf(preview, 'button')),
      ...(await textsOf(rows, 'thead th')),
      // Header rows; the journey grid's lane headers are the team's lane names (beside 前台/后台).
      ...(await textsOf(body, HEADERS)).filter((h) => !/前台|后台/.test(h)),
    ];
    expect(chrome.length).toBeGreaterThan(20);
    for (const text of chrome) {
      // Only names stay Latin: Jira, and what the team wrote (the map's title, quoted cards).
      const own = text.replace(/“[^”]*”/g, '').replace(MAP_TITLE, '');
      const words = own.match(/[A-Za-z]{2,}/g) ?? [];
      expect(
        words.filter((w) => w !== 'Jira'),
        text,
      ).toEqual([]);
    }
    expect(await body.locator('h2').allTextContents()).toContain('按影响排序的痛点');
    expect(await rows.locator('thead th').allTextContents()).toContain('条目');
    // The sentiment chart is described in Chinese (its alt text).
    const chart = body.locator('.preview-image').first();
    expect((await chart.getAttribute('aria-label')) ?? '').toMatch(/情绪曲线/);
    expect(englishLeaks((await preview.textContent()) ?? '')).toEqual([]);
    // Short columns keep Chinese words whole: "已验证" on one line in its cell.
    const evidence = body.locator('td > p', { hasText: /^已验证$/ }).first();
    const box = await evidence.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(0);
    expect(box?.height ?? 0).toBeLessThan(30);
    await preview.screenshot({ path: '/tmp/e2e-i18n-zh-preview.png' });

    // Generate it, then read the page Confluence shows.
    await preview.getByRole('button', { name: '创建纪要' }).click();
    const done = macro.locator('.banner.is-success');
    await expect.poll(() => done.textContent(), WAIT).toMatch(/^纪要已创建/);
    const path = (await done.locator('a').getAttribute('href')) ?? '';
    await page.goto(`${env.host.url}${path}`);
    const pageBody = page.locator('.jm-body');
    await pageBody.locator('h2').first().waitFor(WAIT);
    const text = (await pageBody.textContent()) ?? '';
    expect(text).toMatch(/未分派 — 影响合计/);
    expect(text).toContain('卡片未设置团队，也没有匹配的分派规则');
    expect(englishLeaks(text)).toEqual([]);
    for (const h of await textsOf(pageBody, HEADERS)) {
      if (!/前台|后台/.test(h) && h !== '#') expect(h, h).toMatch(HAN);
    }
    await page.screenshot({ path: '/tmp/e2e-i18n-zh-writeup.png', fullPage: true });
    await ctx.close();
  }, 180_000);

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

  it('an en-US user previews the write-up in English', async () => {
    const ctx = await contextAs(env, 'acc-editor');
    const page = await ctx.newPage();
    const macro = await sessionPanel(page);
    await macro.getByRole('button', { name: 'Generate write-up' }).click();
    const preview = macro.getByTestId('write-up-preview');
    await preview.getByRole('heading', { name: /^Preview: / }).waitFor(WAIT);
    const rows = macro.getByRole('region', { name: 'Work in Jira for these items' });
    await rows.locator('tbody tr').first().waitFor(WAIT);
    const body = macro.getByRole('region', { name: 'Write-up preview content' });
    expect(await body.locator('h2').allTextContents()).toContain('Pain points ranked by impact');
    for (const h of await textsOf(body, 'h2, th')) expect(h, h).not.toMatch(HAN);
    await preview.screenshot({ path: '/tmp/e2e-i18n-en-preview.png' });
    await ctx.close();
  }, 120_000);

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
