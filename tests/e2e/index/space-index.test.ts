/**
 * The space index end to end in Chromium: the real built UI (`npm run build:ui` first), the real
 * resolvers and the emulator behind the local host. Opens the sidebar item, filters, sorts,
 * pages, follows a row into its page, and checks that someone who cannot see the restricted
 * page does not see its row. Screenshots: /tmp/jm-index-{light,dark,grouped,outsider}.png.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  readyFrame,
  contextAs as contextIn,
  pageIdOf as pageIdIn,
} from '../editor/support';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import { sanitizeLocalId } from '../../../src/domain/codec';
import { ROUTING_PROPERTY_KEY } from '../../../src/domain/routing';
import { SUMMARY_PROPERTY_KEY, summarizePage } from '../../../src/domain/summary';
import { launchBrowser } from '../../support/browser';
import { generateMap } from '../../support/generate-map';

const BUILD = path.resolve(__dirname, '../../../static/app/build/index.html');
const TEAMS = ['Growth', 'Support', 'Billing', 'Onboarding'];
/** Generated maps added to the demo's four, so the table has more than one page. */
const GENERATED = 30;

let host: Host;
let browser: Browser;
let dataDir: string;

const pageIdOf = (title: string): string => pageIdIn({ host }, title);

const contextAs = (accountId: string, theme: 'light' | 'dark' = 'light') =>
  contextIn({ host, browser }, accountId, theme);

/** Opens space CX, clicks the sidebar item and answers the index frame once its table is drawn. */
async function openIndex(page: Page): Promise<Frame> {
  await page.goto(`${host.url}/wiki/spaces/CX`);
  await page.click('[data-testid="space-page-link"]');
  await page.waitForURL(/\/wiki\/spaces\/CX\/apps\/journey-maps/);
  const frame = await readyFrame(page.locator('iframe.jm-space-page-frame'), 'index');
  await frame.waitForSelector('table[aria-label="Journey maps in this space"] tbody tr', {
    timeout: 20_000,
  });
  await expect.poll(() => frame.locator('[role="status"].loading').count()).toBe(0);
  return frame;
}

