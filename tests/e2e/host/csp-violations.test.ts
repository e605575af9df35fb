/**
 * The Custom UI loads under the host's Forge-like CSP (no 'unsafe-eval') without a single
 * `securitypolicyviolation`: zod 4 probes `new Function` unless `z.config({ jitless: true })` runs
 * before the first schema is built (src/domain/zod-jitless.ts, first import of both entries); the
 * inline boot script runs by its hash, as Forge's CSP allows it, and if a host refused it the
 * macro still loads, its main entry starting the same calls (decision 0057).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyFrame } from '../editor/support';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import { launchBrowser } from '../../support/browser';

const BUILD = path.resolve(__dirname, '../../../static/app/build/index.html');

let host: Host;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error('Build the UI first: npm run build:ui');
  dataDir = mkdtempSync(path.join(tmpdir(), 'jm-csp-e2e-'));
  host = await startHost({ port: 0, dataDir });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Content Security Policy', () => {
  it('the space index and the macro load without a CSP violation', async () => {
    const ctx = await browser.newContext();
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: host.url }]);
    // Runs in every frame before its scripts: collects the violations the document reports.
    await ctx.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    const page = await ctx.newPage();
    await page.goto(`${host.url}/wiki/spaces/CX/apps/journey-maps`);
    const frame = await readyFrame(page.locator('iframe.jm-space-page-frame'), 'index');
    await frame.waitForSelector('table[aria-label="Journey maps in this space"] tbody tr', {
      timeout: 20_000,
    });
    const violations = (f: Frame): Promise<string[]> =>
      f.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(await violations(frame)).toEqual([]);
    // The macro too: it parses the whole map with zod.
    const mapPage = [...host.emulator.store.all('pages')].find(
      (p) => p.title === DEMO_TITLES.alana,
    );
    await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${mapPage?.id ?? ''}`);
    const macro = await readyFrame(
      page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
      'macro',
    );
    await macro.waitForSelector('[role="grid"]', { timeout: 20_000 });
    expect(await violations(macro)).toEqual([]);
    expect(await violations(page.mainFrame())).toEqual([]);
    await ctx.close();
  });

  it('the macro still loads, with one map/load, when the host refuses the inline boot script', async () => {
    const refusingDir = mkdtempSync(path.join(tmpdir(), 'jm-csp-refuse-'));
    const refusing = await startHost({ port: 0, dataDir: refusingDir, inlineScripts: 'refuse' });
    const ctx = await browser.newContext();
    try {
      await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: refusing.url }]);
      await ctx.addInitScript(() => {
        const w = window as unknown as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      const page = await ctx.newPage();
      const mapPage = [...refusing.emulator.store.all('pages')].find(
        (p) => p.title === DEMO_TITLES.alana,
      );
      const loads: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/__forge/rpc') && (r.postData() ?? '').includes('"map/load"')) {
          loads.push(r.url());
        }
      });
      await page.goto(`${refusing.url}/wiki/pages/viewpage.action?pageId=${mapPage?.id ?? ''}`);
      const macro = await readyFrame(
        page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
        'macro',
      );
      await macro.waitForSelector('[data-card-id]', { timeout: 20_000 });
      const seen = await macro.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      );
      expect(seen).toEqual(['script-src-elem inline']);
      expect(loads).toHaveLength(1);
    } finally {
      await ctx.close();
      await refusing.close();
      rmSync(refusingDir, { recursive: true, force: true });
    }
  });
});
