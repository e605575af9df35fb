/**
 * Future state end to end in Chromium: the real built UI, the real resolvers and the emulator
 * behind the local host. As Eddie Editor: create a future-state map of the worked example on a
 * child page, open it, remove a pain point and raise a step's sentiment, then open the
 * comparison and find the removed pain point and the stage's sentiment change; the current map
 * shows the link too. Screenshots: /tmp/e2e-future-{create,compare,compare-dark}.png.
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useEditorSuite } from '../editor/suite';
import { encodeMap, mapPropertyKey } from '../../../src/domain/codec';
import { createFromTemplate } from '../../../src/domain/templates';
import type { EditorEnv } from '../editor/support';
import {
  WAIT,
  axeViolations,
  cardByText,
  contextAs,
  createPage,
  grid,
  macroFrame,
  openEditor,
  openPage,
  waitFor,
  waitSaved,
} from '../editor/support';

const PAIN = 'Invitation emails land in spam, so half the team never joins';
const STEP = 'Invites her team';
const STAGE = 'Set up';

/** A page in CX holding the worked example as its one map. */
async function seedMapPage(env: EditorEnv, title: string, localId: string): Promise<string> {
  const id = await createPage(env, { title, localId });
  let n = 0;
  const map = createFromTemplate({
    template: 'worked-example',
    newId: () => `w${n++}`,
    today: '2026-11-23',
  });
  env.host.emulator.store.putProperty({
    pageId: id,
    key: mapPropertyKey(localId),
    value: encodeMap(map, { generation: 'g1' }).head,
    authorId: 'acc-editor',
  });
  await env.host.emulator.flush();
  return id;
}

const suite = useEditorSuite({
  name: 'future',
  page: (env) => seedMapPage(env, 'Checkout journey', 'cur-map'),
  as: 'acc-editor',
  timeout: 120_000,
});

function childPageId(): string | null {
  const child = [...suite.env.host.emulator.store.all('pages')].find(
    (p) => p.parentId === suite.pageId && p.status === 'current',
  );
  return child?.id ?? null;
}

function toolbar(frame: Frame) {
  return frame.getByRole('toolbar', { name: 'Map tools' });
}

describe('future-state maps', () => {
  it('creates a future-state map on a child page, edits it and compares', async () => {
    const { env, page } = suite;
    const current = await suite.openMap();
    const tools = toolbar(current);
    await tools.getByText('Create future-state map').click();
    await current.getByRole('radio', { name: 'On a new child page' }).check();
    await page.screenshot({ path: '/tmp/e2e-future-create.png' });
    await current.getByRole('button', { name: 'Create copy' }).click();
    // The current map now links to its future state.
    await tools.getByRole('link', { name: 'Future-state map' }).waitFor(WAIT);
    await tools.getByRole('button', { name: 'Compare with future state' }).waitFor(WAIT);
    const childId = await waitFor(
      'the child page',
      () => Promise.resolve(childPageId()),
      (id) => id !== null,
    );

    // Edit the future-state map: remove a pain point, raise a step's sentiment to +2.
    const future = await suite.openMap(childId ?? '');
    await cardByText(future, PAIN).focus();
    await page.keyboard.press('Delete');
    await waitFor(
      'the card to go',
      () => cardByText(future, PAIN).count(),
      (c) => c === 0,
    );
    const slider = grid(future).getByRole('slider', { name: `Sentiment at ${STEP}` });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => slider.getAttribute('aria-valuenow'), WAIT).toBe('2');
    await waitSaved(future);

    // The comparison, opened from the future-state map.
    const futureTools = toolbar(future);
    await futureTools.getByRole('link', { name: 'Current-state map' }).waitFor(WAIT);
    await futureTools.getByRole('button', { name: 'Compare with current state' }).click();
    const dialog = future.getByRole('dialog', { name: 'Current and future state' });
    await dialog.waitFor(WAIT);
    const removed = dialog.getByTestId('removed-pain-points');
    await removed.waitFor(WAIT);
    expect(await removed.textContent()).toContain(PAIN);
    expect(await dialog.getByTestId('added-pain-points').count()).toBe(0);
    const row = dialog.getByRole('row', { name: new RegExp(`^${STAGE}`) });
    // Set up: (−1 + 1 − 2) / 3 = −0.67 before, (−1 + 1 + 2) / 3 = 0.67 after.
    expect((await row.getByRole('cell').allTextContents()).slice(0, 3)).toEqual([
      '−0.67',
      '0.67',
      '+1.33 better',
    ]);
    expect(await dialog.getByTestId('comparison-summary').textContent()).toMatch(
      /^1 pain point removed · 0 added/,
    );
    // The opportunity linked to the removed pain point, if the template links one, is addressed.
    const a11y = await axeViolations(future);
    expect(a11y.serious).toEqual([]);
    await (await dialog.elementHandle())?.screenshot({ path: '/tmp/e2e-future-compare.png' });

    // Dark theme: the same view passes axe too.
    const dark = await contextAs(env, 'acc-editor', 'dark');
    const darkPage = await dark.newPage();
    const darkFrame = await openEditor(env, darkPage, childId ?? '');
    await toolbar(darkFrame).getByRole('button', { name: 'Compare with current state' }).click();
    const darkDialog = darkFrame.getByRole('dialog', { name: 'Current and future state' });
    await darkDialog.getByTestId('removed-pain-points').waitFor(WAIT);
    expect((await axeViolations(darkFrame)).serious).toEqual([]);
    await (
      await darkDialog.elementHandle()
    )?.screenshot({ path: '/tmp/e2e-future-compare-dark.png' });
    await dark.close();

    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expect
      .poll(() => future.evaluate(() => document.activeElement?.textContent ?? ''), WAIT)
      .toBe('Compare with current state');
  }, 240_000);

  it('creates a future-state map on the same page: a second macro below the first', async () => {
    const { env, page } = suite;
    const samePageId = await seedMapPage(suite.env, 'Renewal journey', 'renew-map');
    const current = await suite.openMap(samePageId);
    await toolbar(current).getByText('Create future-state map').click();
    await current.getByRole('radio', { name: 'On this page, below this map' }).check();
    await current.getByRole('button', { name: 'Create copy' }).click();
    await toolbar(current)
      .getByRole('link', { name: 'Future-state map (on this page)' })
      .waitFor(WAIT);
    // A reload shows both macros; the second is the copy, linked back.
    await openPage(env, page, samePageId);
    const second = await macroFrame(page, 1);
    await grid(second).waitFor(WAIT);
    await toolbar(second)
      .getByRole('link', { name: 'Current-state map (on this page)' })
      .waitFor(WAIT);
    // Its title (in the summary line above the grid) is the copy's.
    await expect
      .poll(() => second.locator('.map-summary-title').textContent(), WAIT)
      .toBe('Alana evaluates Confluence (future state)');
  }, 180_000);
});