async function titles(frame: Frame): Promise<string[]> {
  return frame.locator('tbody th.col-title a.map-title').allTextContents();
}

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error('Build the UI first: npm run build:ui');
  dataDir = mkdtempSync(path.join(tmpdir(), 'jm-index-e2e-'));
  host = await startHost({ port: 0, dataDir });
  const store = host.emulator.store;
  for (let n = 0; n < GENERATED; n++) {
    const raw = `generated-${n}`;
    const map = generateMap({ cards: 12, seed: 100 + n });
    map.title = `Generated journey ${String(n + 1).padStart(2, '0')}`;
    map.owningTeam = TEAMS[n % TEAMS.length] ?? '';
    const page = store.createPage({
      spaceKey: 'CX',
      title: `Generated map page ${n + 1}`,
      authorId: 'acc-editor',
      body: `<p>Session notes.</p>${buildMacroStorage({ localId: raw })}`,
    });
    store.putProperty({
      pageId: page.id,
      key: SUMMARY_PROPERTY_KEY,
      value: summarizePage({
        maps: [{ localId: sanitizeLocalId(raw), map }],
        today: new Date().toISOString().slice(0, 10),
      }),
    });
  }
  await host.emulator.flush();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('space index (confluence:spacePage "Journey maps")', () => {
  it('lists, filters, sorts and pages the maps, and follows a row into its page', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    const frame = await openIndex(page);

    // 5 demo maps (one on a blog post) + 30 generated; 25 a page.
    await expect
      .poll(() => frame.locator('.pagination').textContent())
      .toContain(`Showing 1–25 of ${GENERATED + 5}`);
    expect(await frame.locator('.stat-tile .stat-value').first().textContent()).toBe(
      String(GENERATED + 5),
    );
    await page.screenshot({ path: '/tmp/jm-index-light.png', fullPage: true });

    // Sort by title, ascending then descending.
    await frame.click('thead button.sort-button:has-text("Journey map")');
    const asc = await titles(frame);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    expect(await frame.getAttribute('thead th.col-title', 'aria-sort')).toBe('ascending');
    await frame.click('thead button.sort-button:has-text("Journey map")');
    const desc = await titles(frame);
    expect(desc[0]).not.toBe(asc[0]);
    expect(await frame.getAttribute('thead th.col-title', 'aria-sort')).toBe('descending');

    // Page 2.
    await frame.click('nav.pagination button[aria-label="Page 2"]');
    expect(await frame.locator('tbody tr').count()).toBe(GENERATED + 5 - 25);

    // Filter: future-state maps only, then by text, then clear.
    await frame.selectOption('.filter:has-text("State") select', 'future');
    await expect.poll(() => titles(frame)).toEqual(['Alana evaluates Confluence — future state']);
    expect(await frame.locator('tbody tr .state-link').first().textContent()).toContain(
      'Alana evaluates Confluence',
    );
    await frame.click('button:has-text("Clear filters")');
    await frame.fill('input[type="search"]', 'Alana evaluates');
    await expect.poll(async () => (await titles(frame)).length).toBe(2);
    await frame.fill('input[type="search"]', '');
    await frame.selectOption('.filter:has-text("Team") select', 'Growth');
    await expect
      .poll(async () =>
        (await frame.locator('tbody td.col-team').allTextContents()).every((t) => t === 'Growth'),
      )
      .toBe(true);
    await frame.click('button:has-text("Clear filters")');

    // Group by team.
    await frame.check('.filter-check input');
    await expect.poll(() => frame.locator('tr.group-row').count()).toBeGreaterThan(1);
    await page.screenshot({ path: '/tmp/jm-index-grouped.png', fullPage: true });
    await frame.uncheck('.filter-check input');

    // The restricted page is listed for its members.
    await frame.fill('input[type="search"]', 'Pricing journey');
    await expect.poll(() => titles(frame)).toEqual(['Pricing journey']);
    await frame.fill('input[type="search"]', 'Alana evaluates Confluence');
    await frame.selectOption('.filter:has-text("State") select', 'current');
    await expect.poll(() => titles(frame)).toEqual(['Alana evaluates Confluence']);

    // Follow the row into its page, scrolled to the map.
    await frame.click('tbody th.col-title a.map-title');
    await page.waitForURL(new RegExp(`/pages/${pageIdOf(DEMO_TITLES.alana)}/`));
    expect(page.url()).toMatch(/#macro-/);
    expect(await page.locator('[data-testid="page-title"]').textContent()).toBe(DEMO_TITLES.alana);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    await ctx.close();
  });

  it.each([1280, 1440, 1920])(
    'at %i px: no serious axe finding, each pain point once, nothing cut off on the right',
    async (width) => {
      const ctx = await contextAs('acc-admin');
      const page = await ctx.newPage();
      await page.setViewportSize({ width, height: 1000 });
      const frame = await openIndex(page);
      const { serious } = await axeViolations(frame);
      expect(serious).toEqual([]);
      // The demo's maps repeat pain points (copies, the future state): each is listed once.
      const top = await frame
        .locator('ol[aria-labelledby="top-pain-heading"] li')
        .allTextContents();
      const texts = top.map((t) =>
        t
          .replace(/^[\d.]+/, '')
          .split(' in ')[0]
          ?.trim(),
      );
      expect(new Set(texts).size).toBe(texts.length);
      // Every column's right edge inside the frame's viewport, or reachable by scrolling the
      // table's own box (never clipped by an ancestor).
      const clip = await frame.evaluate(() => {
        const box = document.querySelector('.table-scroll');
        const table = document.querySelector('.index-table');
        if (!box || !table) return null;
        const last = table.querySelector('thead th:last-child');
        return {
          viewport: document.documentElement.clientWidth,
          boxRight: box.getBoundingClientRect().right,
          tableWidth: table.scrollWidth,
          boxScroll: box.scrollWidth,
          boxClient: box.clientWidth,
          lastRight: last?.getBoundingClientRect().right ?? 0,
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(clip).not.toBeNull();
      if (!clip) return;
      expect(clip.boxRight).toBeLessThanOrEqual(clip.viewport + 0.5);
      expect(clip.pageOverflow).toBeLessThanOrEqual(0);
      expect(clip.lastRight).toBeLessThanOrEqual(clip.viewport + 0.5);
      await page.screenshot({ path: `/tmp/jm-index-${width}.png`, fullPage: true });
      await ctx.close();
    },
    120_000,
  );

  it('does not show the restricted page to someone who cannot see it', async () => {
    const ctx = await contextAs('acc-outsider');
    const page = await ctx.newPage();
    const frame = await openIndex(page);
    await expect
      .poll(() => frame.locator('.pagination').textContent())
      .toContain(`of ${GENERATED + 4}`);
    await frame.fill('input[type="search"]', 'Pricing journey');
    await expect.poll(() => frame.locator('.empty-state').textContent()).toContain('No maps match');
    await frame.click('button:has-text("Clear filters")');
    const everything: string[] = [];
    for (const n of [1, 2]) {
      await frame.click(`nav.pagination button[aria-label="Page ${n}"]`);
      everything.push(await frame.locator('table').innerText());
    }
    expect(everything.join('\n')).not.toContain('Pricing journey');
    expect(everything.join('\n')).not.toContain(DEMO_TITLES.restricted);
    await page.screenshot({ path: '/tmp/jm-index-outsider.png', fullPage: true });
    await ctx.close();
  });

  it('draws in the dark theme and shows the routing rules read-only to viewers', async () => {
    const ctx = await contextAs('acc-viewer', 'dark');
    const page = await ctx.newPage();
    const frame = await openIndex(page);
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.dataset.colorMode))
      .toBe('dark');
    await frame.click('button.disclosure');
    await frame.waitForSelector('.routing-grid');
    expect(await frame.locator('.routing .banner.is-readonly').textContent()).toMatch(
      /Only space admins can change routing rules/,
    );
    expect(await frame.locator('.team-input').first().isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/jm-index-dark.png', fullPage: true });
    await ctx.close();
  });

  it('shows the routing rules read-only to a space editor who is no space admin', async () => {
    const ctx = await contextAs('acc-editor');
    const page = await ctx.newPage();
    const frame = await openIndex(page);
    await frame.click('button.disclosure');
    await frame.waitForSelector('.routing-grid');
    expect(await frame.locator('.routing .banner.is-readonly').textContent()).toMatch(
      /Only space admins can change routing rules/,
    );
    expect(await frame.locator('.team-input').first().isDisabled()).toBe(true);
    await ctx.close();
  });

  it('lets a space admin change the routing rules', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    const frame = await openIndex(page);
    await frame.click('button.disclosure');
    await frame.waitForSelector('.routing-grid');
    await frame.fill('input[aria-label="Team owning the Web channel"]', 'Web team');
    await frame.click('button:has-text("+ Add stage rule")');
    await frame.fill('input[aria-label="Stage name 1"]', 'Purchase');
    await frame.fill('input[aria-label="Team owning stage Purchase"]', 'Billing');
    await frame.click('button:has-text("Save routing rules")');
    await expect
      .poll(() => frame.locator('.routing .banner.is-success').textContent())
      .toContain('Routing rules saved');
    const spaceId = host.emulator.store.spaceByKey('CX')?.id ?? '';
    const saved = host.emulator.store.propertyByKey('space', spaceId, ROUTING_PROPERTY_KEY)
      ?.value as { jira?: Record<string, { project: string }> } | undefined;
    expect(saved).toMatchObject({
      channels: { web: 'Web team' },
      stages: { purchase: 'Billing' },
      lanes: {},
    });
    expect(Object.keys(saved ?? {}).sort()).toEqual(['channels', 'jira', 'lanes', 'stages']);
    // The demo's Jira projects per team (issue 17) are kept by a save that did not touch them.
    expect(
      Object.entries(saved?.jira ?? {})
        .map(([team, target]) => [team, target.project])
        .sort(),
    ).toEqual([
      ['Growth', 'GRO'],
      ['Identity', 'IDN'],
    ]);
    await page.screenshot({ path: '/tmp/jm-index-routing.png', fullPage: true });
    await ctx.close();
  });
});
