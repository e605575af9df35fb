/**
 * Chromium rows of issue 15 for edits, in the local host with the real built bundle, on a page
 * holding one macro with a generated map (viewport 1280 × 900, as Avery Admin):
 *   commit → settled: a card's inline editor open with 6 letters typed, from the Enter keydown's
 *     `timeStamp` (in the macro frame) to the toolbar's save status reading "✓ Saved" again
 *     after it had changed (the edit sent after the sync debounce, `map/apply` answered and
 *     applied): what a person waits for before the edit is safe;
 *   drop → moved / settled: a card dragged with real pointer events (press on a point where the
 *     card is topmost, move, release on a point where the target cell is topmost: not under the
 *     sticky header or the minimap; native drag and drop) to the next step's cell of its lane
 *     and back, one drop per run, from the `drop` event's `timeStamp` to the card's element being in the
 *     target cell (moved), and to "✓ Saved" again (settled).
 * Browser-side code is passed as strings: tsx would otherwise inject helpers into functions.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import type { Host } from '../../dev/host/index';
import { generateMap } from '../../tests/support/generate-map';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';
import { createMapPage } from '../lib/seed-map';
import { formatMs, spread } from '../lib/stats';

const COMMIT = 'commit an edit → settled, incl. the server (Chromium)';
const DROP = 'drop a card → moved / settled (Chromium)';
const FRAME_SELECTOR = 'iframe.jm-forge-frame[data-frame-id^="macro-"]';
const TIMEOUT = 60_000;

/** Records, in the macro frame, the last Enter / drop and when the status reads Saved again. */
const SETTLE_PROBE = `(() => {
  if (window === window.top || window.__jmSettle) return;
  const s = (window.__jmSettle = { start: 0, moved: 0, saved: 0, left: false, watch: null, last: '', log: [] });
  const status = () => document.querySelector('[role="toolbar"] [role="status"]')?.textContent ?? '';
  const check = () => {
    if (!s.start) return;
    const now = performance.now();
    if (s.watch && !s.moved) {
      const els = document.querySelectorAll('[data-card-id="' + s.watch.card + '"]');
      if ([...els].some((el) => el.closest('td')?.dataset.pos === s.watch.pos)) s.moved = now;
    }
    const text = status();
    if (text !== s.last) { s.last = text; s.log.push(Math.round(now - s.start) + ' ' + text); }
    if (text !== '✓ Saved') s.left = true;
    else if (s.left && !s.saved) s.saved = now;
  };
  addEventListener('keydown', (e) => { if (e.key === 'Enter') { s.start = e.timeStamp; s.left = false; s.saved = 0; } }, true);
  addEventListener('drop', (e) => { s.start = e.timeStamp; s.left = false; s.saved = 0; s.moved = 0; }, true);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Browser code: a point (frame coordinates) where the element `sel` is the topmost thing, i.e. not
 * under the grid's sticky step header, lane column or the minimap (a cell can be taller than
 * the view and start above it) and inside the top window (`view`: its edges in frame
 * coordinates); null when no such point is in view.
 */
const VISIBLE_POINT = (sel: string, view: { bottom: number; right: number }): string => `(() => {
  const el = document.querySelector(${JSON.stringify(sel)});
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const s = document.querySelector('.grid-scroller')?.getBoundingClientRect() ?? r;
  const top = Math.max(r.top, s.top, 0), bottom = Math.min(r.bottom, s.bottom, innerHeight, ${view.bottom});
  const left = Math.max(r.left, s.left, 0), right = Math.min(r.right, s.right, innerWidth, ${view.right});
  for (let y = top + 12; y < bottom - 4; y += 16) {
    for (const x of [(left + right) / 2, left + 16, right - 16]) {
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) return { x, y };
    }
  }
  return null;
})()`;

/**
 * A point in page coordinates on the element `selector` of the macro frame, scrolled into the
 * grid's middle first when no part of it can be hit.
 */
async function pointOn(args: {
  frame: Frame;
  page: Page;
  selector: string;
}): Promise<{ x: number; y: number }> {
  const { frame, page, selector } = args;
  const frameBox = () =>
    page
      .locator(FRAME_SELECTOR)
      .first()
      .evaluate((f) => {
        const b = f.getBoundingClientRect();
        return { x: b.left + f.clientLeft, y: b.top + f.clientTop, w: innerWidth, h: innerHeight };
      });
  const find = async () => {
    const b = await frameBox();
    const view = { bottom: b.h - b.y, right: b.w - b.x };
    const at = await frame.evaluate<{ x: number; y: number } | null>(VISIBLE_POINT(selector, view));
    return at ? { x: b.x + at.x, y: b.y + at.y } : null;
  };
  let at = await find();
  if (!at) {
    await frame
      .locator(selector)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    at = await find();
  }
  if (!at) throw new Error(`no visible point on ${selector}`);
  return at;
}

type Settle = { start: number; moved: number; saved: number };

async function settled(frame: Frame, needMoved: boolean): Promise<Settle> {
  const until = Date.now() + TIMEOUT;
  for (;;) {
    const s = await frame.evaluate<Settle>('window.__jmSettle');
    if (s.start && s.saved && (!needMoved || s.moved)) return s;
    if (Date.now() > until) {
      const where = await frame.evaluate<string>(
        "[...document.querySelectorAll('[data-card-id=\"' + window.__jmSettle.watch?.card + '\"]')].map((e) => e.closest('td')?.dataset.pos).join(',')",
      );
      throw new Error(`not settled: ${JSON.stringify(s)}; card at ${where}`);
    }
    await sleep(25);
  }
}

/** Commit and drop rows at `cards`. */
export async function settleRows(args: {
  browser: Browser;
  host: Host;
  cards: number;
  seed: number;
  runs: number;
  log: (m: string) => void;
}): Promise<Row[]> {
  const variant = `${args.cards.toLocaleString('en')} cards`;
  const ctx = await args.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const rows: Row[] = [];
  try {
    args.log(`commit / drop → settled: ${args.cards} cards`);
    await ctx.addInitScript(SETTLE_PROBE);
    await ctx.addCookies([{ name: 'jm_user', value: 'acc-admin', url: args.host.url }]);
    const pageId = await createMapPage({
      emulator: args.host.emulator,
      title: `Settle ${args.cards}`,
      localId: `settle-${args.cards}`,
      map: generateMap({ cards: args.cards, seed: args.seed }),
      accountId: 'acc-admin',
    });
    const page = await ctx.newPage();
    await page.goto(`${args.host.url}/wiki/pages/viewpage.action?pageId=${pageId}`);
    const handle = await page.locator(FRAME_SELECTOR).first().elementHandle({ timeout: TIMEOUT });
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('the macro iframe has no frame');
    const grid = frame.getByRole('grid');
    await grid.waitFor({ timeout: TIMEOUT });
    const status = frame.locator('[role="toolbar"] [role="status"]').first();
    const waitSaved = async () => {
      const until = Date.now() + TIMEOUT;
      while ((await status.textContent()) !== '✓ Saved') {
        if (Date.now() > until) throw new Error('never saved');
        await sleep(50);
      }
    };

    const commits: number[] = [];
    for (let run = 0; run <= args.runs; run++) {
      const card = grid.locator('[data-card-id]').first();
      await card.locator('.card-text').dblclick({ timeout: TIMEOUT });
      await card.getByRole('textbox').waitFor({ timeout: TIMEOUT });
      await page.keyboard.type(`r${run}abcd`, { delay: 60 });
      await page.keyboard.press('Enter');
      const s = await settled(frame, false);
      if (run > 0) commits.push(s.saved - s.start); // run 0 warms up
      await waitSaved();
    }

    const c = spread(commits);
    rows.push({
      what: COMMIT,
      variant,
      budget: '(info)',
      measured: formatMs(c),
      verdict: 'info',
      data: c,
    });

    const moved: number[] = [];
    const saved: number[] = [];
    try {
      // The first card of the first card lane, to the next step's cell and back again (the same
      // card every run, so each drop really moves it).
      const first = grid.locator('td.cell [data-card-id]').first();
      const cardId = await first.getAttribute('data-card-id');
      const pos = await first.evaluate((el) => el.closest('td')?.dataset.pos ?? '');
      const [row = '0', col = '0'] = pos.split(':');
      for (let run = 0; run <= args.runs; run++) {
        const targetPos = `${row}:${Number(col) + (run % 2 === 0 ? 1 : 0)}`;
        const now = await grid
          .locator(`[data-card-id="${cardId}"]`)
          .first()
          .evaluate((el) => el.closest('td')?.dataset.pos ?? '');
        if (now === targetPos) throw new Error(`card ${cardId} is already in ${targetPos}`);
        await frame.evaluate(
          `window.__jmSettle.watch = { card: ${JSON.stringify(cardId)}, pos: ${JSON.stringify(targetPos)} }`,
        );
        const start = await pointOn({ frame, page, selector: `[data-card-id="${cardId}"]` });
        const end = await pointOn({ frame, page, selector: `td[data-pos="${targetPos}"]` });
        // Real pointer events: press on the card, move past the drag threshold, then to the cell.
        await page.mouse.move(start.x, start.y);
        await page.mouse.down();
        await page.mouse.move(start.x + 8, start.y + 8, { steps: 2 });
        await page.mouse.move(end.x, end.y, { steps: 8 });
        await page.mouse.up();
        const s = await settled(frame, true);
        if (run > 0) {
          moved.push(s.moved - s.start);
          saved.push(s.saved - s.start);
        }
        await frame.evaluate('window.__jmSettle.watch = null');
        await waitSaved();
      }
      const m = spread(moved);
      const d = spread(saved);
      rows.push({
        what: DROP,
        variant,
        budget: '(info)',
        measured: `moved ${formatMs(m)}; settled ${formatMs(d)}`,
        verdict: 'info',
        data: { moved: m, settled: d },
      });
    } catch (error) {
      rows.push(notMeasured({ what: DROP, variant, budget: '(info)', reason: reasonOf(error) }));
    }
    return rows;
  } catch (error) {
    return [
      ...rows,
      notMeasured({ what: COMMIT, variant, budget: '(info)', reason: reasonOf(error) }),
    ];
  } finally {
    await ctx.close();
  }
}
