/**
 * Chromium rows (budgets: docs/PERFORMANCE.md): the real built bundle in the local Forge host, measured
 * inside the macro iframe with the Performance API.
 *   first render: the app's marks `cjm:map-loaded` (map/load answered, editor code loaded) and
 *     `cjm:grid-painted` (a frame after the grid mounted), and the resource timing of the
 *     initial scripts (bundle loaded). Big maps render only the cells in view (windowing), so a
 *     probe snapshots the grid at the paint mark: the view must be filled (no spacer in it).
 *   edit: keystrokes in a card's inline editor and the Enter that commits the edit, each from the
 *     event's timeStamp to the next paint, Event Timing's duration when it reports (≥ 16 ms).
 * Browser-side code is passed as strings: tsx would otherwise inject helpers into functions.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Host } from '../../dev/host/index';
import { startHost } from '../../dev/host/index';
import { launchBrowser } from '../../tests/support/browser';
import { initialScripts } from '../../tests/support/bundle-size';
import { generateMap } from '../../tests/support/generate-map';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';
import { createMapPage } from '../lib/seed-map';
import type { Spread } from '../lib/stats';
import { formatMs, spread } from '../lib/stats';
import { settleRows } from './settle';
import { wholeMapRows } from './whole-map';

const RENDER = 'first render after the bundle loads (Chromium)';
const RENDER_FULL = 'bundle loaded → grid painted, incl. local map/load';
const EDIT = 'edit a card, input to paint (Chromium)';
const FRAME_SELECTOR = 'iframe.jm-forge-frame[data-frame-id^="macro-"]';
const TIMEOUT = 45_000;

/** Settings of the browser suite. */
export type BrowserOptions = {
  root: string;
  /** The built resource served to the browser (a snapshot: see {@link snapshotBuild}). */
  buildDir: string;
  renderSizes: readonly number[];
  editSize: number;
  /** Smaller maps timed the same way, to show the floor of input-to-paint on this machine. */
  editBaselineSizes: readonly number[];
  /** Sizes of the whole-map rows (issue 15); empty to skip them. */
  wholeMapSizes?: readonly number[];
  /** Added to every request of the whole-map rows' second pass (ms). */
  latencyMs?: number;
  /** Only the whole-map and settle rows (`--only=whole` / `--only=settle`). */
  wholeOnly?: boolean;
  /** Map size of the commit / drop → settled rows (issue 15); absent to skip them. */
  settleSize?: number;
  seed: number;
  runs: number;
  keystrokes: number;
  log: (m: string) => void;
};

/** What one page load measured, in ms relative to the frame's time origin. */
type LoadMarks = {
  bundleLoaded: number | null;
  mapLoaded: number | null;
  gridMounted: number | null;
  gridPainted: number | null;
  /** The grid as painted (snapshot taken at the `cjm:grid-painted` mark). */
  atPaint: PaintProbe | null;
};

/** What the grid held when the paint mark was set. */
type PaintProbe = {
  /** Cards in the DOM. */
  cards: number;
  /** Cards inside the scroller's visible box. */
  cardsInView: number;
  /** Spacers (stand-ins for rows / columns not rendered) inside the visible box: must be 0. */
  blanksInView: number;
};

/**
 * Installed in every frame before any script: when the app sets `cjm:grid-painted` (in a task
 * right after the frame that painted the grid, before anything else changes the DOM), it
 * records what that frame showed, so "painted" means "the view is filled with its cards".
 */
const PAINT_PROBE = `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    if (name === 'cjm:grid-painted') {
      const scroller = document.querySelector('.grid-scroller');
      const view = scroller ? scroller.getBoundingClientRect() : null;
      const inView = (el) => {
        if (!view) return false;
        const r = el.getBoundingClientRect();
        const w = Math.min(r.right, view.right) - Math.max(r.left, view.left);
        const h = Math.min(r.bottom, view.bottom) - Math.max(r.top, view.top);
        return w > 1 && h > 1;
      };
      const cards = [...document.querySelectorAll('[data-card-id]')];
      window.__jmPaint = {
        cards: cards.length,
        cardsInView: cards.filter(inView).length,
        blanksInView: [...document.querySelectorAll('.grid-gap, .grid-spacer')].filter(inView).length,
      };
    }
    return mark(name, options);
  };
})()`;

const PAINTED_OR_FAILED =
  "performance.getEntriesByName('cjm:grid-painted').length > 0 || !!document.querySelector('[role=alert]')";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function macroFrame(page: Page): Promise<Frame> {
  const handle = page.locator(FRAME_SELECTOR).first();
  await handle.waitFor({ state: 'attached', timeout: TIMEOUT });
  const element = await handle.elementHandle({ timeout: TIMEOUT });
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('the macro iframe has no frame');
  return frame;
}

