/**
 * Presence in fields other than cards (issue 16, decision 0054), three browsers on one map
 * through the local host's Forge Realtime: Avery typing in the persona's name, then in a step's
 * name, shows her initials in her colour on that field for Eddie (an editor) and Vera (a viewer),
 * named on hover and for screen readers; leaving the field (blur, Escape) or the map clears it.
 * Screenshots /tmp/e2e-editor-live-field-*.png.
 */
import type { Frame, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { macroPage, seedMapAs, useEditorSuite } from './suite';
import { WAIT, grid, shoot } from './support';

const S1 = 'Discovers a need or a problem';

const suite = useEditorSuite({
  name: 'live-fields',
  page: macroPage('Live fields (e2e)', 'live-fields-map'),
  seed: (s) => seedMapAs(s, 'acc-editor', () => Promise.resolve()),
});

const presence = (frame: Frame) => frame.getByRole('list', { name: /^Also here:/ });

/** The presence frame of the field whose input (or read-only text) has class `cls`. */
const fieldOf = (frame: Frame, cls: string): Locator =>
  frame.locator('.field-presence', { has: frame.locator(`.${cls}`) }).first();

/** Opens the folded scope bar (persona, scenario, …) above the grid. */
async function openScope(frame: Frame): Promise<void> {
  await frame.locator('.map-summary-toggle').click();
  await frame.locator('.scope-bar').waitFor(WAIT);
}

/** Who is marked on `field`: initials, the group's accessible name, each initial's hover title. */
async function marked(field: Locator) {
  if ((await field.locator('.presence-editor').count()) === 0) return null;
  const badge = field.locator('.presence-editor');
  return {
    initials: await badge.textContent(),
    label: await field.locator('.presence-editors').getAttribute('aria-label'),
    title: await badge.getAttribute('title'),
    outline: await field.evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`;
    }),
    badge: await badge.evaluate((el) => `2px solid ${getComputedStyle(el).backgroundColor}`),
  };
}

const AVERY = {
  initials: 'AA',
  label: 'Avery Admin editing',
  title: 'Avery Admin is editing this field',
};

describe('presence in fields', () => {
  it("shows who types in the persona's name and in a step's name, and clears when they leave", async () => {
    const eddie = await personOn('acc-editor');
    const avery = await personOn('acc-admin');
    const vera = await personOn('acc-viewer');
    // Everyone is in: Avery is listed for both who watch her.
    for (const { frame } of [eddie, vera]) {
      await expect.poll(() => presence(frame).textContent(), WAIT).toMatch(/Avery Admin/);
    }
    for (const p of [eddie, avery, vera]) await openScope(p.frame);

    // Avery types in the persona's name: Eddie and Vera see her on that field, nowhere else.
    const name = avery.frame.getByRole('textbox', { name: 'Persona name' });
    await name.click();
    await name.fill('Pat, typed by Avery');
    for (const { frame } of [eddie, vera]) {
      const field = fieldOf(frame, 'persona-name');
      await expect.poll(() => marked(field), WAIT).toMatchObject(AVERY);
      const m = await marked(field);
      expect(m?.outline).toBe(m?.badge);
      expect(await frame.locator('.is-edited-by-other').count()).toBe(1);
    }
    expect(await presence(eddie.frame).locator('li').first().getAttribute('title')).toBe(
      'Avery Admin (editing a field)',
    );
    await shoot(eddie.page, 'live-field-persona');
    await shoot(vera.page, 'live-field-persona-viewer');
    // She leaves the field (Tab to the next one): the mark goes from the persona's name, and
    // shows on the role she is now in.
    await avery.page.keyboard.press('Tab');
    await expect.poll(() => marked(fieldOf(eddie.frame, 'persona-name')), WAIT).toBeNull();
    await expect.poll(() => eddie.frame.locator('.is-edited-by-other').count(), WAIT).toBe(1);
    await avery.frame.locator('.map-summary-toggle').click();

    // Avery renames a step in its header: Eddie sees her initials on that step's name.
    const step = grid(avery.frame).getByRole('textbox', { name: 'Step name' }).first();
    expect(await step.inputValue()).toBe(S1);
    await step.click();
    await step.fill('Discovers, renamed by Avery');
    const hers = grid(eddie.frame).locator('.field-presence.is-edited-by-other');
    await expect.poll(() => marked(hers), WAIT).toMatchObject(AVERY);
    expect(await hers.locator('.step-name').inputValue()).toBe(S1);
    await shoot(eddie.page, 'live-field-step');
    // Escape: her rename is dropped and the mark clears.
    await avery.page.keyboard.press('Escape');
    await expect.poll(() => hers.count(), WAIT).toBe(0);

    // In a field again, then she leaves the map: cleared at once, not after the idle TTL.
    await step.click();
    await expect.poll(() => hers.count(), WAIT).toBe(1);
    await avery.page.goto('about:blank');
    await expect.poll(() => hers.count(), WAIT).toBe(0);
    await expect
      .poll(() => presence(eddie.frame).getAttribute('aria-label'), WAIT)
      .toBe('Also here: Vera Viewer');
  });
});

function personOn(accountId: string) {
  return suite.personOn(accountId);
}
