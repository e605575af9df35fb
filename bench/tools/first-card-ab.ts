/**
 * A/B of the first-card rows (docs/PERFORMANCE.md "The whole map") between builds, interleaved
 * run by run so both see the same machine load: the same probe, page and loads as
 * `bench/suites/whole-map.ts` (new context = cold, second load = warm, optional delay on every
 * request added by the host, `startHost({ latencyMs })`), one local host per build.
 *   npx tsx bench/tools/first-card-ab.ts [runs=5] [latencyMs=0] [cards=300] <buildDir>...
 * A build dir suffixed `@immutable` is served with the host option `assetCache: 'immutable'`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startHost } from '../../dev/host/index';
import type { Host } from '../../dev/host/index';
import { launchBrowser } from '../../tests/support/browser';
import { createGeneratedMapPage } from '../lib/seed-map';
import { formatMs, spread } from '../lib/stats';
import { FIRST_CARD_PROBE, load, pageUrl } from '../suites/whole-map';
import type { Load } from '../suites/whole-map';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const [runsArg, latencyArg, cardsArg, ...builds] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const latency = Number(latencyArg ?? 0);
const cards = Number(cardsArg ?? 300);
const dirs = builds.length > 0 ? builds : [path.join(ROOT, 'static/app/build')];

function gzipOf(dir: string, names: readonly string[]): number {
  return names.reduce((n, f) => {
    try {
      return n + gzipSync(readFileSync(path.join(dir, 'assets', f)), { level: 9 }).length;
    } catch {
      return n;
    }
  }, 0);
}

async function main(): Promise<void> {
  const browser = await launchBrowser();
  const hosts: { dir: string; host: Host; url: string; cold: Load[]; warm: Load[] }[] = [];
  // Chunk names, for a look at what came before the first card: `NAMES=1`.
  try {
    for (const arg of dirs) {
      const [dir = arg, cache] = arg.split('@');
      const host = await startHost({
        port: 0,
        dataDir: mkdtempSync(path.join(tmpdir(), 'jm-ab-')),
        seed: false,
        rootDir: ROOT,
        resources: { main: path.resolve(dir) },
        assetCache: cache === 'immutable' ? 'immutable' : 'revalidate',
        // Every request answered `latency` ms late; the browser's HTTP cache stays on.
        latencyMs: latency,
      });
      const pageId = await createGeneratedMapPage({
        emulator: host.emulator,
        title: 'A/B',
        localId: 'ab',
        cards,
      });
      hosts.push({ dir: arg, host, url: await pageUrl(host, pageId), cold: [], warm: [] });
    }
    for (let run = -1; run < runs; run++) {
      for (const h of hosts) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await ctx.addInitScript(FIRST_CARD_PROBE);
        await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: h.host.url }]);
        const page = await ctx.newPage();
        const cold = (await load(page, h.url)).load;
        const warm = (await load(page, h.url)).load;
        // Run -1 warms the host up.
        if (run >= 0) {
          h.cold.push(cold);
          h.warm.push(warm);
        }
        await ctx.close();
      }
    }
    for (const h of hosts) {
      const names = [...new Set(h.cold.flatMap((l) => l.scripts))];
      const dir = h.dir.split('@')[0] ?? h.dir;
      const line = (list: Load[]) =>
        `${formatMs(spread(list.map((l) => l.ms)))}${list.every((l) => l.onScreen) ? '' : ' (below the fold)'}`;
      const cls = Math.max(...[...h.cold, ...h.warm].map((l) => l.frameCls));
      process.stdout.write(
        `${h.dir} (${cards} cards, +${latency} ms, ${runs} runs)\n  cold ${line(h.cold)}\n  warm ${line(h.warm)}\n` +
          `  JS before first card ${(gzipOf(dir, names) / 1024).toFixed(1)} KB, ${names.length} chunks; frame CLS max ${cls.toFixed(3)}\n` +
          (process.env.NAMES ? `  ${names.join(' ')}\n` : ''),
      );
    }
  } finally {
    for (const h of hosts) h.host.setLatency(0);
    await browser.close();
    for (const h of hosts) await h.host.close();
  }
}

void main();
