/**
 * REST calls per user action, counted from the emulator's request log while the REAL resolvers
 * run: load a map, save an edit (with and without a summary change), generate a write-up, list
 * 1,000 maps in the space index (budgets: docs/PERFORMANCE.md).
 */
import { wallPhoto } from '../../dev/seed/png';
import { generateMap } from '../../tests/support/generate-map';
import type { JourneyMap } from '../../src/domain/model/schema';
import type { Op } from '../../src/domain/operations/op-types';
import { rankPainPoints } from '../../src/domain/ranking/rank-pain-points';
import type { BenchWorld } from '../lib/bench-world';
import { createBenchWorld, describeCalls, summaryVersion } from '../lib/bench-world';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';
import { BENCH_NOW, createMapPage, putMapPageDirect } from '../lib/seed-map';
import { jiraCallRows } from './jira-calls';

const LOAD_SAVE = 'REST calls to load / save a map (no conflict)';
const WRITE_UP = 'REST calls to generate a write-up';
const INDEX = 'REST calls to list 1,000 maps (space index)';

/** Settings of the REST-count suite. */
export type RestCallsOptions = { sizes: readonly number[]; seed: number; log: (m: string) => void };

function firstCardOfKind(map: JourneyMap, kind: string): string {
  const card = map.cards.find((c) => c.kind === kind);
  if (!card) throw new Error(`the generated map has no ${kind} card`);
  return card.id;
}

function cardEdit(id: string, text: string): Op[] {
  return [{ type: 'card/edit', id, patch: { text } }];
}

async function loadAndSaveRows(world: BenchWorld, size: number, seed: number): Promise<Row[]> {
  const variant = `${size.toLocaleString('en')} cards`;
  const map = generateMap({ cards: size, seed });
  // Last saved earlier today: the summary's `updated` is kept by day, so the first save of a
  // day rewrites it anyway; steady-state edits are what the budget is about.
  map.updatedAt = new Date(BENCH_NOW.getTime() - 3_600_000).toISOString();
  const localId = `bench-${size}`;
  const pageId = await createMapPage({
    emulator: world.emulator,
    title: `Bench map ${size}`,
    localId,
    map,
  });
  const at = { pageId, localId };
  const rows: Row[] = [];

  const load = await world.measure('map/load', at);
  if (!load.result.ok) throw new Error(`map/load: ${load.result.error.message}`);
  rows.push({
    what: LOAD_SAVE,
    variant: `load, ${variant}`,
    budget: '1',
    measured: `${load.calls.length} (${describeCalls(load.calls)})`,
    verdict: load.calls.length <= 1 ? 'pass' : 'fail',
    data: { calls: load.calls.length, routes: load.calls.map((c) => c.route) },
  });

  // An action card's text is in no summary field; the top pain point's text is.
  const plain = firstCardOfKind(map, 'action');
  const top = rankPainPoints(load.result.data.map ?? map)[0]?.cardId;
  if (!top) throw new Error('the generated map has no pain point');
  let version = load.result.data.version;
  const saves: { label: string; ops: Op[]; budget: number; expectSummary: boolean }[] = [
    {
      label: 'save, no summary change',
      ops: cardEdit(plain, 'The buyer re-reads the pricing page (edited).'),
      budget: 2,
      expectSummary: false,
    },
    {
      label: 'save, summary changes',
      ops: cardEdit(top, 'Verification email never arrives (edited in the bench)'),
      budget: 3,
      expectSummary: true,
    },
    {
      label: 'next save that changes the summary',
      ops: cardEdit(top, 'Verification email never arrives (edited again)'),
      budget: 3,
      expectSummary: true,
    },
  ];
  // Every save reads the map as the person first (no cross-invocation cache: decision 0014).
  for (const save of saves) {
    const before = summaryVersion(world.emulator, pageId);
    const applied = await world.measure('map/apply', {
      ...at,
      baseVersion: version,
      batchId: crypto.randomUUID(),
      ops: save.ops,
    });
    if (!applied.result.ok) throw new Error(`map/apply: ${applied.result.error.message}`);
    version = applied.result.data.version;
    const summaryWritten = summaryVersion(world.emulator, pageId) > before;
    const n = applied.calls.length;
    const scenarioHeld = summaryWritten === save.expectSummary;
    rows.push({
      what: LOAD_SAVE,
      variant: `${save.label}, ${variant}`,
      budget: save.expectSummary ? '2 (read + write) + 1 summary' : '2 (read + write)',
      measured:
        `${n} (${describeCalls(applied.calls)})` +
        (scenarioHeld ? '' : `; summary ${summaryWritten ? 'was' : 'was not'} written`),
      verdict: n <= save.budget ? 'pass' : 'fail',
      data: { calls: n, routes: applied.calls.map((c) => c.route), summaryWritten },
    });
  }

  return rows;
}

