/**
 * Where the time to the first card goes (docs/PERFORMANCE.md "The whole map"): one page with a
 * generated map in the local host, loaded cold then warm, optionally with the host answering
 * every request `latencyMs` late (`startHost({ latencyMs })`), printing each resource and mark of the top page and the macro frame relative to the
 * navigation start. A diagnostic, not a bench row:
 *   npx tsx bench/tools/first-card-timeline.ts [cards=300] [latencyMs=0] [loads=3]
 * (`SHOT=/tmp/x` also saves a screenshot of each load when the grid has painted.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { startHost } from '../../dev/host/index';
import { launchBrowser } from '../../tests/support/browser';
import { createGeneratedMapPage } from '../lib/seed-map';
import { pageUrl } from '../suites/whole-map';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [cards = 300, latency = 0, loads = 3] = process.argv.slice(2).map(Number);

const PAINTED = "performance.getEntriesByName('cjm:grid-painted').length > 0";

const TIMELINE = `(() => {
  const o = performance.timeOrigin;
  const rows = performance.getEntriesByType('resource').map((e) => [o + e.startTime, o + e.responseEnd, e.name.split('?')[0].split('/').slice(-1)[0]]);
  for (const m of performance.getEntriesByType('mark')) rows.push([o + m.startTime, o + m.startTime, 'mark ' + m.name]);
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) rows.push([o, o + nav.responseEnd, 'document'], [o + nav.domInteractive, o + nav.domInteractive, 'domInteractive']);
  return rows;
})()`;

async function main(): Promise<void> {
  const host = await startHost({
    port: 0,
    dataDir: mkdtempSync(path.join(tmpdir(), 'jm-timeline-')),
    seed: false,
    rootDir: ROOT,
    resources: { main: path.join(ROOT, 'static/app/build') },
  });
  const browser = await launchBrowser();
  try {
    const pageId = await createGeneratedMapPage({
      emulator: host.emulator,
      title: 'Timeline',
      localId: 'timeline',
      cards,
    });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: host.url }]);
    // The host answers every request `latency` ms late; the browser's HTTP cache stays on.
    host.setLatency(latency);
    const url = await pageUrl(host, pageId);
    const page = await ctx.newPage();
    for (let i = 0; i < loads; i++) {
      // The page's own address, as the bench opens it (no viewpage.action redirect).
      await page.goto(url);
      const handle = await page.locator('iframe.jm-forge-frame').first().elementHandle();
      const frame = (await handle?.contentFrame()) as Frame;
      // Polled: the frame's CSP refuses waitForFunction's string evaluation.
      while (!(await frame.evaluate<boolean>(PAINTED))) await new Promise((r) => setTimeout(r, 25));
      if (process.env.SHOT) await page.screenshot({ path: `${process.env.SHOT}-${i + 1}.png` });
      const top = await page.evaluate<[number, number, string][]>(TIMELINE);
      const inner = await frame.evaluate<[number, number, string][]>(TIMELINE);
      const t0 = await page.evaluate<number>('performance.timeOrigin');
      const all = [
        ...top.map((r) => [...r, 'top'] as const),
        ...inner.map((r) => [...r, 'frame'] as const),
      ].sort((a, b) => a[0] - b[0]);
      process.stdout.write(`\n--- load ${i + 1} (${cards} cards, +${latency} ms/request)\n`);
      for (const [s, e, name, where] of all) {
        process.stdout.write(
          `${String(Math.round(s - t0)).padStart(6)} → ${String(Math.round(e - t0)).padStart(6)}  ${where.padEnd(5)} ${name}\n`,
        );
      }
    }
    await ctx.close();
  } finally {
    await browser.close();
    await host.close();
  }
}

void main();
