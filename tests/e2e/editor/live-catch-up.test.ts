/**
 * A viewer who misses a save (the host dropped the Realtime channels while someone saved)
 * catches up with the ops since its version (`map/opsSince`, decision 0040) when the channel is
 * back, without loading the whole map: counted in the host's invocation log. A big (chunked) map
 * (the head keeps an op log) and a small inline one (the head keeps a tail of its saves, decision
 * 0045), where a save caught up under someone typing names its author like a live one. Presence
 * avatars show the Confluence picture. Screenshots /tmp/e2e-editor-live-catch-up*.png.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapPage } from '../../../bench/lib/seed-map';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { generateMap } from '../../support/generate-map';
import type { EditorEnv } from './support';
import { WAIT, cardByText, grid, openAs, shoot, startEnv, typeInto, waitSaved } from './support';

const CARD = 'Catch-up card';
const EDITED = 'Caught up with the ops since';

let env: EditorEnv;
let pageId: string;
let smallPageId: string;
const SMALL = ['Small A', 'Small B', 'Small C'];
const contexts: BrowserContext[] = [];
const liveBadge = (frame: Frame) => frame.locator('.live-badge');

/** A page holding `map`, created by Eddie. */
function seed(title: string, localId: string, map: JourneyMap): Promise<string> {
  return createMapPage({
    emulator: env.host.emulator,
    title,
    localId,
    map,
    accountId: 'acc-editor',
  });
}

beforeAll(async () => {
  env = await startEnv('live-catch-up');
  const map = generateMap({ cards: 800, seed: 16 });
  const lane = map.lanes.find((l) => !l.hidden);
  const card = map.cards.find((c) => c.laneId === lane?.id && c.stepId === map.steps[0]?.id);
  if (!card) throw new Error('no card in the first cell');
  card.text = CARD;
  pageId = await seed('Big live map (e2e)', 'big-live-map', map);
  const small = generateMap({ cards: 24, seed: 17 });
  const cells = small.cards.filter((c) => c.laneId === lane?.id);
  SMALL.forEach((text, i) => {
    const c = cells[i];
    if (!c) throw new Error('not enough cards in the first lane');
    c.text = text;
  });
  smallPageId = await seed('Small live map (e2e)', 'small-live-map', small);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await env?.close();
});

describe('catching up after a missed save', () => {
  it('fetches the ops since its version when the channel is back, not the whole map', async () => {
    const eddie = await openAs({ env, accountId: 'acc-editor', pageId, contexts });
    const vera = await openAs({ env, accountId: 'acc-viewer', pageId, contexts });
    for (const p of [eddie, vera]) {
      await expect.poll(() => liveBadge(p.frame).textContent(), WAIT).toBe('Live');
    }
    // Vera's avatar is her Confluence picture (the emulator serves profilePicture), named.
    const avatar = eddie.frame.locator('.presence .avatar img').first();
    await avatar.waitFor(WAIT);
    await expect
      .poll(() => avatar.evaluate((el) => (el as HTMLImageElement).naturalWidth), WAIT)
      .toBe(48);
    expect(await eddie.frame.locator('.presence .avatar').first().getAttribute('title')).toBe(
      'Vera Viewer',
    );
    // Eddie types; the channels drop; he commits while Vera cannot hear it.
    await cardByText(eddie.frame, CARD).focus();
    await eddie.page.keyboard.press('Enter');
    const box = grid(eddie.frame).getByRole('textbox', { name: / text$/ });
    await box.waitFor(WAIT);
    await box.fill(EDITED);
    env.host.invocations.clear();
    env.host.realtime.dropAll(4_000);
    await eddie.page.keyboard.press('Enter');
    await expect.poll(() => liveBadge(vera.frame).textContent(), WAIT).toBe('Reconnecting…');
    await waitSaved(eddie.frame);
    expect(await cardByText(vera.frame, EDITED).count()).toBe(0);
    // Back: Vera's engine asks for the ops since her version and applies them.
    await expect.poll(() => liveBadge(vera.frame).textContent(), WAIT).toBe('Live');
    await cardByText(vera.frame, EDITED).waitFor(WAIT);
    await shoot(vera.page, 'live-catch-up');
    const keys = env.host.invocations.entries().map((e) => e.key);
    console.log(`invocations while away and back: ${JSON.stringify(keys)}`);
    expect(keys).toContain('map/opsSince');
    expect(keys).not.toContain('map/load');
    expect(keys).not.toContain('map/version');
  });
});

