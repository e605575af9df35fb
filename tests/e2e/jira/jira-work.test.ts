/**
 * Jira work end to end in Chromium (issue 17): the demo's linked work shows in the space index
 * (abandon-level pain points with work / done, teams with open work, from one JQL search); the
 * shell's minimal Jira moves an item to Done and the index shows it after a reload; a work item
 * is created from the index's top pain point through the shared form (defaults from the team's
 * routing rule); without Jira the index explains why. Screenshots: /tmp/jm-jira-*.png.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contextAs as signIn, moveTo, useJiraEnv } from './jira-support';

const env = useJiraEnv('jira');
const contextAs = (accountId: string) => signIn(env, accountId);

async function openIndex(page: Page): Promise<Frame> {
  await page.goto(`${env.host.url}/wiki/spaces/CX`);
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

describe('Jira work in the index and the shell', () => {
  it('index counts and open work; status changed in Jira shows after a reload', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    const jira = env.host.emulator.jira;
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
    await page.goto(`${env.host.url}/jira`);
    expect(await page.locator('section.jira-project').count()).toBe(2);
    await page.screenshot({ path: '/tmp/jm-jira-projects.png', fullPage: true });
    for (const issue of [...jira.state.issues]) {
      await page.goto(`${env.host.url}/browse/${issue.key}`);
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
    const count = env.host.emulator.jira.state.issues.length;
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
      .poll(() => env.host.emulator.jira.state.issues.length, { timeout: 15_000 })
      .toBe(count + 1);
    const created = env.host.emulator.jira.state.issues.at(-1);
    expect(created?.reporterId).toBe('acc-admin');
    await expect
      .poll(() => frame.locator('.banner.is-success').textContent(), { timeout: 15_000 })
      .toContain(created?.key ?? '?');
    await ctx.close();
  }, 120_000);

  it('without Jira, the index and the routing panel explain why', async () => {
    env.host.emulator.jira.setPresent(false);
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
      env.host.emulator.jira.setPresent(true);
    }
  }, 120_000);
});