async function openMap(ctx: BrowserContext, url: string): Promise<{ page: Page; frame: Frame }> {
  const page = await ctx.newPage();
  const res = await page.goto(url, { timeout: TIMEOUT });
  if (res?.status() !== 200) throw new Error(`GET ${url} → ${res?.status()}`);
  const frame = await macroFrame(page);
  // Polled from here: waitForFunction would eval inside the frame, which its CSP forbids.
  const until = Date.now() + TIMEOUT;
  while (!(await frame.evaluate<boolean>(PAINTED_OR_FAILED))) {
    if (Date.now() > until) {
      const seen = await frame.evaluate<string>(
        "performance.getEntriesByType('mark').map((m) => m.name).join(',') + ' | ' + document.body.innerText.slice(0, 160).replace(/\\s+/g, ' ')",
      );
      throw new Error(`the grid did not paint within ${TIMEOUT} ms (marks, text: ${seen})`);
    }
    await sleep(50);
  }
  return { page, frame };
}

/**
 * The page's marks; "bundle loaded" is the last responseEnd of the build's initial scripts (the
 * entry and its modulepreloads, named by the built index.html, not the chunks loaded later).
 */
async function readMarks(frame: Frame, scripts: readonly string[]): Promise<LoadMarks> {
  return await frame.evaluate<LoadMarks>(`(() => {
    const scripts = ${JSON.stringify(scripts)};
    const mark = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : null; };
    const loaded = performance.getEntriesByType('resource')
      .filter((e) => scripts.some((s) => e.name.split('?')[0].endsWith('/' + s)))
      .map((e) => e.responseEnd);
    return {
      bundleLoaded: scripts.length > 0 && loaded.length === scripts.length ? Math.max(...loaded) : null,
      mapLoaded: mark('cjm:map-loaded'),
      gridMounted: mark('cjm:grid-mounted'),
      gridPainted: mark('cjm:grid-painted'),
      atPaint: window.__jmPaint ?? null,
    };
  })()`);
}

async function renderRows(args: {
  ctx: BrowserContext;
  host: Host;
  options: BrowserOptions;
}): Promise<Row[]> {
  const { ctx, host, options } = args;
  const rows: Row[] = [];
  for (const cards of options.renderSizes) {
    options.log(`first render: ${cards} cards`);
    const judged = cards === 300;
    const variant = `${cards.toLocaleString('en')} cards`;
    const budget = judged ? '≤ 150 ms' : '(≤ 150 ms at 300)';
    try {
      const pageId = await createMapPage({
        emulator: host.emulator,
        title: `First render ${cards}`,
        localId: `render-${cards}`,
        map: generateMap({ cards, seed: options.seed }),
        accountId: 'acc-admin',
      });
      const url = `${host.url}/wiki/pages/viewpage.action?pageId=${pageId}`;
      const render: number[] = [];
      const full: number[] = [];
      const mount: number[] = [];
      const rendered: number[] = [];
      // One untimed load warms the host (resolver module, emulator caches) and the HTTP cache.
      for (let run = 0; run <= options.runs; run++) {
        const scripts = initialScripts(options.buildDir);
        const { page, frame } = await openMap(ctx, url);
        const m = await readMarks(frame, scripts);
        await page.close();
        if (m.gridPainted === null || m.mapLoaded === null || m.bundleLoaded === null) {
          throw new Error(`marks missing: ${JSON.stringify(m)}`);
        }
        const p = m.atPaint;
        if (!p) throw new Error('the paint probe did not run');
        if (p.blanksInView > 0 || p.cardsInView === 0) {
          throw new Error(`the first paint did not fill the view: ${JSON.stringify(p)}`);
        }
        if (run === 0) continue;
        rendered.push(p.cards);
        render.push(m.gridPainted - m.mapLoaded);
        if (m.gridMounted !== null) mount.push(m.gridMounted - m.mapLoaded);
        full.push(m.gridPainted - m.bundleLoaded);
      }
      const r = spread(render);
      const f = spread(full);
      const mounted = mount.length > 0 ? spread(mount) : null;
      rows.push({
        what: RENDER,
        variant: `${variant}: map data in hand → grid painted`,
        budget,
        measured: `${formatMs(r)}, ${r.runs} runs; ${Math.max(...rendered)} cards rendered`,
        verdict: judged ? (r.median <= 150 ? 'pass' : 'fail') : 'info',
        data: {
          render: r,
          renderSamples: render,
          mounted,
          mountSamples: mount,
          cardsRendered: rendered,
        },
      });
      rows.push({
        what: RENDER_FULL,
        variant,
        budget: '—',
        measured: `${formatMs(f)}, ${f.runs} runs`,
        verdict: 'info',
        data: { full: f, fullSamples: full },
      });
    } catch (error) {
      rows.push(notMeasured({ what: RENDER, variant, budget, reason: reasonOf(error) }));
    }
  }
  return rows;
}

