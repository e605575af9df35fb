/**
 * Live rows of issue 16, through the local host with the real built bundle (Realtime over SSE,
 * the real bridge and `@forge/realtime`):
 *   edit → visible: one person (Chromium context A) commits a card's text with Enter; the time
 *     until the text is in the other person's DOM (context B, a MutationObserver stamps it with
 *     the same wall clock), p50 / p95 over N edits a second apart, and where it goes (medians):
 *     Enter → `map/apply` starts (host invocation log), → the event reaches B's EventSource, →
 *     the text is in B's DOM;
 *   idle cost: function invocations (the host's invocation log) and REST calls (the emulator's
 *     request log) of the two open viewers over a timed window, per viewer per minute: while
 *     live, and on the fallback poll (the host refuses Realtime until both say "Not live");
 *   bytes per save at 5,000 cards: the `map/apply` answer plus the event others receive
 *     (bench world, real resolvers).
 * Browser-side code is passed as strings: tsx would otherwise inject helpers into functions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import type { Host } from '../../dev/host/index';
import { startHost } from '../../dev/host/index';
import { mapEvent } from '../../src/domain/live/map-event';
import { jsonByteLength } from '../../src/domain/codec';
import { launchBrowser } from '../../tests/support/browser';
import { generateMap } from '../../tests/support/generate-map';
import { createBenchWorld } from '../lib/bench-world';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';
import { createMapPage } from '../lib/seed-map';

/** The budget lines (docs/PERFORMANCE.md) these rows belong to. */
const WHAT = {
  edit: 'edit by one person → visible to another (Chromium)',
  invokes: 'function invocations per idle open viewer per minute',
  rest: 'REST calls per idle open viewer per minute',
  bytes: 'bytes per save at 5,000 cards',
} as const;
const CARD = 'Live bench card';
const TIMEOUT = 60_000;

/** Settings of {@link liveRows}: edits timed, and the idle windows (ms) live and on the poll. */
export type LiveSettings = { root: string; seed: number; edits: number } & {
  liveWindowMs: number;
  fallbackWindowMs: number;
} & { log: (message: string) => void };

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0;

