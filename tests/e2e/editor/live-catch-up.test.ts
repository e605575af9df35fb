/**
 * A viewer who misses a save (the host dropped the Realtime channels while someone saved)
 * catches up with the ops since its version (`map/opsSince`, decision 0040) when the channel is
 * back, without loading the whole map: counted in the host's invocation log. A big (chunked) map,
 * so the head keeps an op log. Presence avatars show the Confluence picture. Screenshot /tmp/e2e-editor-live-catch-up.png.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapPage } from '../../../bench/lib/seed-map';
import { generateMap } from '../../support/generate-map';
import type { EditorEnv } from './support';
import { WAIT, cardByText, grid, openAs, shoot, startEnv, waitSaved } from './support';

const CARD = 'Catch-up card';
const EDITED = 'Caught up with the ops since';

let env: EditorEnv;
let pageId: string;
const contexts: BrowserContext[] = [];
const liveBadge = (frame: Frame) => frame.locator('.live-badge');

beforeAll(async () => {
  env = await startEnv('live-catch-up');
  const map = generateMap({ cards: 800, seed: 16 });
  const lane = map.lanes.find((l) => !l.hidden);
  const card = map.cards.find((c) => c.laneId === lane?.id && c.stepId === map.steps[0]?.id);
  if (!card) throw new Error('no card in the first cell');
  card.text = CARD;
  pageId = await createMapPage({
    emulator: env.host.emulator,
    title: 'Big live map (e2e)',
    localId: 'big-live-map',
    map,
    accountId: 'acc-editor',
  });
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