/** Installs the keystroke recorder and an Event Timing observer in the frame. */
const RECORDER = `(() => {
  const bench = { keys: [], events: [] };
  window.__jmBench = bench;
  document.addEventListener('keydown', (e) => {
    const rec = { key: e.key, start: e.timeStamp, end: 0 };
    bench.keys.push(rec);
    // The frame after the handlers ran, then a task after its paint.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { rec.end = performance.now(); };
      ch.port2.postMessage(0);
    });
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.events.push({ name: e.name, start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    bench.eventTiming = true;
  } catch (err) {
    bench.eventTiming = false;
  }
  return bench.eventTiming;
})()`;

type KeyRecord = { key: string; start: number; end: number };
type EventRecord = { name: string; start: number; duration: number };
const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);

/** Per keystroke: Event Timing's duration when it reported one (≥ 16 ms), else rAF-measured. */
function latencies(keys: readonly KeyRecord[], events: readonly EventRecord[]) {
  return keys.map((k, i) => {
    const until = keys[i + 1]?.start ?? k.start + 2_000;
    const slow = events.filter(
      (e) => KEY_EVENTS.has(e.name) && e.start >= k.start - 0.5 && e.start < until - 0.5,
    );
    const eventTiming = slow.length > 0 ? Math.max(...slow.map((e) => e.duration)) : null;
    const frame = k.end > 0 ? k.end - k.start : null;
    return { key: k.key, eventTiming, frame, value: eventTiming ?? frame };
  });
}

async function editRows(args: {
  ctx: BrowserContext;
  host: Host;
  options: BrowserOptions;
  size: number;
}): Promise<Row[]> {
  const { ctx, host, options, size } = args;
  const judged = size === options.editSize;
  options.log(`edit latency: ${size} cards`);
  const map = generateMap({ cards: size, seed: options.seed });
  const pageId = await createMapPage({
    emulator: host.emulator,
    title: `Edit latency ${size}`,
    localId: `edit-${size}`,
    map,
    accountId: 'acc-admin',
  });
  const { page, frame } = await openMap(
    ctx,
    `${host.url}/wiki/pages/viewpage.action?pageId=${pageId}`,
  );
  try {
    const eventTiming = await frame.evaluate<boolean>(RECORDER);
    const targets = map.cards.filter((c) => c.kind === 'action').slice(0, options.runs + 1);
    const typing: ReturnType<typeof latencies> = [];
    const commits: ReturnType<typeof latencies> = [];
    const letters = 'journey map bench'.replace(/ /g, '').slice(0, options.keystrokes);
    for (const [run, card] of targets.entries()) {
      const cardEl = frame.locator(`[data-card-id="${card.id}"]`);
      await bringIntoView(frame, card.id);
      await cardEl.scrollIntoViewIfNeeded({ timeout: TIMEOUT });
      await cardEl.locator('.card-text').dblclick({ timeout: TIMEOUT });
      await cardEl.locator('textarea').waitFor({ timeout: TIMEOUT });
      await sleep(300);
      await frame.evaluate('window.__jmBench.keys.length = 0; window.__jmBench.events.length = 0');
      await page.keyboard.type(letters, { delay: 120 });
      await sleep(200);
      await page.keyboard.press('Enter');
      await cardEl.locator('textarea').waitFor({ state: 'detached', timeout: TIMEOUT });
      // Let the save round-trip and its re-render settle before the next run.
      await sleep(800);
      const recorded = await frame.evaluate<{ keys: KeyRecord[]; events: EventRecord[] }>(
        'window.__jmBench',
      );
      const all = latencies(recorded.keys, recorded.events);
      if (run === 0) continue; // warm-up
      typing.push(...all.filter((l) => l.key !== 'Enter'));
      commits.push(...all.filter((l) => l.key === 'Enter'));
    }
    const text = await frame
      .locator(`[data-card-id="${targets[1]?.id ?? ''}"] .card-text`)
      .textContent();
    if (!text?.includes(letters)) throw new Error(`the edit did not land (card text: ${text})`);
    const row = (variant: string, list: ReturnType<typeof latencies>): Row => {
      const values = list.flatMap((l) => (l.value === null ? [] : [l.value]));
      const s: Spread = spread(values);
      const reported = list.filter((l) => l.eventTiming !== null).length;
      return {
        what: EDIT,
        variant: `${size.toLocaleString('en')} cards: ${variant}`,
        budget: judged ? '≤ 16 ms median' : '(baseline)',
        measured:
          `${formatMs(s)}, ${s.runs} samples; Event Timing ≥ 16 ms on ${reported}` +
          (eventTiming ? '' : ' (Event Timing unavailable)'),
        verdict: judged ? (s.median <= 16 ? 'pass' : 'fail') : 'info',
        data: { ...s, eventTimingReported: reported, samples: list },
      };
    };
    return [
      row(`typing in the card editor (${options.runs} runs × ${letters.length} keys)`, typing),
      row(`Enter commits the edit to the map (${options.runs} runs)`, commits),
    ];
  } finally {
    await page.close();
  }
}

