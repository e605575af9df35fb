/**
 * The largest map that saves (budget: docs/PERFORMANCE.md): a generated map is written through the app's
 * save path, then loaded and edited through the REAL `map/load` and `map/apply` (which re-encode
 * and rewrite the whole map), then re-read. A size "saves" when all of that
 * succeeds, the edit survives, and every answer stays inside Forge's limits (response ≤ 5 MB,
 * payload ≤ 500 KB, runtime ≤ 25 s).
 */
import { generateMap } from '../../tests/support/generate-map';
import { createBenchWorld } from '../lib/bench-world';
import type { Row } from '../lib/rows';
import { reasonOf } from '../lib/rows';
import { createMapPage } from '../lib/seed-map';

const WHAT = 'largest map that saves';
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const MAX_PAYLOAD_BYTES = 500 * 1024;
const MAX_RUNTIME_MS = 25_000;

/** What one save of a size weighed (bytes and properties). */
type SaveWeight = {
  /** `map/load`'s answer, as the resolver returned it. */
  loadResponseBytes: number;
  /** `map/apply`'s answer to one edit. */
  applyResponseBytes: number;
  /** Content properties the page holds after the save (head + chunks). */
  properties: number;
};

/** The outcome of one size. */
export type SaveAttempt = SaveWeight & {
  cards: number;
  saved: boolean;
  /** Why it did not save (empty when it did). */
  reason: string;
  /** `map/apply` invoked → answered (one edit, real resolver and emulator). */
  applyMs: number;
  /** REST calls that one `map/apply` made. */
  applyCalls: number;
};

async function attempt(cards: number, seed: number): Promise<SaveAttempt> {
  const world = await createBenchWorld();
  const out: SaveAttempt = {
    cards,
    saved: false,
    reason: '',
    loadResponseBytes: 0,
    applyResponseBytes: 0,
    applyMs: 0,
    applyCalls: 0,
    properties: 0,
  };
  try {
    const map = generateMap({ cards, seed });
    const localId = `largest-${cards}`;
    const pageId = await createMapPage({
      emulator: world.emulator,
      title: `Largest map ${cards}`,
      localId,
      map,
    });
    const at = { pageId, localId };
    const load = await world.measure('map/load', at);
    if (!load.result.ok) throw new Error(`map/load: ${load.result.error.message}`);
    out.loadResponseBytes = load.responseBytes;
    const card = map.cards[Math.floor(cards / 2)];
    if (!card) throw new Error('no card to edit');
    const text = `Edited in the largest-map bench (${cards} cards).`;
    const applied = await world.measure('map/apply', {
      ...at,
      baseVersion: load.result.data.version,
      batchId: crypto.randomUUID(),
      ops: [{ type: 'card/edit', id: card.id, patch: { text } }],
    });
    if (!applied.result.ok) throw new Error(`map/apply: ${applied.result.error.message}`);
    out.applyResponseBytes = applied.responseBytes;
    out.applyMs = applied.ms;
    out.applyCalls = applied.calls.length;
    const reread = await world.measure('map/load', at);
    if (!reread.result.ok) throw new Error(`map/load after save: ${reread.result.error.message}`);
    const stored = reread.result.data.map;
    out.properties = world.emulator.store.propertiesOf('page', pageId).length;
    const problems: string[] = [];
    if (stored?.cards.length !== cards) problems.push(`re-read ${stored?.cards.length} cards`);
    if (stored?.cards.find((c) => c.id === card.id)?.text !== text) problems.push('edit lost');
    for (const [name, bytes] of [
      ['map/load', reread.responseBytes],
      ['map/apply', applied.responseBytes],
    ] as const) {
      if (bytes > MAX_RESPONSE_BYTES) {
        problems.push(`${name} answer ${(bytes / 1024 / 1024).toFixed(1)} MB > 5 MB`);
      }
    }
    if (applied.payloadBytes > MAX_PAYLOAD_BYTES) problems.push('payload > 500 KB');
    if (applied.ms > MAX_RUNTIME_MS) problems.push(`map/apply took ${applied.ms.toFixed(0)} ms`);
    out.saved = problems.length === 0;
    out.reason = problems.join('; ');
  } catch (error) {
    out.reason = reasonOf(error);
  } finally {
    await world.close();
  }
  return out;
}

/** Tries each size (ascending) and reports the largest that saved. */
export async function largestMapRows(args: {
  sizes: readonly number[];
  seed: number;
  /** Halvings of the gap between the largest size that saved and the smallest that did not. */
  bisectSteps: number;
  log: (m: string) => void;
}): Promise<Row[]> {
  const attempts: SaveAttempt[] = [];
  for (const cards of args.sizes) {
    args.log(`largest map: ${cards} cards`);
    const result = await attempt(cards, args.seed);
    attempts.push(result);
    if (!result.saved) break;
  }
  // Narrow the ceiling between the last size that saved and the first that did not.
  for (let step = 0; step < args.bisectSteps; step++) {
    const ok = Math.max(0, ...attempts.filter((a) => a.saved).map((a) => a.cards));
    const failed = Math.min(...attempts.filter((a) => !a.saved).map((a) => a.cards));
    if (!Number.isFinite(failed) || ok === 0) break;
    const mid = Math.round((ok + failed) / 2 / 500) * 500;
    if (mid <= ok || mid >= failed) break;
    args.log(`largest map: ${mid} cards (narrowing)`);
    attempts.push(await attempt(mid, args.seed));
  }
  attempts.sort((a, b) => a.cards - b.cards);
  const largest = Math.max(0, ...attempts.filter((a) => a.saved).map((a) => a.cards));
  const rows: Row[] = attempts.map((a) => ({
    what: WHAT,
    variant: `${a.cards.toLocaleString('en')} cards`,
    budget: '—',
    measured: a.saved
      ? `saved: apply ${a.applyMs.toFixed(0)} ms, ${a.applyCalls} REST calls, ${a.properties} properties, ` +
        `answers ${(a.loadResponseBytes / 1024).toFixed(0)} KB load / ${(a.applyResponseBytes / 1024).toFixed(0)} KB apply`
      : `fails: ${a.reason}`,
    verdict: 'info',
    data: { ...a },
  }));
  const tried = attempts.map((a) => a.cards.toLocaleString('en')).join(', ');
  rows.unshift({
    what: WHAT,
    variant: `tried ${tried}`,
    budget: '≥ 5,000 cards',
    measured:
      largest > 0
        ? `${largest.toLocaleString('en')} cards` +
          (attempts.every((a) => a.saved) ? ' (largest tried; the ceiling is higher)' : '')
        : 'none saved',
    verdict: largest >= 5000 ? 'pass' : 'fail',
    data: { largest },
  });
  return rows;
}
