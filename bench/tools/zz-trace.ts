import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { startHost } from '../../dev/host/index';
import { launchBrowser } from '../../tests/support/browser';
import { generateMap } from '../../tests/support/generate-map';
import { createMapPage } from '../lib/seed-map';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [cards = 300] = process.argv.slice(2).map(Number);
const PAINTED = "performance.getEntriesByName('cjm:grid-painted').length > 0";
async function main(): Promise<void> {
  const host = await startHost({ port: 0, dataDir: mkdtempSync(path.join(tmpdir(), 'jm-tr-')), seed: false, rootDir: ROOT, resources: { main: path.join(ROOT, 'static/app/build') } });
  const browser = await launchBrowser();
  try {
    const pageId = await createMapPage({ emulator: host.emulator, title: 'T', localId: 'timeline', map: generateMap({ cards, seed: 20261123 }), accountId: 'acc-admin' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: host.url }]);
    const page = await ctx.newPage();
    for (let i = 0; i < 3; i++) {
      if (i === 2) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'loading'] });
      await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${pageId}`);
      const handle = await page.locator('iframe.jm-forge-frame').first().elementHandle();
      const frame = (await handle?.contentFrame()) as Frame;
      while (!(await frame.evaluate<boolean>(PAINTED))) await new Promise((r) => setTimeout(r, 25));
      if (i === 2) { const buf = await browser.stopTracing(); writeFileSync('/tmp/perf/trace.json', buf); }
    }
  } finally { await browser.close(); await host.close(); }
}
void main();
