/**
 * The whole map (issue 15) on a 1,000-card map (40 steps): scrolling reaches the last step with
 * no blank in view, the keyboard reaches it, Fit shows every step and lane, and focus mode opens
 * the map full-screen in a bridge Modal where editing, undo and Escape back work. Screenshots:
 * A minimap overviews the map and moves the view (click, keys) in the page and in focus mode.
 * /tmp/e2e-whole-map-{page,last-step,fit,minimap,focus}.png.
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapPage, useEditorSuite } from './suite';
import { generateMap } from '../../support/generate-map';
import { WAIT, axeViolations, grid, settle, waitSaved } from './support';

const MAP = generateMap({ cards: 1000, seed: 20261123 });
const LANES = MAP.lanes.filter((l) => !l.hidden).length;
const STEPS = MAP.steps.length;

const suite = useEditorSuite({
  name: 'whole-map',
  page: mapPage({ title: 'Whole map (e2e)', localId: 'whole-map', map: MAP }),
  as: 'acc-editor',
  viewport: { width: 1440, height: 900 },
});

/** Step headers and lane headers inside the scroller's visible box, and blanks in view. */
const inView = (frame: Frame) =>
  frame.evaluate(() => {
    const s = document.querySelector<HTMLElement>('.grid-scroller');
    if (!s) return { steps: [] as string[], lanes: [] as string[], blanks: -1 };
    const v = s.getBoundingClientRect();
    const overlaps = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        Math.min(r.right, v.right) - Math.max(r.left, v.left) > 1 &&
        Math.min(r.bottom, v.bottom) - Math.max(r.top, v.top) > 1
      );
    };
    return {
      steps: [...document.querySelectorAll<HTMLElement>('.step-header[data-pos]')]
        .filter(overlaps)
        .map((el) => el.dataset.pos ?? ''),
      lanes: [...document.querySelectorAll<HTMLElement>('tbody th[data-pos]')]
        .filter(overlaps)
        .map((el) => el.dataset.pos ?? ''),
      blanks: [...document.querySelectorAll('.grid-gap, .grid-spacer')].filter(overlaps).length,
    };
  });

const shootPage = (name: string) =>
  suite.page.screenshot({ path: `/tmp/e2e-whole-map-${name}.png` });

