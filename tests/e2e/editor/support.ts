/**
 * Shared pieces of the editor e2e files: a local host on a free port with a temp data dir (the
 * same `startHost` that `npm start` runs, serving the real build in static/app/build), browser
 * contexts per user and theme, the macro's frame, grid lookups by role and label, and axe-core
 * injected into the macro frame.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { launchBrowser } from '../../support/browser';
import { readMapFromProperties } from '../../../src/confluence/map-store';

const REPO = path.resolve(__dirname, '../../..');
/** The build under test; JM_E2E_BUILD_DIR points elsewhere (e.g. a deliberately broken build). */
const BUILD_DIR = process.env.JM_E2E_BUILD_DIR ?? path.join(REPO, 'static/app/build');
const AXE = path.join(REPO, 'node_modules/axe-core/axe.min.js');

/** Generous waits: the suite runs on a loaded 2-core machine. */
export const WAIT = { timeout: 30_000 } as const;

/** A running host, its browser and its data dir. */
export type EditorEnv = { host: Host; browser: Browser; dataDir: string; close(): Promise<void> };

/**
 * Starts a host (demo seeded) on a free port with a temp data dir, and chromium. It serves a
 * snapshot of the real build unless `resources` names others (a test resource).
 */
export async function startEnv(
  name: string,
  options: { resources?: Record<string, string>; cqlLagMs?: number } = {},
): Promise<EditorEnv> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `jm-editor-e2e-${name}-`));
  const resources = options.resources ?? {
    main: await snapshotBuild(path.join(dataDir, 'build')),
  };
  const host = await startHost({
    port: 0,
    dataDir: path.join(dataDir, 'store'),
    resources,
    ...(options.cqlLagMs === undefined ? {} : { cqlLagMs: options.cqlLagMs }),
  });
  const browser = await launchBrowser();
  return {
    host,
    browser,
    dataDir,
    async close() {
      await browser.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the real build (static/app/build, what `npm start` serves): a concurrent
 * `npm run build:ui` empties that directory, which must not pull files from under a running test.
 */
async function snapshotBuild(to: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
      if (attempt > 20) throw new Error('Build the UI first: npm run build:ui');
    } else {
      rmSync(to, { recursive: true, force: true });
      cpSync(BUILD_DIR, to, { recursive: true });
      const html = readFileSync(path.join(to, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
      if (refs.length && refs.every((r) => existsSync(path.join(to, r)))) return to;
      if (attempt > 20) throw new Error('static/app/build is incomplete: npm run build:ui');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A browser context (one person, own cookies and localStorage) in a colour mode. */
export async function contextAs(
  env: Pick<EditorEnv, 'host' | 'browser'>,
  accountId: string,
  theme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  ctx.setDefaultTimeout(WAIT.timeout);
  await ctx.addCookies([
    { name: 'jm_user', value: accountId, url: env.host.url },
    { name: 'jm_theme', value: theme, url: env.host.url },
  ]);
  return ctx;
}

/** The id of the page with this title. */
export function pageIdOf(env: Pick<EditorEnv, 'host'>, title: string): string {
  const found = [...env.host.emulator.store.all('pages')].find((p) => p.title === title);
  if (!found) throw new Error(`no page ${title}`);
  return found.id;
}

/** The journey map stored on a page, read from the emulator's properties (the page's first). */
export function storedMapOf(env: Pick<EditorEnv, 'host'>, pageId: string) {
  const properties = [...env.host.emulator.store.all('properties')]
    .filter((p) => p.owner === 'page' && p.ownerId === pageId)
    .map((p) => ({ id: p.id, key: p.key, value: p.value, version: p.version.number }));
  const localId = properties
    .map((p) => /^com_journeymaps_map_([A-Za-z0-9_]+)$/.exec(p.key)?.[1])
    .find((k): k is string => Boolean(k));
  if (!localId) throw new Error(`no map property on page ${pageId}`);
  return readMapFromProperties(properties, localId).map;
}

/** Creates a page in space CX, without a macro or with one (`localId`). */
export async function createPage(
  env: EditorEnv,
  args: { title: string; localId?: string },
): Promise<string> {
  const page = env.host.emulator.store.createPage({
    spaceKey: 'CX',
    title: args.title,
    authorId: 'acc-editor',
    body: `<p>${args.title}.</p>${args.localId ? buildMacroStorage({ localId: args.localId }) : ''}`,
  });
  await env.host.emulator.flush();
  return page.id;
}

/** Opens a page of the shell. */
export async function openPage(env: EditorEnv, page: Page, pageId: string): Promise<void> {
  const res = await page.goto(`${env.host.url}/wiki/pages/viewpage.action?pageId=${pageId}`);
  if (res?.status() !== 200) throw new Error(`page ${pageId} answered ${res?.status()}`);
}

/** Polls `read` until `ok` holds for its value (usable in hooks, where expect.poll is not). */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeout = WAIT.timeout,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The iframe element of the n-th macro on the page. */
export function macroIframe(page: Page, index = 0): Locator {
  return page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').nth(index);
}

/** The frame behind an iframe element the shell drew, once its bridge said hello. */
export async function readyFrame(handle: Locator, what: string): Promise<Frame> {
  await waitFor(
    `the ${what} bridge`,
    () => handle.getAttribute('data-bridge-ready'),
    (v) => v === 'true',
  );
  const frame = await (await handle.elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no ${what} frame`);
  return frame;
}

/** The Forge frame of the n-th macro, once its bridge is up. */
export function macroFrame(page: Page, index = 0): Promise<Frame> {
  return readyFrame(macroIframe(page, index), 'macro');
}

/** The space index frame (the space page module), once its bridge is up. */
export function indexFrame(page: Page): Promise<Frame> {
  return readyFrame(page.locator('iframe.jm-space-page-frame'), 'index');
}

/**
 * Opens the page, inserts a macro when `insert` says so, picks a template in the macro's picker
 * (Awareness → Advocacy unless told) and answers the frame once its grid is drawn.
 */
export async function startMap(
  env: EditorEnv,
  page: Page,
  args: { pageId: string; insert?: boolean; template?: RegExp },
): Promise<Frame> {
  await openPage(env, page, args.pageId);
  if (args.insert) await page.getByTestId('insert-journey-map').click();
  const frame = await macroFrame(page);
  await frame.getByRole('button', { name: args.template ?? /Awareness → Advocacy/ }).click();
  await grid(frame).waitFor(WAIT);
  return frame;
}

/** Opens the page and answers the macro frame once its grid is drawn. */
export async function openEditor(env: EditorEnv, page: Page, pageId: string): Promise<Frame> {
  await openPage(env, page, pageId);
  const frame = await macroFrame(page);
  await grid(frame).waitFor(WAIT);
  return frame;
}

/**
 * One person on the page in their own browser context (kept in `contexts` for closing): the
 * page and its macro frame, the grid drawn.
 */
export async function openAs(args: {
  env: EditorEnv;
  accountId: string;
  pageId: string;
  contexts: BrowserContext[];
}): Promise<{ page: Page; frame: Frame }> {
  const ctx = await contextAs(args.env, args.accountId);
  args.contexts.push(ctx);
  const page = await ctx.newPage();
  const frame = await openEditor(args.env, page, args.pageId);
  return { page, frame };
}

/** Opens the card's text for editing (Enter on the focused card) and types without committing. */
export async function typeInto(frame: Frame, from: string, to: string): Promise<void> {
  const box = grid(frame).getByRole('textbox', { name: / text$/ });
  // A card that a live event re-renders between the focus and the Enter loses the focus (the
  // key reaches nothing), as it would for a person, who presses Enter again: so do we.
  const until = Date.now() + WAIT.timeout;
  for (;;) {
    await cardByText(frame, from).focus();
    await frame.page().keyboard.press('Enter');
    try {
      await box.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
  await box.fill(to);
}

/** The "Journey map" grid. */
export function grid(frame: Frame): Locator {
  return frame.getByRole('grid', { name: 'Journey map' });
}

/** The save status in the toolbar. */
export function saveStatus(frame: Frame): Locator {
  return frame.getByRole('toolbar', { name: 'Map tools' }).getByRole('status');
}

/** Waits until every edit is confirmed by the server. */
export async function waitSaved(frame: Frame): Promise<void> {
  await waitFor(
    '"Saved"',
    () => saveStatus(frame).textContent(),
    (t) => t === '✓ Saved',
  );
}

/** The cell of a lane (row header name) and step (column header name), found by the grid's positions. */
export async function cell(frame: Frame, lane: string, step: string): Promise<Locator> {
  const g = grid(frame);
  const rowPos = await g
    .getByRole('rowheader', { name: new RegExp(`^${escapeRe(lane)} lane`) })
    .first()
    .getAttribute('data-pos');
  const colPos = await g
    .getByRole('columnheader', { name: new RegExp(`^Step ${escapeRe(step)},`) })
    .first()
    .getAttribute('data-pos');
  const row = rowPos?.split(':')[0];
  const col = colPos?.split(':')[1];
  if (!row || !col) throw new Error(`no cell ${lane} × ${step}`);
  return g.locator(`[data-pos="${row}:${col}"]`);
}

/** The cards of a cell, in order, as "Kind: text" (the start of each card's accessible name). */
export async function cardsIn(frame: Frame, lane: string, step: string): Promise<string[]> {
  const c = await cell(frame, lane, step);
  const labels = await c
    .getByRole('group')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.split('. ')[0] ?? '');
}

/** A card by (the start of) its text, anywhere in the grid. */
export function cardByText(frame: Frame, text: string): Locator {
  return grid(frame).getByRole('group', { name: new RegExp(`: ${escapeRe(text)}\\.`) });
}

/** Adds a card through the cell's "Add card" button and types its text (Enter commits). */
export async function addCard(
  frame: Frame,
  args: { lane: string; step: string; text: string },
): Promise<void> {
  await frame.getByRole('button', { name: `Add card to ${args.lane}, ${args.step}` }).click();
  const box = grid(frame).getByRole('textbox', { name: / text$/ });
  await box.waitFor(WAIT);
  await box.fill(args.text);
  await box.press('Enter');
  await cardByText(frame, args.text).waitFor(WAIT);
}

/** Serious or critical axe violations (wcag2a/aa, wcag21a/aa) in the frame, as readable lines. */
export async function axeViolations(frame: Frame): Promise<{ serious: string[]; all: string[] }> {
  const hasAxe = await frame.evaluate(() => 'axe' in window);
  if (!hasAxe) await frame.evaluate(readFileSync(AXE, 'utf8'));
  type Result = {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  };
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(o: unknown): Promise<{ violations: Result[] }> } }
    ).axe;
    const res = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  const line = (v: Result) =>
    `${v.impact ?? '?'} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`;
  return {
    serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(line),
    all: violations.map(line),
  };
}

/** Screenshot of the macro iframe (the whole editor, however tall) to /tmp/e2e-editor-<name>.png. */
export async function shoot(page: Page, name: string, index = 0): Promise<void> {
  // A viewport as tall as the page: no scrolling, so the shell's sticky top bar and the grid's
  // sticky headers are drawn where they belong, not stitched over the editor.
  const before = page.viewportSize() ?? { width: 1440, height: 1000 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({
    width: before.width,
    height: Math.min(8_000, Math.max(height, 600)),
  });
  try {
    await macroIframe(page, index).screenshot({ path: `/tmp/e2e-editor-${name}.png` });
  } finally {
    await page.setViewportSize(before);
  }
}

/** Lets the frame render what the last input caused (two animation frames). */
export async function settle(frame: Frame): Promise<void> {
  await frame.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Switches the shell's theme and waits until the macro frame follows it. */
export async function setTheme(page: Page, frame: Frame, mode: 'light' | 'dark'): Promise<void> {
  if ((await page.getAttribute('html', 'data-color-mode')) !== mode) {
    await page.click('#jm-theme-toggle');
  }
  await waitFor(
    `the frame in ${mode} mode`,
    () => frame.getAttribute('html', 'data-color-mode'),
    (m) => m === mode,
  );
  // The token CSS for the mode is a lazy chunk: wait until it styles the page.
  await waitFor(
    'the theme tokens',
    () =>
      frame.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--ds-surface').trim(),
      ),
    (v) => v !== '',
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
