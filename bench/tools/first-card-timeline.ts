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
  // Also when each request was sent and its first byte came (queueing in the browser's 6
  // connections per host, and the server's own time, show apart from the transfer).
  const rows = performance.getEntriesByType('resource').map((e) => [o + e.startTime, o + e.responseEnd, e.name.split('?')[0].split('/').slice(-1)[0], o + e.requestStart, o + e.responseStart, e.transferSize === 0 ? 'cache' : e.transferSize < 400 ? '304' : '']);
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
      type Entry = [number, number, string, number?, number?, string?];
      const top = await page.evaluate<Entry[]>(TIMELINE);
      const inner = await frame.evaluate<Entry[]>(TIMELINE);
      const t0 = await page.evaluate<number>('performance.timeOrigin');
      const all = [
        ...top.map((r) => ({ r, where: 'top' })),
        ...inner.map((r) => ({ r, where: 'frame' })),
      ].sort((a, b) => a.r[0] - b.r[0]);
      process.stdout.write(`\n--- load ${i + 1} (${cards} cards, +${latency} ms/request)\n`);
      const ms = (t: number) => String(Math.round(t - t0)).padStart(6);
      for (const { r, where } of all) {
        const [s, e, name, sent, firstByte, how] = r;
        const detail =
          sent === undefined || firstByte === undefined
            ? ''
            : `  (sent ${Math.round(sent - t0)}, first byte ${Math.round(firstByte - t0)}${how ? `, ${how}` : ''})`;
        process.stdout.write(`${ms(s)} → ${ms(e)}  ${where.padEnd(5)} ${name}${detail}\n`);
      }
    }
    await ctx.close();
  } finally {
    host.setLatency(0);
    await browser.close();
    await host.close();
  }
}

void main();
