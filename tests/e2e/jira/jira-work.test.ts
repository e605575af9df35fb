/**
 * Jira work end to end in Chromium (issue 17): the demo's linked work shows in the space index
 * (abandon-level pain points with work / done, teams with open work, from one JQL search); the
 * shell's minimal Jira moves an item to Done and the index shows it after a reload; a work item
 * is created from the index's top pain point through the shared form (defaults from the team's
 * routing rule); without Jira the index explains why. Screenshots: /tmp/jm-jira-*.png.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { launchBrowser } from '../../support/browser';
import { moveTo } from './jira-support';

const BUILD = path.resolve(__dirname, '../../../static/app/build/index.html');

let host: Host;
let browser: Browser;
let dataDir: string;

async function contextAs(accountId: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
  await ctx.addCookies([{ name: 'jm_user', value: accountId, url: host.url }]);
  return ctx;
}

async function openIndex(page: Page): Promise<Frame> {
  await page.goto(`${host.url}/wiki/spaces/CX`);
  await page.click('[data-testid="space-page-link"]');
  const handle = page.locator('iframe.jm-space-page-frame');
  await expect
    .poll(() => handle.getAttribute('data-bridge-ready'), { timeout: 20_000 })
    .toBe('true');
  const frame = await (await handle.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no index frame');
  await frame.waitForSelector('table[aria-label="Journey maps in this space"] tbody tr', {
    timeout: 20_000,
  });
  await expect.poll(() => frame.locator('[role="status"].loading').count()).toBe(0);
  return frame;
}

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error('Build the UI first: npm run build:ui');
  dataDir = mkdtempSync(path.join(tmpdir(), 'jm-jira-e2e-'));
  host = await startHost({ port: 0, dataDir });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Jira work in the index and the shell', () => {
  it('index counts and open work; status changed in Jira shows after a reload', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    const jira = host.emulator.jira;
    expect(jira.state.issues.length).toBeGreaterThanOrEqual(2);
    let frame = await openIndex(page);
    const strip = frame.locator('section.summary-strip');
    await expect
      .poll(() => strip.textContent(), { timeout: 15_000 })
      .toContain('Teams with open work in Jira');
    await page.screenshot({ path: '/tmp/jm-jira-index.png', fullPage: true });
    const before = await frame.locator('[data-testid="abandon-work"]').allTextContents();
    expect(before.join(' ')).toMatch(/with work in Jira/);

    // The shell's Jira: project list, then an item page; move every item to Done.
    await page.goto(`${host.url}/jira`);
    expect(await page.locator('section.jira-project').count()).toBe(2);
    await page.screenshot({ path: '/tmp/jm-jira-projects.png', fullPage: true });
    for (const issue of [...jira.state.issues]) {
      await page.goto(`${host.url}/browse/${issue.key}`);
      await moveTo(page, 'Done');
    }
    await page.screenshot({ path: '/tmp/jm-jira-issue.png', fullPage: true });

    frame = await openIndex(page);
    await expect
      .poll(() => frame.locator('section.summary-strip').textContent(), { timeout: 15_000 })
      .toContain('No open work in Jira for these maps.');
    const after = await frame.locator('[data-testid="abandon-work"]').allTextContents();
    expect(after.join(' ')).not.toEqual(before.join(' '));
    await ctx.close();
  }, 120_000);

  it('creates a work item from a top pain point with the routing defaults', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    const frame = await openIndex(page);
    const count = host.emulator.jira.state.issues.length;
    await frame
      .locator('section.summary-strip button:has-text("Create work item")')
      .first()
      .click();
    const form = frame.locator('[role="group"][aria-label="New work item"]');
    await form.waitFor({ timeout: 15_000 });
    await expect.poll(() => form.locator('select').first().inputValue()).not.toBe('');
    await page.screenshot({ path: '/tmp/jm-jira-index-create.png', fullPage: true });
    await form.locator('button:has-text("Create in Jira")').click();
    await expect
      .poll(() => host.emulator.jira.state.issues.length, { timeout: 15_000 })
      .toBe(count + 1);
    const created = host.emulator.jira.state.issues.at(-1);
    expect(created?.reporterId).toBe('acc-admin');
    await expect
      .poll(() => frame.locator('.banner.is-success').textContent(), { timeout: 15_000 })
      .toContain(created?.key ?? '?');
    await ctx.close();
  }, 120_000);

  it('without Jira, the index and the routing panel explain why', async () => {
    host.emulator.jira.setPresent(false);
    try {
      const ctx = await contextAs('acc-admin');
      const page = await ctx.newPage();
      const frame = await openIndex(page);
      await expect
        .poll(() => frame.locator('section.summary-strip').textContent(), { timeout: 15_000 })
        .toContain('This site has no Jira');
      await frame.click('button[aria-controls="routing-body"]');
      await expect
        .poll(() => frame.locator('fieldset.jira-rules').textContent(), { timeout: 15_000 })
        .toContain('This site has no Jira');
      await page.screenshot({ path: '/tmp/jm-jira-absent.png', fullPage: true });
      await ctx.close();
    } finally {
      host.emulator.jira.setPresent(true);
    }
  }, 120_000);
});
