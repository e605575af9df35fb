/**
 * Jira work from the map end to end in Chromium (issue 17, decision 0046): a work item created
 * from card details shows on the card as key and status lozenge; the key opens `/browse/KEY` in
 * a new tab; moved along the workflow in the shell's Jira, the lozenge takes the new status
 * category's colour after a reload; the generated write-up lists the work with its status; and a
 * write-up preview row creates work through the same form. Screenshots: /tmp/jm-jira-card-*.png.
 */
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import { contextAs as signIn, moveTo, useJiraEnv } from './jira-support';

const WAIT = { timeout: 30_000 };
const env = useJiraEnv('jira-card');
const contextAs = (accountId: string) => signIn(env, accountId);

function alanaId(): string {
  const found = [...env.host.emulator.store.all('pages')].find(
    (p) => p.title === DEMO_TITLES.alana,
  );
  if (!found) throw new Error('no demo page');
  return found.id;
}

/** The Alana page's macro frame, its grid drawn. */
async function openMap(page: Page): Promise<Frame> {
  await page.goto(`${env.host.url}/wiki/pages/viewpage.action?pageId=${alanaId()}`);
  const handle = page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first();
  await expect
    .poll(() => handle.getAttribute('data-bridge-ready'), { timeout: 30_000 })
    .toBe('true');
  const frame = await (await handle.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no macro frame');
  await frame.getByRole('grid', { name: 'Journey map' }).waitFor(WAIT);
  return frame;
}

function cardById(frame: Frame, cardId: string): Locator {
  return frame.locator(`[role="grid"] [data-card-id="${cardId}"]`);
}

/** Background colour of an element, as drawn. */
function background(el: Locator): Promise<string> {
  return el.evaluate((e) => getComputedStyle(e).backgroundColor);
}

/** Avery (who may create in both demo projects) on the Alana map; the work items so far. */
async function adminOnMap(): Promise<{
  ctx: BrowserContext;
  page: Page;
  frame: Frame;
  before: number;
}> {
  const ctx = await contextAs('acc-admin');
  const page = await ctx.newPage();
  return {
    ctx,
    page,
    frame: await openMap(page),
    before: env.host.emulator.jira.state.issues.length,
  };
}

/**
 * Opens the create form in `scope` ("Create work item…"), waits for its defaults, screenshots it
 * and creates: the new work item, once Jira has it.
 */
async function createThrough(args: { page: Page; scope: Locator; shot: string; before: number }) {
  await args.scope.getByRole('button', { name: 'Create work item…' }).click();
  const form = args.scope.getByRole('group', { name: 'New work item' });
  await form.waitFor(WAIT);
  for (const field of ['Project', 'Work type']) {
    await expect
      .poll(() => form.getByRole('combobox', { name: field }).inputValue(), WAIT)
      .not.toBe('');
  }
  await args.page.screenshot({ path: `/tmp/jm-jira-card-${args.shot}.png` });
  await form.getByRole('button', { name: 'Create in Jira' }).click();
  const jira = env.host.emulator.jira;
  await expect.poll(() => jira.state.issues.length, WAIT).toBe(args.before + 1);
  return jira.state.issues.at(-1);
}

describe('Jira work from the map', () => {
  it('card details → key and lozenge; Jira transition → new colour; write-up lists it', async () => {
    const opened = await adminOnMap();
    const { ctx, page, before } = opened;
    let { frame } = opened;
    const jira = env.host.emulator.jira;

    // A pain point without work yet: its details' "Work in Jira" creates through the form.
    const free = frame.locator('[role="grid"] .card.kind-painPoint:not(:has(.work-badges))');
    await free.first().waitFor(WAIT);
    const cardId = (await free.first().getAttribute('data-card-id')) ?? '';
    await cardById(frame, cardId).hover();
    await cardById(frame, cardId).getByRole('button', { name: 'Card details' }).click();
    const work = frame.getByRole('region', { name: 'Work in Jira' });
    const created = await createThrough({ page, scope: work, shot: 'form', before });
    const key = created?.key ?? '?';
    expect(created?.reporterId).toBe('acc-admin');

    // The link's name starts with what it shows (axe label-in-name), then says where it goes.
    const badge = cardById(frame, cardId).getByRole('link', { name: /in Jira\)$/ });
    await expect.poll(() => badge.textContent(), WAIT).toBe(`${key} · To Do (opens in Jira)`);
    const lozenge = badge.locator('.lozenge');
    const toDoColour = await background(lozenge);
    await cardById(frame, cardId).screenshot({ path: '/tmp/jm-jira-card-created.png' });

    // The key opens the work item in a new tab (bridge router → the host's window).
    const [tab] = await Promise.all([ctx.waitForEvent('page'), badge.click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/browse/${key}`);

    // In Jira: the workflow offers "Start progress" from To Do (not Done).
    const offered = await tab.locator('select[name="transitionId"] option').allTextContents();
    expect(offered).toEqual(['Start progress → In Progress']);
    await moveTo(tab, 'In Progress');
    await tab.screenshot({ path: '/tmp/jm-jira-card-browse.png', fullPage: true });
    await tab.close();

    // Back on the map after a reload: the lozenge shows In Progress in its category's colour.
    frame = await openMap(page);
    const after = cardById(frame, cardId).getByRole('link', { name: /in Jira\)$/ });
    await expect.poll(() => after.textContent(), WAIT).toBe(`${key} · In Progress (opens in Jira)`);
    expect(await after.locator('.lozenge').getAttribute('class')).toContain('is-inprogress');
    expect(await background(after.locator('.lozenge'))).not.toBe(toDoColour);
    await cardById(frame, cardId).screenshot({ path: '/tmp/jm-jira-card-inprogress.png' });

    // The write-up lists each item's work with its status (the Jira column).
    const toggle = frame.locator('button.session-toggle');
    await toggle.click();
    await frame.getByRole('button', { name: 'Generate write-up' }).click();
    const preview = frame.locator('[data-testid="write-up-preview"]');
    await preview.waitFor(WAIT);
    await preview.locator('.write-up-preview-actions button.primary-button').click();
    await expect
      .poll(() => frame.locator('.banner.is-success').textContent(), WAIT)
      .toMatch(/Write-up (created|updated)/);
    const writeUp = [...env.host.emulator.store.all('pages')].find(
      (p) => p.parentId === alanaId() && p.status === 'current' && /write-up/.test(p.title),
    );
    if (!writeUp) throw new Error('no write-up page');
    await page.goto(`${env.host.url}/wiki/pages/viewpage.action?pageId=${writeUp.id}`);
    const body = page.locator('.jm-body');
    await body.waitFor(WAIT);
    const table = body.locator('table', { has: page.locator('th', { hasText: 'Work in Jira' }) });
    const row = table.first().locator('tr', { hasText: key });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(new RegExp(`${key}\\s*In Progress`, 'i'));
    for (const linked of jira.state.issues.slice(0, before)) {
      expect(await body.textContent()).toContain(linked.key);
    }
    await row.screenshot({ path: '/tmp/jm-jira-card-writeup-row.png' });
    await page.screenshot({ path: '/tmp/jm-jira-card-writeup.png', fullPage: true });
    await ctx.close();
  }, 240_000);

  it('a write-up preview row creates work with its routing defaults and shows it', async () => {
    const { ctx, page, frame, before } = await adminOnMap();
    await frame.locator('button.session-toggle').click();
    await frame.getByRole('button', { name: 'Generate write-up' }).click();
    const rows = frame.getByRole('region', { name: 'Work in Jira for these items' });
    await rows.waitFor(WAIT);
    // The first row without work: an opportunity further down, or a pain point.
    const row = rows.locator('tbody tr', { hasNot: frame.locator('.work-lozenge') }).first();
    const key =
      (await createThrough({ page, scope: row, shot: 'preview-form', before }))?.key ?? '?';
    const done = rows.locator('tbody tr', { hasText: key });
    await expect
      .poll(() => done.locator('.work-lozenge').textContent(), WAIT)
      .toBe(`${key} · To Do`);
    // The preview below follows: its Jira column names the new key.
    await expect
      .poll(
        () => frame.getByRole('region', { name: 'Write-up preview content' }).textContent(),
        WAIT,
      )
      .toContain(key);
    await frame.locator('[data-testid="write-up-preview"]').screenshot({
      path: '/tmp/jm-jira-card-preview-row.png',
    });
    await ctx.close();
  }, 240_000);
});