async function macroFrame(host: Host, ctx: BrowserContext, pageId: string): Promise<Frame> {
  const page = await ctx.newPage();
  await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${pageId}`);
  const handle = page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first();
  await handle.waitFor({ timeout: TIMEOUT });
  for (let i = 0; i < 600 && (await handle.getAttribute('data-bridge-ready')) !== 'true'; i++) {
    await page.waitForTimeout(100);
  }
  const frame = await (await handle.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no macro frame');
  await frame.getByRole('grid', { name: 'Journey map' }).waitFor({ timeout: TIMEOUT });
  return frame;
}

async function badge(frame: Frame, text: string, timeout = TIMEOUT): Promise<void> {
  const end = Date.now() + timeout;
  while ((await frame.locator('.live-badge').textContent()) !== text) {
    if (Date.now() > end) throw new Error(`the live badge never said "${text}"`);
    await frame.waitForTimeout(100);
  }
}

/** Resolves (in the page) with Date.now() once a card shows `text`. */
function seenProbe(text: string): string {
  return `new Promise((resolve) => {
    const text = ${JSON.stringify(text)};
    const has = () => [...document.querySelectorAll('[data-card-id]')].some((c) => (c.textContent || '').includes(text));
    if (has()) return resolve(Date.now());
    const obs = new MutationObserver(() => { if (has()) { obs.disconnect(); resolve(Date.now()); } });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => resolve(-1), ${TIMEOUT});
  })`;
}

/** Stamps (in every frame) when an EventSource message arrives: `window.__jmLastEventAt`. */
const EVENT_STAMP = `(() => {
  const ES = window.EventSource;
  if (!ES || ES.__jmStamped) return;
  window.EventSource = class extends ES {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__jmLastEventAt = Date.now(); });
    }
  };
  window.EventSource.__jmStamped = true;
})()`;

/**
 * One edit's stages (ms from Enter): the save call starts, the host fans the event out, B hears
 * it, B shows it.
 */
type EditStages = { invoke: number; publish: number; event: number; seen: number };

/** Stamps each fan-out of the host's Realtime hub (the bench's own view; nothing else changes). */
function stampPublishes(host: Host): { last: () => number } {
  const hub = host.realtime;
  const publish = hub.publish.bind(hub);
  let last = 0;
  hub.publish = (key, payload) => {
    last = Date.now();
    return publish(key, payload);
  };
  return { last: () => last };
}

async function editLatencies(
  host: Host,
  [a, b]: [Frame, Frame],
  edits: number,
): Promise<{ samples: number[]; stages: EditStages[] }> {
  const out: number[] = [];
  const stages: EditStages[] = [];
  const published = stampPublishes(host);
  let current = CARD;
  for (let i = 1; i <= edits; i++) {
    const next = `${CARD} ${i}`;
    const card = a.getByRole('group', { name: new RegExp(`: ${current}\\.`) });
    await card.focus();
    await a.page().keyboard.press('Enter');
    const box = a
      .getByRole('grid', { name: 'Journey map' })
      .getByRole('textbox', { name: / text$/ });
    await box.fill(next);
    const seen = b.evaluate<number>(seenProbe(next));
    host.invocations.clear();
    const t0 = Date.now();
    await a.page().keyboard.press('Enter');
    const at = await seen;
    if (at < 0) throw new Error(`edit ${i} never became visible`);
    out.push(at - t0);
    const invokedAt = host.invocations.entries().find((e) => e.key === 'map/apply')?.at ?? t0;
    const eventAt = await b.evaluate<number>('window.__jmLastEventAt || 0');
    stages.push({
      invoke: invokedAt - t0,
      publish: published.last() - t0,
      event: eventAt - t0,
      seen: at - t0,
    });
    current = next;
    await a.waitForTimeout(1_000);
  }
  return { samples: out, stages };
}

/** "save call starts 40 ms, host publishes 90 ms, event at B …" (medians of the stages). */
function stagesText(stages: readonly EditStages[]): string {
  const median = (pick: (s: EditStages) => number) =>
    percentile(
      [...stages.map(pick)].sort((x, y) => x - y),
      0.5,
    );
  return `medians from Enter: save call starts ${median((s) => s.invoke)} ms, host publishes ${median((s) => s.publish)} ms, event at B ${median((s) => s.event)} ms, shown at B ${median((s) => s.seen)} ms`;
}

/** Invocations and REST calls of the open viewers over `ms`, per viewer per minute. */
async function idleCost(host: Host, viewers: number, ms: number) {
  host.invocations.clear();
  host.emulator.log.clear();
  await new Promise((r) => setTimeout(r, ms));
  const invocations = host.invocations.entries();
  const rest = host.emulator.log.entries();
  const perMinute = (n: number) => (n / viewers) * (60_000 / ms);
  return {
    invocations: invocations.length,
    rest: rest.length,
    keys: [...new Set(invocations.map((e) => e.key))],
    invocationsPerMinute: perMinute(invocations.length),
    restPerMinute: perMinute(rest.length),
  };
}

async function browserLiveRows(settings: LiveSettings): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jm-bench-live-'));
  const open: { host?: Host; browser?: Browser } = {};
  const main = path.join(settings.root, 'static/app/build');
  try {
    const host = await startHost({
      port: 0,
      dataDir,
      seed: false,
      rootDir: settings.root,
      resources: { main },
    });
    open.host = host;
    const map = generateMap({ cards: 300, seed: settings.seed });
    const lane = map.lanes.find((l) => !l.hidden);
    const first = map.cards.find((c) => c.laneId === lane?.id && c.stepId === map.steps[0]?.id);
    if (!first) throw new Error('no card in the first cell');
    first.text = CARD;
    const pageId = await createMapPage({
      emulator: host.emulator,
      title: 'Live bench',
      localId: 'live-bench',
      map,
    });
    const browser = await launchBrowser();
    open.browser = browser;
    const frames: Frame[] = [];
    for (const who of ['acc-editor', 'acc-admin']) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript({ content: EVENT_STAMP });
      await ctx.addCookies([{ name: 'jm_user', value: who, url: host.url }]);
      frames.push(await macroFrame(host, ctx, pageId));
    }
    const [a, b] = frames as [Frame, Frame];
    for (const f of frames) await badge(f, 'Live');
    settings.log(`live: ${settings.edits} edits → visible`);
    const { samples, stages } = await editLatencies(host, [a, b], settings.edits);
    const sorted = [...samples].sort((x, y) => x - y);
    const p50 = percentile(sorted, 0.5);
    const p95 = percentile(sorted, 0.95);
    const rows: Row[] = [
      {
        what: WHAT.edit,
        variant: `300 cards, ${samples.length} edits`,
        budget: 'p95 ≤ 300 ms',
        measured: `p50 ${p50} ms, p95 ${p95} ms (${samples.join(', ')}); ${stagesText(stages)}`,
        verdict: p95 <= 300 ? 'pass' : 'fail',
        data: { samples, p50, p95, stages },
      },
    ];
    settings.log(`live: idle ${settings.liveWindowMs / 1000} s with Realtime`);
    const live = await idleCost(host, frames.length, settings.liveWindowMs);
    host.realtime.dropAll(10 * 60_000);
    for (const f of frames) await badge(f, 'Not live');
    settings.log(`live: idle ${settings.fallbackWindowMs / 1000} s on the fallback poll`);
    const fallback = await idleCost(host, frames.length, settings.fallbackWindowMs);
    const window = (ms: number) =>
      `${frames.length} viewers, ${ms / 1000} s window scaled to 1 min`;
    const fmt = (n: number) => n.toFixed(2);
    for (const [variant, cost, goal, ms] of [
      ['with Realtime', live, 0, settings.liveWindowMs],
      ['fallback poll (Realtime refused)', fallback, 2, settings.fallbackWindowMs],
    ] as const) {
      rows.push({
        what: WHAT.invokes,
        variant,
        budget: goal === 0 ? '0' : `≤ ${goal}`,
        measured: `${fmt(cost.invocationsPerMinute)} (${cost.invocations} in ${window(ms)}${cost.keys.length ? `: ${cost.keys.join(', ')}` : ''})`,
        verdict: cost.invocationsPerMinute <= goal ? 'pass' : 'fail',
        data: { ...cost },
      });
      rows.push({
        what: WHAT.rest,
        variant,
        budget: goal === 0 ? '0' : `≤ ${goal}`,
        measured: `${fmt(cost.restPerMinute)} (${cost.rest} in ${window(ms)})`,
        verdict: cost.restPerMinute <= goal ? 'pass' : 'fail',
        data: { ...cost },
      });
    }
    return rows;
  } finally {
    await open.browser?.close();
    await open.host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function bytesPerSaveRow(seed: number): Promise<Row> {
  const world = await createBenchWorld();
  try {
    const cards = 5000;
    const map = generateMap({ cards, seed });
    const at = { pageId: '', localId: 'live-5000' };
    at.pageId = await createMapPage({ emulator: world.emulator, title: 'Live 5000', ...at, map });
    const load = await world.measure('map/load', at);
    if (!load.result.ok) throw new Error(load.result.error.message);
    const card = map.cards[Math.floor(cards / 2)];
    if (!card) throw new Error('no card');
    const ops = [{ type: 'card/edit' as const, id: card.id, patch: { text: 'Edited live.' } }];
    const applied = await world.measure('map/apply', {
      ...at,
      baseVersion: load.result.data.version,
      batchId: crypto.randomUUID(),
      ops,
    });
    if (!applied.result.ok) throw new Error(applied.result.error.message);
    const event = mapEvent({
      version: applied.result.data.version,
      batchId: crypto.randomUUID(),
      author: 'acc-editor',
      ops,
      overwritten: [],
      updatedAt: new Date().toISOString(),
    });
    const eventBytes = jsonByteLength(event);
    const opsBytes = jsonByteLength(ops);
    const answer = applied.responseBytes;
    return {
      what: WHAT.bytes,
      variant: 'one card edit',
      budget: '≤ 5 KB plus the ops',
      measured: `${answer} B map/apply answer + ${eventBytes} B event to each viewer (ops ${opsBytes} B; map/load ${(load.responseBytes / 1024).toFixed(0)} KB)`,
      verdict: answer - opsBytes <= 5_000 && eventBytes - opsBytes <= 5_000 ? 'pass' : 'fail',
      data: { answer, eventBytes, opsBytes, loadBytes: load.responseBytes },
    };
  } finally {
    await world.close();
  }
}

/** The live rows (see the file comment). */
export async function liveRows(settings: LiveSettings): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    rows.push(...(await browserLiveRows(settings)));
  } catch (error) {
    rows.push(notMeasured({ what: WHAT.edit, budget: 'p95 ≤ 300 ms', reason: reasonOf(error) }));
  }
  try {
    rows.push(await bytesPerSaveRow(settings.seed));
  } catch (error) {
    rows.push(
      notMeasured({ what: WHAT.bytes, budget: '≤ 5 KB plus the ops', reason: reasonOf(error) }),
    );
  }
  return rows;
}