/**
 * Scrolls the grid until a card is rendered (big maps render only the cells in view): sweeps
 * the scroller down, then across, half a view at a time, like a person looking for it.
 */
async function bringIntoView(frame: Frame, cardId: string): Promise<void> {
  const selector = JSON.stringify(`[data-card-id="${cardId}"]`);
  for (let step = 0; step < 400; step++) {
    const found = await frame.evaluate<boolean>(`(() => {
      if (document.querySelector(${selector})) return true;
      const s = document.querySelector('.grid-scroller');
      if (!s) return false;
      const down = s.scrollTop + s.clientHeight < s.scrollHeight - 1;
      if (down) s.scrollTop += s.clientHeight / 2;
      else { s.scrollTop = 0; s.scrollLeft += s.clientWidth / 2; }
      return false;
    })()`);
    if (found) return;
    await sleep(50);
  }
  throw new Error(`card ${cardId} never rendered while scrolling the grid`);
}

/**
 * Copies static/app/build to a temporary directory, so a rebuild running at the same time (it
 * empties the directory first) cannot break or change the bundle halfway through the bench.
 */
async function snapshotBuild(root: string): Promise<string> {
  const source = path.join(root, 'static/app/build');
  for (let attempt = 0; attempt < 20; attempt++) {
    if (existsSync(path.join(source, 'index.html'))) {
      const dir = mkdtempSync(path.join(tmpdir(), 'jm-bench-build-'));
      try {
        cpSync(source, dir, { recursive: true });
        initialScripts(dir).forEach((f) => {
          if (!existsSync(path.join(dir, f))) throw new Error(`${f} missing`);
        });
        return dir;
      } catch {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    await sleep(1_000);
  }
  throw new Error('no complete build in static/app/build: run `npm run build:ui`');
}

/** Runs the Chromium rows; returns them and the browser version. */
export async function browserRows(
  settings: Omit<BrowserOptions, 'buildDir'>,
): Promise<{ rows: Row[]; chromium: string | null }> {
  let buildDir: string;
  try {
    buildDir = await snapshotBuild(settings.root);
  } catch (error) {
    const reason = reasonOf(error);
    return {
      rows: [
        notMeasured({ what: RENDER, budget: '≤ 150 ms', reason }),
        notMeasured({ what: EDIT, budget: '≤ 16 ms median', reason }),
      ],
      chromium: null,
    };
  }
  const options: BrowserOptions = { ...settings, buildDir };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jm-bench-host-'));
  let host: Host | null = null;
  let browser: Browser | null = null;
  const rows: Row[] = [];
  let chromium: string | null = null;
  try {
    host = await startHost({
      port: 0,
      dataDir,
      seed: false,
      rootDir: options.root,
      resources: { main: buildDir },
    });
    browser = await launchBrowser();
    chromium = browser.version();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(PAINT_PROBE);
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: host.url }]);
    if (options.wholeMapSizes?.length) {
      rows.push(
        ...(await wholeMapRows({
          browser,
          host,
          buildDir,
          sizes: options.wholeMapSizes,
          seed: options.seed,
          runs: options.runs,
          latencyMs: options.latencyMs ?? 300,
          log: options.log,
        })),
      );
    }
    if (options.settleSize) {
      rows.push(
        ...(await settleRows({
          browser,
          host,
          cards: options.settleSize,
          seed: options.seed,
          runs: options.runs,
          log: options.log,
        })),
      );
    }
    if (!options.wholeOnly) rows.push(...(await renderRows({ ctx, host, options })));
    for (const size of options.wholeOnly ? [] : [options.editSize, ...options.editBaselineSizes]) {
      try {
        rows.push(...(await editRows({ ctx, host, options, size })));
      } catch (error) {
        rows.push(
          notMeasured({
            what: EDIT,
            variant: `${size.toLocaleString('en')} cards`,
            budget: size === options.editSize ? '≤ 16 ms median' : '(baseline)',
            reason: reasonOf(error),
          }),
        );
      }
    }
    await ctx.close();
  } catch (error) {
    rows.push(notMeasured({ what: RENDER, budget: '≤ 150 ms', reason: reasonOf(error) }));
  } finally {
    await browser?.close();
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  }
  return { rows, chromium };
}
