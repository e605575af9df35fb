/**
 * Scribe mode end to end (issue #8): with the toolbar's Scribe toggle on and a cell focused,
 * three cards are typed with the keyboard only (type, Enter, Tab to the next lane), each
 * announced, and all three are found after a reload. Without scribe mode Tab leaves the grid.
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plainPage, useEditorSuite } from './suite';
import { cardsIn, cell, grid, waitSaved } from './support';

const S1 = 'Discovers a need or a problem';

const suite = useEditorSuite({
  name: 'scribe',
  page: plainPage('Scribe journey (e2e)'),
  as: 'acc-editor',
});

const announced = (frame: Frame) => frame.locator('[role="status"][aria-live]').allTextContents();

describe('scribe mode', () => {
  it('types three cards by keyboard only and finds them after a reload', async () => {
    const { page } = suite;
    let frame = await suite.startMap({ insert: true });

    // Without scribe mode, typing in a focused cell adds nothing and Tab leaves the grid.
    const actions = await cell(frame, 'Actions', S1);
    await actions.focus();
    await page.keyboard.type('x');
    expect(await grid(frame).locator('.scribe-draft').count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => !!document.activeElement?.closest('[role="grid"]'))).toBe(
      false,
    );

    // The toggle, by keyboard.
    const toggle = frame.getByRole('button', { name: /Scribe/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

    await actions.focus();
    await page.keyboard.type('Reads the reviews');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => announced(frame))
      .toEqual(expect.arrayContaining([expect.stringContaining('Action card added to Actions')]));
    // The cell stays ready: the next keys are the next card.
    await page.keyboard.type('Asks a friend');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => announced(frame))
      .toEqual(expect.arrayContaining([expect.stringContaining('Touchpoints,')]));
    await page.keyboard.type('Review site');
    await page.keyboard.press('Enter');
    // Escape discards a draft.
    await page.keyboard.type('Not this one');
    await page.keyboard.press('Escape');

    await expect
      .poll(() => cardsIn(frame, 'Actions', S1))
      .toEqual(['Action: Reads the reviews', 'Action: Asks a friend']);
    expect(await cardsIn(frame, 'Touchpoints', S1)).toEqual(['Touchpoint: Review site']);
    await waitSaved(frame);

    // Undo removes the last card alone: each card is one edit.
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardsIn(frame, 'Touchpoints', S1)).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => cardsIn(frame, 'Touchpoints', S1)).toEqual(['Touchpoint: Review site']);
    await waitSaved(frame);

    await page.reload();
    frame = await suite.openMap();
    expect(await cardsIn(frame, 'Actions', S1)).toEqual([
      'Action: Reads the reviews',
      'Action: Asks a friend',
    ]);
    expect(await cardsIn(frame, 'Touchpoints', S1)).toEqual(['Touchpoint: Review site']);
  });
});