describe('catching up on a small (inline) map', () => {
  it('gets a few missed saves from the ops since, and names who changed the text being typed', async () => {
    const eddie = await openAs({ env, accountId: 'acc-editor', pageId: smallPageId, contexts });
    const avery = await openAs({ env, accountId: 'acc-admin', pageId: smallPageId, contexts });
    for (const p of [eddie, avery]) {
      await expect.poll(() => liveBadge(p.frame).textContent(), WAIT).toBe('Live');
    }
    await typeInto(avery.frame, 'Small B', 'Avery is typing this');
    await typeInto(eddie.frame, 'Small A', 'Small A by Eddie');
    env.host.invocations.clear();
    // Avery's channel is gone for all three of Eddie's saves.
    env.host.realtime.dropAll(8_000);
    await eddie.page.keyboard.press('Enter');
    await expect.poll(() => liveBadge(avery.frame).textContent(), WAIT).not.toBe('Live');
    await waitSaved(eddie.frame);
    for (const [from, to] of [
      ['Small B', 'Small B by Eddie'],
      ['Small C', 'Small C by Eddie'],
    ] as const) {
      await typeInto(eddie.frame, from, to);
      await eddie.page.keyboard.press('Enter');
      await waitSaved(eddie.frame);
    }
    expect(await cardByText(avery.frame, 'Small C by Eddie').count()).toBe(0);
    // Back: the three saves arrive by map/opsSince (no map/load).
    await expect.poll(() => liveBadge(avery.frame).textContent(), WAIT).toBe('Live');
    await cardByText(avery.frame, 'Small A by Eddie').waitFor(WAIT);
    await cardByText(avery.frame, 'Small C by Eddie').waitFor(WAIT);
    const panel = grid(avery.frame).locator('.card-conflict');
    await expect
      .poll(() => panel.textContent(), WAIT)
      .toMatch(/^Eddie Editor changed this while you were typing\.Theirs: Small B by Eddie/);
    await shoot(avery.page, 'live-catch-up-small');
    const keys = env.host.invocations.entries().map((e) => e.key);
    console.log(`invocations while away and back (small map): ${JSON.stringify(keys)}`);
    expect(keys).toContain('map/opsSince');
    expect(keys).not.toContain('map/load');
    // Her text is still hers to keep: "Take theirs" puts Eddie's in the box, nothing is sent.
    const box = grid(avery.frame).getByRole('textbox', { name: / text$/ });
    expect(await box.inputValue()).toBe('Avery is typing this');
    await avery.frame.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => box.inputValue(), WAIT).toBe('Small B by Eddie');
    // "Keep both": theirs, then hers, in the still open box; Enter saves that for everyone.
    await typeInto(eddie.frame, 'Small B by Eddie', 'Small B, Eddie again');
    await eddie.page.keyboard.press('Enter');
    await expect.poll(() => panel.textContent(), WAIT).toMatch(/Theirs: Small B, Eddie again/);
    await box.fill('Avery is typing this');
    await avery.frame.getByRole('button', { name: 'Keep both' }).click();
    await expect
      .poll(() => box.inputValue(), WAIT)
      .toBe('Small B, Eddie again\nAvery is typing this');
    // "Keep mine": the panel goes, her text stays in the box until she commits it.
    await typeInto(eddie.frame, 'Small B, Eddie again', 'Small B, Eddie thrice');
    await eddie.page.keyboard.press('Enter');
    await expect.poll(() => panel.textContent(), WAIT).toMatch(/Theirs: Small B, Eddie thrice/);
    await avery.frame.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => panel.count(), WAIT).toBe(0);
    expect(await box.inputValue()).toBe('Small B, Eddie again\nAvery is typing this');
    await avery.page.keyboard.press('Enter');
    await waitSaved(avery.frame);
    await expect
      .poll(() => grid(eddie.frame).locator('.card-text').allTextContents(), WAIT)
      .toContain('Small B, Eddie again\nAvery is typing this');
  });

  it('a card still empty when its editor closes is not saved, and never appears for others', async () => {
    const eddie = await openAs({ env, accountId: 'acc-editor', pageId: smallPageId, contexts });
    const avery = await openAs({ env, accountId: 'acc-admin', pageId: smallPageId, contexts });
    for (const p of [eddie, avery]) {
      await expect.poll(() => liveBadge(p.frame).textContent(), WAIT).toBe('Live');
    }
    const cards = (f: Frame) => grid(f).locator('[data-card-id]').count();
    const before = await cards(avery.frame);
    env.host.invocations.clear();
    const add = eddie.frame.getByRole('button', { name: /^Add card to / }).first();
    const box = grid(eddie.frame).getByRole('textbox', { name: /^New card in / });
    // Escape, then clicking away: both close the empty new card.
    await add.click();
    await box.waitFor(WAIT);
    await eddie.page.keyboard.press('Escape');
    await expect.poll(() => box.count(), WAIT).toBe(0);
    await add.click();
    await box.waitFor(WAIT);
    await eddie.frame.locator('body').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => box.count(), WAIT).toBe(0);
    await eddie.frame.waitForTimeout(1_000);
    expect(env.host.invocations.entries().map((e) => e.key)).not.toContain('map/apply');
    expect(await cards(eddie.frame)).toBe(before);
    expect(await cards(avery.frame)).toBe(before);
  });
});
