/**
 * The byline item and the ••• page actions end to end (decision 0032): chromium, the local host
 * drawing them as Confluence does, the real build, bridge, resolvers and emulator. The byline's
 * title comes from its `dynamicProperties` function as the viewer; its popup lists the map; the
 * write-up action calls the macro's use case; a page without a map says so.
 * "Open in focus mode" opens the map in the full-screen focus modal (decision 0034).
 * Screenshots: /tmp/e2e-page-modules-{byline,byline-focus,action-done,no-map}.png.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import type { EditorEnv } from '../editor/support';
import { WAIT, contextAs, openPage, pageIdOf, startEnv, waitFor } from '../editor/support';

let env: EditorEnv;

/** The frame inside a popup or modal the shell opened, once its bridge said hello. */
async function moduleFrame(page: Page, container: string): Promise<Frame> {
  const handle = page.locator(`${container} iframe`);
  await waitFor(
    'the module frame',
    () => handle.getAttribute('data-bridge-ready'),
    (v) => v === 'true',
  );
  const frame = await (await handle.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no module frame');
  return frame;
}

beforeAll(async () => {
  env = await startEnv('page-modules');
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('byline item and page actions in the host shell', () => {
  it('shows the map state in the byline and lists the map in its popup', async () => {
    const ctx = await contextAs(env, 'acc-viewer');
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    const item = page.getByTestId('byline-item');
    await expect
      .poll(() => item.textContent(), WAIT)
      .toMatch(/^Journey map · \d+ cause abandonment/);
    expect(await item.getAttribute('title')).toMatch(/pain points · current state/);
    await item.click();
    const frame = await moduleFrame(page, '[data-testid=module-popup]');
    await frame.getByTestId('byline-map').first().waitFor(WAIT);
    expect(await frame.getByTestId('byline-map').count()).toBe(1);
    expect(await frame.getByRole('button', { name: 'Open in focus mode' }).count()).toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/e2e-page-modules-byline.png' });
    // A click outside closes the popup, as in Confluence.
    await page.getByTestId('page-title').click();
    await expect.poll(() => page.getByTestId('module-popup').count(), WAIT).toBe(0);
    await ctx.close();
  });

  it('opens the map full-screen in focus mode from the byline popup', async () => {
    const ctx = await contextAs(env, 'acc-editor');
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    await page.getByTestId('byline-item').click();
    const popup = await moduleFrame(page, '[data-testid=module-popup]');
    await popup.getByRole('button', { name: 'Open in focus mode' }).click();
    // The focus modal: the whole viewport, the map loaded through the byline's context.
    const modal = await moduleFrame(page, '.jm-modal[data-fills=true]');
    await modal.locator('main.macro.view-focus [data-card-id]').first().waitFor(WAIT);
    const box = await page.locator('.jm-modal[data-fills=true]').boundingBox();
    expect(box?.width).toBeGreaterThan(1000);
    // The popup closed: nothing of it is drawn over the modal.
    await expect.poll(() => page.getByTestId('module-popup').count(), WAIT).toBe(0);
    await page.screenshot({ path: '/tmp/e2e-page-modules-byline-focus.png' });
    await ctx.close();
  });

  it('generates the write-up from the ••• menu, through the macro’s use case', async () => {
    const ctx = await contextAs(env, 'acc-editor');
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.alana));
    await page.getByTestId('page-more-actions').click();
    await page.getByRole('menuitem', { name: 'Generate journey-map write-up' }).click();
    const frame = await moduleFrame(page, '.jm-modal');
    await frame.getByTestId('page-action-run').click();
    const done = frame.getByTestId('page-action-done');
    await done.waitFor(WAIT);
    expect(await done.textContent()).toMatch(/Write-up page (created|updated)/);
    await page.screenshot({ path: '/tmp/e2e-page-modules-action-done.png' });
    const writeUps = [...env.host.emulator.store.all('pages')].filter((p) =>
      p.title.includes('session write-up'),
    );
    expect(writeUps.length).toBeGreaterThan(0);
    await ctx.close();
  });

  it('on a page without a map, the action says so', async () => {
    const ctx = await contextAs(env, 'acc-editor');
    const page = await ctx.newPage();
    await openPage(env, page, pageIdOf(env, DEMO_TITLES.home));
    expect(await page.getByTestId('byline-item').getAttribute('title')).toBe(
      'No journey map on this page yet',
    );
    await page.getByTestId('page-more-actions').click();
    await page.getByRole('menuitem', { name: 'Create future-state map' }).click();
    const frame = await moduleFrame(page, '.jm-modal');
    await frame.getByTestId('page-action-empty').waitFor(WAIT);
    expect(await frame.getByTestId('page-action-empty').textContent()).toMatch(/no journey map/);
    await page.screenshot({ path: '/tmp/e2e-page-modules-no-map.png' });
    await ctx.close();
  });
});
