/**
 * The space index with Confluence's CQL indexing lag switched on in the emulator (finding 20):
 * a map saved a moment ago is not listed yet, the index says so, and once the lag has passed a
 * reload lists it. Real resolvers and built UI in Chromium (`npm run build:ui` first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyFrame } from '../editor/support';
import { invokeResolver } from '../../../dev/forge-runtime';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { createResolverHandler } from '../../../src/resolvers';
import type { ResultOf } from '../../../src/resolvers/contract';
import { macroContext, unwrap } from '../../integration/resolvers/harness';
import { launchBrowser } from '../../support/browser';

const BUILD = path.resolve(__dirname, '../../../static/app/build/index.html');
const LAG_MS = 8_000;

let host: Host;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error('Build the UI first: npm run build:ui');
  host = await startHost({ port: 0, cqlLagMs: LAG_MS });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function openIndex(page: Page): Promise<Frame> {
  await page.goto(`${host.url}/wiki/spaces/CX/apps/journey-maps`);
  const frame = await readyFrame(page.locator('iframe.jm-space-page-frame'), 'index');
  await frame.waitForSelector('[data-testid="index-lag-note"], .empty-state', { timeout: 20_000 });
  await expect.poll(() => frame.locator('[role="status"].loading').count()).toBe(0);
  return frame;
}

describe('space index with CQL lag', () => {
  it('a just-saved map appears after the indexing delay, and the index says it may take a moment', async () => {
    // Everything seeded so far is indexed; from here on writes lag as on a real site.
    await new Promise((r) => setTimeout(r, LAG_MS + 200));
    const page = host.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Lagging journey page',
      authorId: 'acc-editor',
      body: buildMacroStorage({ localId: 'lag-1' }),
    });
    const savedAt = Date.now();
    const created = (await invokeResolver({
      handler: createResolverHandler(),
      functionKey: 'map/create',
      payload: { pageId: page.id, localId: 'lag-1', template: 'blank', title: 'Lagging journey' },
      accountId: 'acc-editor',
      context: macroContext({ emulator: host.emulator, contentId: page.id, localId: 'lag-1' }),
    })) as ResultOf<'map/create'>;
    unwrap(created);

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: host.url }]);
    const tab = await ctx.newPage();
    const frame = await openIndex(tab);
    expect(await frame.locator('[data-testid="index-lag-note"]').textContent()).toContain(
      'may take a moment to appear',
    );
    const titles = (): Promise<string[]> =>
      frame.locator('tbody th.col-title a.map-title').allTextContents();
    expect(Date.now() - savedAt).toBeLessThan(LAG_MS);
    expect(await titles()).not.toContain('Lagging journey');

    await new Promise((r) => setTimeout(r, Math.max(0, savedAt + LAG_MS + 200 - Date.now())));
    const again = await openIndex(tab);
    await expect
      .poll(() => again.locator('tbody th.col-title a.map-title').allTextContents())
      .toContain('Lagging journey');
    await ctx.close();
  });
});
