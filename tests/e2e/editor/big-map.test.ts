/**
 * A big map (300 generated cards) is windowed: only the rows and columns in view are in the
 * DOM, while the ARIA grid still describes all of it (aria-rowcount / -colcount, row and column
 * indices), keyboard navigation reaches cells that were not rendered, a card being edited keeps
 * its draft when scrolled out of view, scrolling fills the view, and axe finds nothing serious.
 * Screenshot:
 * /tmp/e2e-editor-big-map.png (scrolled to the middle).
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapPage, useEditorSuite } from './suite';
import { generateMap } from '../../support/generate-map';
import { WAIT, axeViolations, grid, shoot, waitSaved } from './support';

const MAP = generateMap({ cards: 300, seed: 20261123 });
const LANES = MAP.lanes.filter((l) => !l.hidden).length;
const STEPS = MAP.steps.length;

const suite = useEditorSuite({
  name: 'big-map',
  page: mapPage({ title: 'Big map (e2e)', localId: 'big-map', map: MAP }),
  as: 'acc-editor',
});

const active = (frame: Frame) =>
  frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.pos ?? null);
const renderedCards = (frame: Frame) => frame.locator('[data-card-id]').count();
const scrollGrid = (frame: Frame, top: number, left: number) =>
  frame.evaluate(
    ([t, l]) => {
      const s = document.querySelector<HTMLElement>('.grid-scroller');
      if (s) s.scrollTo({ top: t ?? 0, left: l ?? 0 });
    },
    [top, left],
  );

describe('big map (windowed grid)', () => {
  it('renders the view only, keeps the ARIA grid whole, and navigates by keyboard', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    const g = grid(frame);
    expect(await g.getAttribute('aria-rowcount')).toBe(String(2 + LANES));
    expect(await g.getAttribute('aria-colcount')).toBe(String(1 + STEPS));
    const first = await renderedCards(frame);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(MAP.cards.length);
    // Every rendered row and cell says where it is in the whole grid.
    const missing = await g.evaluate(
      (el) =>
        [...el.querySelectorAll('[role="row"]')].filter((r) => !r.hasAttribute('aria-rowindex'))
          .length +
        [
          ...el.querySelectorAll('[role="gridcell"], [role="rowheader"], [role="columnheader"]'),
        ].filter((c) => !c.hasAttribute('aria-colindex')).length,
    );
    expect(missing).toBe(0);
    // Spacers are hidden from assistive technology; the windowed grid stays a valid ARIA grid.
    const { serious, all } = await axeViolations(frame);
    console.log(`axe (big map): ${all.length ? all.join('\n') : 'no violations'}`);
    expect(serious).toEqual([]);

    // Keyboard: from the first cell to the end of the row, then to the last row.
    await g.locator('[data-pos="2:1"]').focus();
    await page.keyboard.press('End');
    await expect.poll(() => active(frame)).toBe(`2:${STEPS}`);
    await page.keyboard.press('Control+End');
    await expect.poll(() => active(frame)).toBe(`${1 + LANES}:${STEPS}`);
    await page.keyboard.press('Control+Home');
    await expect.poll(() => active(frame)).toBe('0:0');
    for (let i = 0; i < LANES + 1; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => active(frame)).toBe(`${1 + LANES}:0`);
  });

  it('keeps a draft while its card scrolls out of view, and fills the view on scroll', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    await scrollGrid(frame, 0, 0);
    const card = frame.locator('[data-card-id]').first();
    const id = await card.getAttribute('data-card-id');
    await card.locator('.card-text').dblclick();
    const box = card.locator('textarea');
    await box.waitFor(WAIT);
    await page.keyboard.press('End');
    await page.keyboard.type(' (kept)');
    // Far away: the edited card's cell stays rendered, so the draft and the focus survive.
    await scrollGrid(frame, 100_000, 100_000);
    await frame.waitForTimeout(300);
    expect(await box.count()).toBe(1);
    await page.keyboard.type(' twice');
    // The view is filled: no spacer in the scroller's visible box.
    const blanks = await frame.evaluate(() => {
      const view = document.querySelector('.grid-scroller')?.getBoundingClientRect();
      if (!view) return -1;
      return [...document.querySelectorAll('.grid-gap, .grid-spacer')].filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          Math.min(r.right, view.right) - Math.max(r.left, view.left) > 1 &&
          Math.min(r.bottom, view.bottom) - Math.max(r.top, view.top) > 1
        );
      }).length;
    });
    expect(blanks).toBe(0);
    await scrollGrid(frame, 260, 500);
    await frame.waitForTimeout(300);
    await shoot(page, 'big-map');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => frame.locator(`[data-card-id="${id}"]`).getAttribute('aria-label'))
      .toContain('(kept) twice');
    await waitSaved(frame);
  });
});
