/**
 * A failed save says what happened and loses nothing, end to end: the emulator's fault
 * injection makes every write of the map's content properties fail (500); an edit made then is
 * kept, the status says so, it survives a reload, and once storage recovers it is saved and
 * everyone sees it. Screenshot /tmp/e2e-editor-failed-save.png.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { macroPage, useEditorSuite } from './suite';
import {
  WAIT,
  addCard,
  axeViolations,
  cardsIn,
  contextAs,
  grid,
  macroFrame,
  openEditor,
  saveStatus,
  shoot,
  startMap,
  waitSaved,
} from './support';

const S1 = 'Discovers a need or a problem';
const S2 = 'Finds a possible solution';

const suite = useEditorSuite({
  name: 'faults',
  page: macroPage('Journey with a flaky store (e2e)', 'flaky'),
});

/** A page in a new browser context of this person (closed after all tests). */
async function newPage(accountId: string): Promise<Page> {
  const ctx = await contextAs(suite.env, accountId);
  suite.contexts.push(ctx);
  return ctx.newPage();
}

/** What a reader who has no local state sees in the cell (reads storage only). */
async function storedCards(lane: string, step: string): Promise<string[]> {
  const page = await newPage('acc-admin');
  const frame = await openEditor(suite.env, page, suite.pageId);
  const cards = await cardsIn(frame, lane, step);
  await page.context().close();
  return cards;
}

function pendingKeys(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('cjm:pending:')),
  );
}

describe('failed saves', () => {
  it('keeps an edit made while saves fail, through a reload, and saves it after recovery', async () => {
    const page = await newPage('acc-editor');
    let frame = await startMap(suite.env, page, { pageId: suite.pageId });
    await addCard(frame, { lane: 'Actions', step: S1, text: 'Saved before the outage' });
    await waitSaved(frame);

    // Storage refuses every write of this page's properties from now on.
    const writes = `/wiki/api/v2/pages/${suite.pageId}/properties`;
    const faults = suite.env.host.emulator.faults;
    faults.inject({ status: 500, count: 10_000, match: { method: 'PUT', pathPrefix: writes } });
    faults.inject({ status: 500, count: 10_000, match: { method: 'POST', pathPrefix: writes } });
    try {
      await addCard(frame, { lane: 'Actions', step: S2, text: 'Written during the outage' });
      // The status says what happened and that the change is kept.
      await expect.poll(() => saveStatus(frame).textContent(), WAIT).toMatch(/\d+ changes? kept/);
      const status = (await saveStatus(frame).textContent()) ?? '';
      console.log(`status while saves fail: ${status}`);
      // One op: "+ Add card" sends the card with its text once typed (nothing empty is saved).
      expect(status).toMatch(/^Not saved yet — 1 change kept on this device, retrying: \S/);
      expect(await frame.getByRole('button', { name: /^Retry/ }).count()).toBe(1);
      await shoot(page, 'failed-save');
      const { serious, all } = await axeViolations(frame);
      console.log(`axe (light, failed save): ${all.length ? all.join('\n') : 'no violations'}`);
      expect(serious).toEqual([]);
      expect(await pendingKeys(frame)).toHaveLength(1);
      // Nothing of it reached storage.
      expect(await storedCards('Actions', S2)).toEqual([]);

      // A reload while storage still fails: the edit is still there, still kept.
      await page.reload();
      frame = await macroFrame(page);
      await grid(frame).waitFor(WAIT);
      expect(await cardsIn(frame, 'Actions', S2)).toEqual(['Action: Written during the outage']);
      await expect.poll(() => saveStatus(frame).textContent(), WAIT).toMatch(/\d+ changes? kept/);
    } finally {
      faults.clear();
    }

    // Storage is back: "Retry now" sends it, the status says saved, nothing is left pending.
    await frame.getByRole('button', { name: /^Retry/ }).click();
    await waitSaved(frame);
    expect(await pendingKeys(frame)).toEqual([]);
    expect(await cardsIn(frame, 'Actions', S1)).toEqual(['Action: Saved before the outage']);
    expect(await storedCards('Actions', S2)).toEqual(['Action: Written during the outage']);
  });

  it('retries on its own after a short outage, and shows "Saving…" while storage is slow', async () => {
    const page = await newPage('acc-editor');
    const frame = await openEditor(suite.env, page, suite.pageId);
    const faults = suite.env.host.emulator.faults;
    const writes = `/wiki/api/v2/pages/${suite.pageId}/properties`;
    try {
      faults.latency(1_500);
      await addCard(frame, { lane: 'Customer goals', step: S1, text: 'Slow but sure' });
      await expect.poll(() => saveStatus(frame).textContent(), WAIT).toBe('Saving…');
      await waitSaved(frame);
      faults.latency(0);
      faults.inject({ status: 500, count: 3, match: { method: 'PUT', pathPrefix: writes } });
      await addCard(frame, { lane: 'Customer goals', step: S2, text: 'After a hiccup' });
      await expect
        .poll(() => saveStatus(frame).textContent(), WAIT)
        .toMatch(/^Not saved yet — \d+ changes? kept on this device, retrying/);
      // No click: the engine backs off and sends again by itself.
      await waitSaved(frame);
    } finally {
      faults.clear();
    }
    expect(await pendingKeys(frame)).toEqual([]);
    expect(await storedCards('Customer goals', S2)).toEqual(['Goal: After a hiccup']);
  });
});
