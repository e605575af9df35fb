/**
 * One-off measurement for issue 15's minimap and Fit (not part of `npm run bench`): on 1,000-
 * and 5,000-card maps in the local host, Fit's share of steps and lanes in view, and the whole-
 * map scroll sweep with the minimap and with its chunk replaced by an empty component (A/B), so
 * the minimap's cost on scroll frames shows. Usage: npx tsx bench/minimap-ab.ts [runs] [sizes].
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHost } from '../dev/host/index';
import { launchBrowser } from '../tests/support/browser';
import { generateMap } from '../tests/support/generate-map';
import { createMapPage } from './lib/seed-map';
import { IN_VIEW, SWEEP } from './suites/whole-map';

type Sweep = { steps: number; lanes: number; frames: number; slow: number; blank: number };

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const sizes = (process.argv[3] ?? '1000,5000').split(',').map(Number);
  const dir = mkdtempSync(path.join(tmpdir(), 'jm-minimap-ab-'));
  const build = path.join(dir, 'build');
  cpSync(path.join('static', 'app', 'build'), build, { recursive: true });
  const host = await startHost({
    port: 0,
    dataDir: path.join(dir, 'store'),
    resources: { main: build },
  });
  const browser = await launchBrowser();
  try {
    for (const cards of sizes) {
      const map = generateMap({ cards, seed: 20261123 });
      const steps = map.steps.length;
      const lanes = map.lanes.filter((l) => !l.hidden).length;
      const pageId = await createMapPage({
        emulator: host.emulator,
        title: `Minimap ${cards}`,
        localId: `mm-${cards}`,
        map,
        accountId: 'acc-admin',
      });
      const url = `${host.url}/wiki/pages/viewpage.action?pageId=${pageId}`;
      for (const variant of ['minimap', 'no minimap'] as const) {
        const sweeps: Sweep[] = [];
        let fit = '';
        for (let run = 0; run < runs; run++) {
          const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: host.url }]);
          if (variant === 'no minimap') {
            await ctx.route(/\/assets\/minimap-[^/]*\.js/, (route) =>
              route.fulfill({
                contentType: 'text/javascript',
                body: 'export function Minimap() { return null; }',
              }),
            );
          }
          const page = await ctx.newPage();
          await page.goto(url);
          const handle = page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first();
          await handle.waitFor({ state: 'attached' });
          const frame = await (await handle.elementHandle())?.contentFrame();
          if (!frame) throw new Error('no macro frame');
          await frame.locator('[data-card-id]').first().waitFor({ timeout: 60_000 });
          await page.waitForTimeout(2_000);
          const shown = await frame.locator('[data-testid=minimap]').count();
          sweeps.push({ ...(await frame.evaluate<Sweep>(SWEEP)) });
          if (run === 0 && variant === 'minimap') {
            const t0 = Date.now();
            await frame.getByRole('button', { name: 'Fit' }).click();
            await page.waitForTimeout(2_000);
            const f = await frame.evaluate<{ steps: number; lanes: number }>(IN_VIEW);
            const zoom = await frame.locator('.zoom-level').textContent();
            const hidden = (await frame.locator('[data-testid=minimap]').count()) === 0;
            fit = `Fit: steps ${f.steps}/${steps}, lanes ${f.lanes}/${lanes} at ${zoom} (minimap ${hidden ? 'hidden' : 'shown'}; ${Date.now() - t0} ms incl. 2 s wait)`;
            await page.screenshot({ path: `/tmp/wmf-fit-${cards}.png` });
          }
          if (run === 0) console.log(`${cards} ${variant}: minimap elements ${shown}`);
          await ctx.close();
        }
        const med = (k: keyof Sweep) => {
          const v = sweeps.map((s) => s[k]).sort((a, b) => a - b);
          return `${v[Math.floor(v.length / 2)]} (${v[0]}–${v[v.length - 1]})`;
        };
        console.log(
          `${cards} cards, ${variant}: steps ${med('steps')}/${steps}, lanes ${med('lanes')}/${lanes}, blank ${med('blank')}, slow ${med('slow')} of ${med('frames')} frames`,
        );
        if (fit) console.log(`${cards} cards: ${fit}`);
      }
    }
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
