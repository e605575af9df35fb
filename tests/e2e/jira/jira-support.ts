/** Shared pieces of the Jira e2e files: a demo host and Chromium, people, the shell's Jira. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { launchBrowser } from '../../support/browser';

const BUILD = path.resolve(__dirname, '../../../static/app/build/index.html');

/** The running host (demo seeded, temp data dir) and browser of one e2e file. */
export type JiraEnv = { host: Host; browser: Browser };

/** Starts the env before the file's tests and closes it after; read it inside tests. */
export function useJiraEnv(name: string): JiraEnv {
  const env = {} as JiraEnv;
  let dataDir = '';
  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error('Build the UI first: npm run build:ui');
    dataDir = mkdtempSync(path.join(tmpdir(), `jm-${name}-e2e-`));
    env.host = await startHost({ port: 0, dataDir });
    env.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return env;
}

/** A browser context signed in as `accountId` (the shell's user cookie). */
export async function contextAs(env: JiraEnv, accountId: string): Promise<BrowserContext> {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 1100 } });
  ctx.setDefaultTimeout(30_000);
  await ctx.addCookies([{ name: 'jm_user', value: accountId, url: env.host.url }]);
  return ctx;
}

/**
 * Moves the open work item to `target` through the transitions its workflow offers (To Do
 * reaches Done only through In Progress): at most two steps.
 */
export async function moveTo(page: Page, target: string): Promise<void> {
  for (let step = 0; step < 3; step++) {
    const status = await page.locator('.jira-status').first().textContent();
    if (status === target) return;
    const offered = await page.locator('select[name="transitionId"] option').allTextContents();
    const pick =
      offered.find((o) => o.endsWith(`→ ${target}`)) ??
      offered.find((o) => o.endsWith('→ In Progress'));
    if (!pick) throw new Error(`no transition toward ${target} from ${status}: ${offered.join()}`);
    await page.selectOption('select[name="transitionId"]', { label: pick });
    await page.click('form.jira-transition button[type="submit"]');
    await expect.poll(() => page.locator('.jira-status').first().textContent()).not.toBe(status);
  }
  throw new Error(`could not reach ${target}`);
}