async function writeUpRows(world: BenchWorld, seed: number): Promise<Row[]> {
  const budget = '≤ 6';
  if (!world.has('writeup/generate')) {
    return [notMeasured({ what: WRITE_UP, budget, reason: 'writeup/generate is not registered' })];
  }
  const photoBytes = wallPhoto();
  const rows: Row[] = [];
  for (const photos of [0, 3, 20]) {
    const variant = `${photos} photos, 300 cards`;
    try {
      const localId = `writeup-${photos}`;
      const pageId = await createMapPage({
        emulator: world.emulator,
        title: `Write-up bench (${photos} photos)`,
        localId,
        map: (page) => {
          const map = generateMap({ cards: 300, seed });
          // Distinct titles: write-up page titles derive from them and are unique per space.
          map.title = `Write-up bench map with ${photos} photos`;
          map.session.photos = Array.from({ length: photos }, (_, i) => {
            const fileName = `wall-${i + 1}.png`;
            const record = world.emulator.store.addAttachment({
              pageId: page,
              fileName,
              mediaType: 'image/png',
              bytes: photoBytes,
              authorId: 'acc-editor',
            });
            return {
              attachmentId: record.id,
              fileName,
              caption: `Wall, part ${i + 1}`,
              stepId: map.steps[i % map.steps.length]?.id ?? null,
            };
          });
          return map;
        },
      });
      const at = { pageId, localId };
      // As the macro runs it: a preview first, then generate, then generate again.
      const steps: { pass: string; payload: typeof at & { preview?: boolean }; judged: boolean }[] =
        [
          { pass: 'preview', payload: { ...at, preview: true }, judged: false },
          { pass: 'first', payload: at, judged: true },
          { pass: 'again', payload: at, judged: true },
        ];
      const judged: number[] = [];
      const described: string[] = [];
      const data: Record<string, number> = {};
      for (const step of steps) {
        const run = await world.measure('writeup/generate', step.payload);
        if (!run.result.ok) {
          throw new Error(`writeup/generate (${step.pass}): ${run.result.error.message}`);
        }
        if (step.judged) judged.push(run.calls.length);
        data[step.pass] = run.calls.length;
        described.push(`${step.pass}: ${run.calls.length} (${describeCalls(run.calls)})`);
      }
      const worst = Math.max(...judged);
      rows.push({
        what: WRITE_UP,
        variant,
        budget,
        measured: described.join('; '),
        verdict: worst <= 6 ? 'pass' : 'fail',
        data,
      });
    } catch (error) {
      rows.push(notMeasured({ what: WRITE_UP, variant, budget, reason: reasonOf(error) }));
    }
  }
  return rows;
}

async function indexRow(world: BenchWorld, seed: number): Promise<Row> {
  const budget = '≤ 10';
  if (!world.has('index/list')) {
    return notMeasured({ what: INDEX, budget, reason: 'index/list is not registered' });
  }
  for (let n = 0; n < 1000; n++) {
    const map = generateMap({ cards: 8, seed: seed + n });
    map.title = `Journey ${String(n).padStart(4, '0')}`;
    putMapPageDirect({
      emulator: world.emulator,
      title: `Index bench page ${n}`,
      localId: `index-map-${n}`,
      map,
    });
  }
  await world.emulator.flush();
  let calls = 0;
  let invocations = 0;
  let listed = 0;
  const routes: string[] = [];
  let cursor: string | undefined;
  do {
    const run = await world.measure(
      'index/list',
      { spaceKey: 'CX', ...(cursor ? { cursor } : {}) },
      { context: { extension: { type: 'confluence:spacePage', space: { key: 'CX' } } } },
    );
    if (!run.result.ok) throw new Error(`index/list: ${run.result.error.message}`);
    invocations++;
    calls += run.calls.length;
    routes.push(describeCalls(run.calls));
    listed += run.result.data.entries.length;
    cursor = run.result.data.cursor;
  } while (cursor && invocations < 20);
  return {
    what: INDEX,
    variant: `${listed.toLocaleString('en')} of 1,000 maps listed`,
    budget,
    measured: `${calls} in ${invocations} invocation${invocations === 1 ? '' : 's'} (${routes.join(' | ')})`,
    verdict: calls <= 10 ? 'pass' : 'fail',
    data: { calls, invocations, listed },
  };
}

/** Runs the REST-count rows. */
export async function restCallRows(options: RestCallsOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const world = await createBenchWorld();
  try {
    for (const size of options.sizes) {
      options.log(`REST calls: load / save, ${size} cards`);
      try {
        rows.push(...(await loadAndSaveRows(world, size, options.seed)));
      } catch (error) {
        rows.push(
          notMeasured({
            what: LOAD_SAVE,
            variant: `${size} cards`,
            budget: '1 / 2 (+1 summary)',
            reason: reasonOf(error),
          }),
        );
      }
    }
    options.log('REST calls: write-up');
    rows.push(...(await writeUpRows(world, options.seed)));
    options.log('REST calls: Jira work items');
    rows.push(...(await jiraCallRows(world, options.seed)));
  } finally {
    await world.close();
  }
  // The index gets its own space contents: a fresh world with exactly the seeded maps.
  options.log('REST calls: space index (seeding 1,000 maps)');
  const indexWorld = await createBenchWorld();
  try {
    rows.push(await indexRow(indexWorld, options.seed));
  } catch (error) {
    rows.push(notMeasured({ what: INDEX, budget: '≤ 10', reason: reasonOf(error) }));
  } finally {
    await indexWorld.close();
  }
  return rows;
}
