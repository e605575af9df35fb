/**
 * The read-only first paint (issue 15, docs/PERFORMANCE.md "The whole map"): on a 300-card map
 * the first cards are drawn from `map/load`'s answer while the editor's language is still
 * loading (held here by delaying the `catalogues/` files), inside the window; the editor then
 * replaces them with no layout shift (the first card keeps its place, the frame's and the
 * page's CLS stay 0), without taking the focus, and editing works after the swap.
 * Screenshots: /tmp/e2e-first-paint-{preview,editor}.png.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapPage } from '../../../bench/lib/seed-map';
import { generateMap } from '../../support/generate-map';
import type { EditorEnv } from './support';
import {
  WAIT,
  contextAs,
  grid,
  macroFrame,
  openPage,
  startEnv,
  waitFor,
  waitSaved,
} from './support';

const MAP = generateMap({ cards: 300, seed: 20261123 });

/** Sums each document's layout shifts (the page's entries do not include the frame's). */
const CLS_PROBE = `(() => {
  window.__jmCls = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__jmCls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
})()`;

let env: EditorEnv;
let ctx: BrowserContext;
let page: Page;
let pageId: string;

beforeAll(async () => {
  env = await startEnv('first-paint');
  pageId = await createMapPage({
    emulator: env.host.emulator,
    title: 'First paint (e2e)',
    localId: 'first-paint',
    map: MAP,
    accountId: 'acc-editor',
  });
  ctx = await contextAs(env, 'acc-editor');
  await ctx.addInitScript(CLS_PROBE);
  page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
});

afterAll(async () => {
  await ctx?.close();
  await env?.close();
});

type Box = { text: string; top: number; left: number; width: number };

/** The first card drawn in DOM order (the first lane's first step), by selector. */
const firstCard = (frame: Frame, selector: string) =>
  frame.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const text = el.querySelector('.card-text')?.textContent ?? '';
    return { text, top: r.top, left: r.left, width: r.width };
  }, selector) as Promise<Box | null>;

describe('the read-only first paint of a 300-card map', () => {
  it('draws the first cards before the editor, then swaps in place; editing works after', async () => {
    // Hold the editor back: its language files wait until released.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await ctx.route('**/catalogues/**', async (route) => {
      await held;
      await route.continue();
    });
    await openPage(env, page, pageId);
    const frame = await macroFrame(page);
    const preview = await waitFor(
      'the first paint',
      () => firstCard(frame, '[data-first-paint-card]'),
      (b) => b !== null,
    );
    if (!preview) throw new Error('no first card');
    // Read-only and drawn before the editor: no grid for assistive technology yet.
    expect(await grid(frame).count()).toBe(0);
    expect(await frame.locator('[data-card-id]').count()).toBe(0);
    // Visible on screen: inside the frame's view and the frame's top + the card's top in the window.
    const frameTop = await page
      .locator('iframe.jm-forge-frame')
      .first()
      .evaluate((f) => f.getBoundingClientRect().top);
    expect(frameTop + preview.top).toBeLessThan(900);
    expect(preview.top).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/e2e-first-paint-preview.png' });

    // Something on the page has the focus while the editor loads; the swap must not take it.
    await page.locator('#jm-theme-toggle').focus();

    release();
    await grid(frame).waitFor(WAIT);
    await ctx.unroute('**/catalogues/**');
    const swapped = await firstCard(frame, '[data-card-id]');
    if (!swapped) throw new Error('no editor card');
    expect(swapped.text).toBe(preview.text);
    // Same place: the editor drew over the first paint without moving the card.
    expect(Math.abs(swapped.top - preview.top)).toBeLessThanOrEqual(2);
    expect(Math.abs(swapped.left - preview.left)).toBeLessThanOrEqual(2);
    expect(Math.abs(swapped.width - preview.width)).toBeLessThanOrEqual(2);
    expect(await frame.locator('[data-first-paint-card]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('jm-theme-toggle');

    // The panels above the grid mount after the editor's first frame: the grid stays put.
    await page.waitForTimeout(1_500);
    const settled = await firstCard(frame, '[data-card-id]');
    expect(Math.abs((settled?.top ?? -1) - preview.top)).toBeLessThanOrEqual(2);
    expect(await frame.evaluate('window.__jmCls')).toBeLessThanOrEqual(0.05);
    expect(await page.evaluate('window.__jmCls')).toBeLessThanOrEqual(0.05);
    await page.screenshot({ path: '/tmp/e2e-first-paint-editor.png' });

    // Editing works after the swap.
    const card = grid(frame).locator('[data-card-id]').first();
    await card.dblclick();
    const box = card.getByRole('textbox');
    await box.waitFor(WAIT);
    await box.fill('Edited after the first paint');
    await box.press('Enter');
    await waitSaved(frame);
    await expect
      .poll(() => card.locator('.card-text').textContent(), WAIT)
      .toBe('Edited after the first paint');
  });
});
