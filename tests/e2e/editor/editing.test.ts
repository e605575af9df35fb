/**
 * The macro editor end to end in Chromium, on the host `npm start` runs (real build, real
 * bridge, real resolvers, emulator): insert a macro, pick a template, add a stage, a step, a
 * lane and cards of every kind, drag one card and move another by keyboard, set the sentiment,
 * undo / redo, reload and find everything; axe-core in light and dark theme; screenshots
 * /tmp/e2e-editor-edit-{light,dark}.png.
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plainPage, useEditorSuite } from './suite';
import {
  WAIT,
  addCard,
  axeViolations,
  cardByText,
  cardsIn,
  cell,
  grid,
  macroFrame,
  setTheme,
  shoot,
  waitSaved,
} from './support';

const S1 = 'Discovers a need or a problem';
const S2 = 'Finds a possible solution';
const S3 = 'Looks into the product as a solution to the problem';

const suite = useEditorSuite({
  name: 'edit',
  page: plainPage('Checkout journey (e2e)'),
  as: 'acc-editor',
});

const stageCount = (frame: Frame) =>
  grid(frame)
    .getByRole('columnheader', { name: /^Stage \d+:/ })
    .count();
const stepCount = (frame: Frame) =>
  grid(frame)
    .getByRole('columnheader', { name: /^Step .*, stage / })
    .count();

describe('macro editor', () => {
  it('inserts a macro, builds a map with mouse and keyboard, and finds it all after a reload', async () => {
    const { page } = suite;
    // Insert a macro and pick a template from its insert picker.
    let frame = await suite.startMap({ insert: true });
    expect(await stageCount(frame)).toBe(5);
    const steps = await stepCount(frame);

    // A stage (with its first step), then a step at the end of it, then a lane.
    await frame.getByRole('button', { name: 'Add stage', exact: true }).click();
    await expect.poll(() => stageCount(frame)).toBe(6);
    await frame.getByRole('button', { name: 'Add step', exact: true }).click();
    await expect.poll(() => stepCount(frame)).toBe(steps + 2);
    expect(
      await grid(frame).getByRole('columnheader', { name: 'Stage 6: New stage' }).count(),
    ).toBe(1);
    await frame.getByLabel('Type of lane to add').selectOption({ label: 'Notes' });
    await frame.getByRole('button', { name: 'Add lane', exact: true }).click();
    await grid(frame).getByRole('rowheader', { name: 'Notes lane, on-stage' }).waitFor(WAIT);

    // Cards of every kind: each lane's default kind, then question and decision by kind menu,
    // and a note in the back-stage lane.
    await addCard(frame, { lane: 'Actions', step: S1, text: 'Searches for a tool' });
    await addCard(frame, { lane: 'Actions', step: S1, text: 'Is there a free plan' });
    await addCard(frame, { lane: 'Actions', step: S1, text: 'Picks a vendor' });
    await addCard(frame, { lane: 'Touchpoints', step: S1, text: 'Search results page' });
    await addCard(frame, { lane: 'Customer goals', step: S1, text: 'Find it fast' });
    await addCard(frame, { lane: 'Thoughts', step: S1, text: 'Too many options' });
    await addCard(frame, { lane: 'Pain points', step: S1, text: 'Pricing is hidden' });
    await addCard(frame, { lane: 'Opportunities', step: S1, text: 'Show prices up front' });
    await addCard(frame, { lane: 'Back-stage processes', step: S1, text: 'Ads bidding' });
    await addCard(frame, { lane: 'Back-stage processes', step: S1, text: 'Budget owner' });
    await addCard(frame, { lane: 'Notes', step: S1, text: 'Ask sales' });
    await setKind(frame, 'Is there a free plan', 'Question', 'question');
    await setKind(frame, 'Picks a vendor', 'Decision', 'decision');
    await setKind(frame, 'Budget owner', 'Note', 'note');

    expect(await cardsIn(frame, 'Actions', S1)).toEqual([
      'Action: Searches for a tool',
      'Question: Is there a free plan',
      'Decision: Picks a vendor',
    ]);
    const kinds = await grid(frame)
      .getByRole('group')
      .evaluateAll((els) =>
        els.map((e) => (e.getAttribute('aria-label') ?? '').split(':')[0] ?? ''),
      );
    expect(new Set(kinds)).toEqual(
      new Set([
        'Action',
        'Question',
        'Decision',
        'Touchpoint',
        'Goal',
        'Thought',
        'Pain point',
        'Opportunity',
        'Process',
        'Note',
      ]),
    );

    // Drag one card (pointer, native drag and drop) to another step.
    const dragged = cardByText(frame, 'Search results page');
    await dragged.hover();
    await dragged.dragTo(await cell(frame, 'Touchpoints', S2));
    await expect
      .poll(() => cardsIn(frame, 'Touchpoints', S2))
      .toEqual(['Touchpoint: Search results page']);
    expect(await cardsIn(frame, 'Touchpoints', S1)).toEqual([]);

    // Move another by keyboard: Space picks up, arrows choose the cell, Space drops.
    await cardByText(frame, 'Too many options').focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => frame.locator('[role="status"][aria-live]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Picked up Thought')]));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => cardsIn(frame, 'Thoughts', S3)).toEqual(['Thought: Too many options']);
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Thought: Too many options/);

    // Sentiment by keyboard: Home = −2, then up to −1; and +2 on the next step with End.
    const s1 = grid(frame).getByRole('slider', { name: `Sentiment at ${S1}` });
    await s1.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => s1.getAttribute('aria-valuenow')).toBe('-1');
    const s2 = grid(frame).getByRole('slider', { name: `Sentiment at ${S2}` });
    await s2.focus();
    await page.keyboard.press('End');
    await expect.poll(() => s2.getAttribute('aria-valuetext')).toBe('Very positive (+2)');

    // Undo / redo the last edit.
    await frame.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => s2.getAttribute('aria-valuetext')).toBe('Not charted');
    await frame.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => s2.getAttribute('aria-valuenow')).toBe('2');

    await waitSaved(frame);

    // Reload: everything comes back from the page's content property.
    await page.reload();
    frame = await macroFrame(page);
    await grid(frame).waitFor(WAIT);
    expect(await stageCount(frame)).toBe(6);
    expect(await stepCount(frame)).toBe(steps + 2);
    expect(await grid(frame).getByRole('rowheader', { name: 'Notes lane, on-stage' }).count()).toBe(
      1,
    );
    expect(await cardsIn(frame, 'Actions', S1)).toEqual([
      'Action: Searches for a tool',
      'Question: Is there a free plan',
      'Decision: Picks a vendor',
    ]);
    expect(await cardsIn(frame, 'Touchpoints', S1)).toEqual([]);
    expect(await cardsIn(frame, 'Touchpoints', S2)).toEqual(['Touchpoint: Search results page']);
    expect(await cardsIn(frame, 'Thoughts', S3)).toEqual(['Thought: Too many options']);
    expect(await cardsIn(frame, 'Customer goals', S1)).toEqual(['Goal: Find it fast']);
    expect(await cardsIn(frame, 'Pain points', S1)).toEqual(['Pain point: Pricing is hidden']);
    expect(await cardsIn(frame, 'Opportunities', S1)).toEqual([
      'Opportunity: Show prices up front',
    ]);
    expect(await cardsIn(frame, 'Back-stage processes', S1)).toEqual([
      'Process: Ads bidding',
      'Note: Budget owner',
    ]);
    expect(await cardsIn(frame, 'Notes', S1)).toEqual(['Note: Ask sales']);
    expect(
      await grid(frame)
        .getByRole('slider', { name: `Sentiment at ${S1}` })
        .getAttribute('aria-valuenow'),
    ).toBe('-1');
    expect(
      await grid(frame)
        .getByRole('slider', { name: `Sentiment at ${S2}` })
        .getAttribute('aria-valuenow'),
    ).toBe('2');
  });

  it('passes axe (WCAG 2.1 A/AA) with no serious or critical violation, light and dark', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    // A card's details open too, so its form is checked as well.
    await cardByText(frame, 'Pricing is hidden')
      .getByRole('button', { name: 'Card details' })
      .click();
    await frame.getByRole('complementary').waitFor(WAIT);
    for (const mode of ['light', 'dark'] as const) {
      await setTheme(page, frame, mode);
      await shoot(page, `edit-${mode}`);
      const { serious, all } = await axeViolations(frame);
      console.log(`axe (${mode}, edit): ${all.length ? all.join('\n') : 'no violations'}`);
      expect(serious).toEqual([]);
    }
  });

  it('keeps focus visible (≥ 3:1 ring) and in reading order into the grid, light and dark', async () => {
    const { page } = suite;
    const frame = await suite.openMap();
    for (const mode of ['light', 'dark'] as const) {
      await setTheme(page, frame, mode);
      await frame.getByRole('button', { name: 'Add stage', exact: true }).focus();
      const order: string[] = ['button Add stage'];
      const step = async (key: string) => {
        await page.keyboard.press(key);
        const info = await frame.evaluate(focusInfo);
        expect(info.ring, `${mode}: focus ring on ${info.name}`).toBe(true);
        expect(info.contrast, `${mode}: ring contrast on ${info.name}`).toBeGreaterThanOrEqual(3);
        order.push(info.name);
      };
      for (let i = 0; i < 60 && !order.some((n) => n.startsWith('grid:')); i++) await step('Tab');
      // The grid is one tab stop (it remembers the last cell); arrows move inside it.
      expect(order.at(-1)).toMatch(/^grid:(th|td) /);
      await step('Control+Home');
      expect(order.at(-1)).toBe('grid:th Stage');
      await step('ArrowDown');
      await step('ArrowDown');
      expect(order.at(-1)).toMatch(/^grid:th Actions lane, on-stage/);
      // Enter renames the lane in place, Escape returns to its header.
      await step('Enter');
      expect(order.at(-1)).toMatch(/^grid:(input|textarea) Lane name/);
      await step('Escape');
      expect(order.at(-1)).toMatch(/^grid:th Actions lane, on-stage/);
      // Tab leaves the grid instead of walking through every header's field.
      await page.keyboard.press('Tab');
      expect(
        await frame.evaluate(() => Boolean(document.activeElement?.closest('[role="grid"]'))),
      ).toBe(false);
      console.log(`focus order (${mode}): ${order.join(' → ')}`);
      const at = (n: string) => order.findIndex((o) => o.includes(n));
      expect(at('Add stage')).toBeLessThan(at('Add step'));
      expect(at('Add step')).toBeLessThan(at('Add lane'));
      // The folded summary line (scope, back-story) comes after the tools.
      const summary = order.findIndex((o) => o.startsWith('button ▸'));
      expect(at('Add lane')).toBeLessThan(summary);
    }
  });
});

/** Runs in the frame: the focused element, whether it shows a ring, and the ring's contrast. */
function focusInfo(): { name: string; ring: boolean; contrast: number } {
  const el = document.activeElement as HTMLElement;
  const style = getComputedStyle(el);
  const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
  const name = `${el.closest('[role="grid"]') ? 'grid:' : ''}${el.tagName.toLowerCase()} ${label}`;
  // An outline of 2px or more, or (text fields) a focused border thickened by an inset shadow.
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow === 'none' ? null : style.boxShadow.match(/rgba?\([^)]*\)/)?.[0];
  const ringColor = outline ? style.outlineColor : (shadow ?? 'rgb(0, 0, 0, 0)');
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = (c: number[]) => {
    const [r = 0, g = 0, b = 0] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  // The ring is drawn outside the element: compare it with the first opaque background around.
  let bg = [255, 255, 255];
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
      bg = c.slice(0, 3);
      break;
    }
  }
  const a = lum(rgb(ringColor).slice(0, 3));
  const b = lum(bg);
  const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const ring = outline || Boolean(shadow);
  return { name, ring, contrast: ring ? contrast : 0 };
}

async function setKind(frame: Frame, text: string, kind: string, value: string): Promise<void> {
  await cardByText(frame, text).getByRole('button', { name: 'Card details' }).click();
  const panel = frame.getByRole('complementary');
  await panel.getByLabel('Kind').selectOption(value);
  await expect
    .poll(() => cardByText(frame, text).getAttribute('aria-label'))
    .toMatch(new RegExp(`^${kind}: `));
  await panel.getByRole('button', { name: 'Close details' }).click();
}