describe('the whole map at 1,000 cards', () => {
  it('scrolls to the last step with no blank in view, and the keyboard reaches it', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    // The grid is the first thing in view: its top is inside the window on load.
    const top = await page
      .locator('iframe.jm-forge-frame')
      .first()
      .evaluate((f) => f.getBoundingClientRect().top);
    const gridTop = await grid(frame).evaluate((g) => g.getBoundingClientRect().top);
    expect(top + gridTop).toBeLessThan(900);
    await shootPage('page');
    const reached = new Set<string>();
    const sweep = await frame.evaluate(async () => {
      const s = document.querySelector<HTMLElement>('.grid-scroller');
      if (!s) return { blanks: -1 };
      let blanks = 0;
      const v = s.getBoundingClientRect();
      for (let x = 0; x <= s.scrollWidth; x += 300) {
        s.scrollLeft = x;
        await new Promise((r) => requestAnimationFrame(r));
        for (const g of document.querySelectorAll('.grid-gap, .grid-spacer')) {
          const r = g.getBoundingClientRect();
          if (
            Math.min(r.right, v.right) - Math.max(r.left, v.left) > 1 &&
            Math.min(r.bottom, v.bottom) - Math.max(r.top, v.top) > 1
          )
            blanks++;
        }
      }
      return { blanks };
    });
    expect(sweep.blanks).toBe(0);
    const end = await inView(frame);
    for (const p of end.steps) reached.add(p);
    expect(reached.has(`1:${STEPS}`)).toBe(true);
    expect(end.blanks).toBe(0);
    await shootPage('last-step');

    // Keyboard: Control+Home, then End reaches the last step's header.
    await grid(frame).locator('[data-pos="0:0"]').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await expect
      .poll(() =>
        frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.pos ?? null),
      )
      .toBe(`1:${STEPS}`);
  });

  it('Fit shows every step and every lane, as compact tiles with the sentiment curve', async () => {
    const frame = await suite.openMap();
    await frame.getByRole('button', { name: 'Fit' }).click();
    await expect
      .poll(async () => {
        const v = await inView(frame);
        return `${v.steps.length}/${v.lanes.length}`;
      }, WAIT)
      .toBe(`${STEPS}/${LANES}`);
    expect(await grid(frame).getAttribute('class')).toContain('is-compact');
    expect(await frame.locator('.grid-scroller svg, .sentiment-cell svg').count()).toBeGreaterThan(
      0,
    );
    await shootPage('fit');
  });

  it('a minimap shows the whole map: a click and the keys move the view; hidden once it all fits', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    const minimap = frame.getByRole('slider', { name: 'Map overview' });
    await minimap.waitFor(WAIT);
    const where = () => minimap.getAttribute('aria-valuetext');
    await expect.poll(where).toMatch(new RegExp(`^Steps 1–\\d+ of ${STEPS} in view`));
    const scrollLeft = () =>
      frame.evaluate(() => document.querySelector('.grid-scroller')?.scrollLeft ?? -1);
    // A click at the overview's right end brings the last step into view.
    const box = await minimap.boundingBox();
    if (!box) throw new Error('no minimap box');
    await minimap.click({ position: { x: box.width - 2, y: box.height / 2 } });
    await expect
      .poll(async () => (await inView(frame)).steps.includes(`1:${STEPS}`), WAIT)
      .toBe(true);
    await expect.poll(where).toMatch(new RegExp(`–${STEPS} of ${STEPS} in view`));
    expect((await inView(frame)).blanks).toBe(0);
    expect((await axeViolations(frame)).serious).toEqual([]);
    await shootPage('minimap');
    // The keyboard: Home to the start, an arrow one step on.
    await minimap.focus();
    await page.keyboard.press('Home');
    await expect.poll(scrollLeft).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(scrollLeft).toBeGreaterThan(100);
    await expect.poll(where).toMatch(/^Steps 2–/);
    // Once Fit shows the whole map there is nothing to overview.
    await frame.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(() => frame.getByTestId('minimap').count(), WAIT).toBe(0);
  });

  it('opens focus mode full-screen where the page was, edits there, and Escape goes back', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    await frame.evaluate(() =>
      document.querySelector('.grid-scroller')?.scrollTo({ left: 2000, top: 0 }),
    );
    await settle(frame);
    await frame.getByRole('button', { name: /Focus/ }).click();
    const modal = page.locator('iframe.jm-modal-frame');
    await modal.waitFor(WAIT);
    // Full-screen: the modal's frame fills the viewport's width and most of its height.
    const box = await modal.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(1400);
    expect(box?.height).toBeGreaterThan(800);
    const handle = await modal.elementHandle();
    const focus = await handle?.contentFrame();
    if (!focus) throw new Error('no focus frame');
    await grid(focus).waitFor(WAIT);
    await expect
      .poll(() => focus.evaluate(() => document.querySelector('.grid-scroller')?.scrollLeft ?? 0))
      .toBeGreaterThan(1500);
    // The minimap is there too, saying where the view is.
    await expect
      .poll(
        () => focus.getByRole('slider', { name: 'Map overview' }).getAttribute('aria-valuetext'),
        WAIT,
      )
      .toMatch(new RegExp(`of ${STEPS} in view`));
    // Edit a card there, then undo and redo with the keyboard.
    // A card fully in view (the columns either side of the view are rendered too, off-screen).
    const id = await focus.evaluate(() => {
      const v = document.querySelector('.grid-scroller')?.getBoundingClientRect();
      const inside = [...document.querySelectorAll<HTMLElement>('[data-card-id]')].find((el) => {
        const r = el.getBoundingClientRect();
        return v && r.left > v.left + 200 && r.right < v.right && r.top > v.top + 120;
      });
      return inside?.dataset.cardId ?? '';
    });
    expect(id).not.toBe('');
    const card = focus.locator(`[data-card-id="${id}"]`);
    await card.locator('.card-text').dblclick();
    await card.locator('textarea').waitFor(WAIT);
    await page.keyboard.press('End');
    await page.keyboard.type(' (focus)');
    await page.keyboard.press('Enter');
    const label = () => focus.locator(`[data-card-id="${id}"]`).getAttribute('aria-label');
    await expect.poll(label).toContain('(focus)');
    await waitSaved(focus);
    await page.screenshot({ path: '/tmp/e2e-whole-map-focus.png' });
    // Escape climbs out one level at a time: card → its cell → focus mode closes.
    await focus.locator(`[data-card-id="${id}"]`).focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('iframe.jm-modal-frame').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('iframe.jm-modal-frame').count()).toBe(0);
    // Back on the page: the edit made in focus mode is there, at the same place.
    await expect
      .poll(() => frame.locator(`[data-card-id="${id}"]`).getAttribute('aria-label'), WAIT)
      .toContain('(focus)');
    // The shortcut opens it again.
    await grid(frame).locator('[data-pos="0:0"]').focus();
    await page.keyboard.press('Alt+Shift+KeyF');
    await page.locator('iframe.jm-modal-frame').waitFor(WAIT);
  });
});
