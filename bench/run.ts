/**
 * `npm run bench`: every performance budget (docs/PERFORMANCE.md) beside what this machine measured.
 * Prints one table (pass / fail per budget), writes bench/results.json. Exits 0 whatever the
 * verdicts (a budget miss is a finding, not a crash); non-zero only when the bench itself broke.
 * `--only=rest,largest,bundle,writeup,ops,browser,whole,settle,live` runs a subset (for working on one area);
 * `--whole-sizes=300` narrows the whole-map rows to some map sizes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, loadNow } from './lib/machine';
import type { Row } from './lib/rows';
import { renderTable } from './lib/table';
import { browserRows } from './suites/browser';
import { buildIsStale, bundleRows } from './suites/bundle';
import { domainOpRows } from './suites/domain-ops';
import { largestMapRows } from './suites/largest-map';
import { liveRows } from './suites/live';
import { restCallRows } from './suites/rest-calls';
import { writeUpRenderRows } from './suites/write-up-render';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Everything that decides the numbers, printed and saved with them. */
const SETTINGS = {
  /** generateMap seed of every map (index maps use seed + n). */
  seed: 20261123,
  sizes: [50, 300, 1000, 5000],
  largestSizes: [5000, 10000, 20000],
  /** Timed runs per measurement (after one untimed warm-up). */
  runs: 5,
  writeUpRuns: 7,
  keystrokes: 6,
  editSize: 1000,
  /** Issue 15's rows ("what people feel"): sizes and the latency added to every round trip. */
  wholeMapSizes: [100, 300, 1000, 5000],
  latencyMs: 300,
  /** Map size of the commit / drop → settled rows (issue 15). */
  settleSize: 300,
  /** Issue 16's live rows: edits timed, idle windows (ms) live and on the fallback poll. */
  liveEdits: 12,
  liveWindowMs: 30_000,
  fallbackWindowMs: 90_000,
} as const;

const SUITES = [
  'bundle',
  'writeup',
  'ops',
  'rest',
  'largest',
  'browser',
  'whole',
  'settle',
  'live',
] as const;
type Suite = (typeof SUITES)[number];

function selectedSuites(argv: readonly string[]): Set<Suite> {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only) return new Set(SUITES);
  const picked = only.split(',').map((s) => s.trim());
  for (const p of picked) {
    if (!(SUITES as readonly string[]).includes(p)) throw new Error(`unknown suite "${p}"`);
  }
  return new Set(picked as Suite[]);
}

/** `--whole-sizes=300,1000` narrows the whole-map rows to some sizes (default: all). */
function wholeSizes(argv: readonly string[]): readonly number[] {
  const only = argv.find((a) => a.startsWith('--whole-sizes='))?.slice('--whole-sizes='.length);
  if (!only) return SETTINGS.wholeMapSizes;
  return only.split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n <= 0) throw new Error(`bad --whole-sizes entry "${s}"`);
    return n;
  });
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  const suites = selectedSuites(process.argv.slice(2));
  const started = Date.now();
  const loadAtStart = loadNow();
  // Judged before the suites: the browser rows serve a snapshot of the build taken at their start.
  const staleBuild = suites.has('bundle') || suites.has('browser') ? buildIsStale(ROOT) : false;
  const rows: Row[] = [];
  let chromium: string | null = null;

  if (suites.has('bundle')) rows.push(...bundleRows(ROOT));
  if (suites.has('ops'))
    rows.push(...domainOpRows({ cards: SETTINGS.editSize, seed: SETTINGS.seed }));
  if (suites.has('rest')) {
    rows.push(...(await restCallRows({ sizes: SETTINGS.sizes, seed: SETTINGS.seed, log })));
  }
  if (suites.has('largest')) {
    rows.push(
      ...(await largestMapRows({
        sizes: SETTINGS.largestSizes,
        seed: SETTINGS.seed,
        bisectSteps: 2,
        log,
      })),
    );
  }
  if (suites.has('writeup')) {
    rows.push(
      ...(await writeUpRenderRows({
        sizes: SETTINGS.sizes,
        seed: SETTINGS.seed,
        runs: SETTINGS.writeUpRuns,
        log,
      })),
    );
  }
  if (suites.has('browser') || suites.has('whole') || suites.has('settle')) {
    const result = await browserRows({
      wholeMapSizes: suites.has('whole') ? wholeSizes(process.argv.slice(2)) : [],
      latencyMs: SETTINGS.latencyMs,
      wholeOnly: !suites.has('browser'),
      settleSize: suites.has('settle') ? SETTINGS.settleSize : undefined,
      root: ROOT,
      renderSizes: SETTINGS.sizes,
      editSize: SETTINGS.editSize,
      editBaselineSizes: [50],
      seed: SETTINGS.seed,
      runs: SETTINGS.runs,
      keystrokes: SETTINGS.keystrokes,
      log,
    });
    rows.push(...result.rows);
    chromium = result.chromium;
  }

  if (suites.has('live')) {
    rows.push(
      ...(await liveRows({
        root: ROOT,
        seed: SETTINGS.seed,
        edits: SETTINGS.liveEdits,
        liveWindowMs: SETTINGS.liveWindowMs,
        fallbackWindowMs: SETTINGS.fallbackWindowMs,
        log,
      })),
    );
  }

  const machine = describeMachine(chromium, loadAtStart);
  const seconds = Math.round((Date.now() - started) / 1000);
  const judged = rows.filter((r) => r.verdict !== 'info');
  const failed = judged.filter((r) => r.verdict === 'fail');
  const header = [
    `Journey Maps benchmarks (docs/PERFORMANCE.md), ${new Date().toISOString()}`,
    `machine: ${machine.cpuCount} × ${machine.cpus}, ${machine.memoryGiB} GiB, ${machine.platform}; ` +
      `load average ${machine.loadAverage.start} at start, ${machine.loadAverage.end} at end`,
    `node ${machine.node}; chromium ${machine.chromium}`,
    `maps: generateMap seed ${SETTINGS.seed} at ${SETTINGS.sizes.join(' / ')} cards; ` +
      `timed rows: median of ${SETTINGS.runs} runs after 1 warm-up (write-up render: ${SETTINGS.writeUpRuns}); ` +
      `REST counts: emulator request log, real resolvers`,
    ...(staleBuild
      ? ['WARNING: static/app/build is older than static/app/src: run `npm run build:ui`']
      : []),
  ];
  process.stdout.write(`${header.join('\n')}\n\n${renderTable(rows)}\n\n`);
  process.stdout.write(
    `${judged.length - failed.length} of ${judged.length} budget rows pass` +
      (failed.length ? ` (${failed.length} fail)` : '') +
      `; ${seconds} s. Results: bench/results.json\n`,
  );
  writeFileSync(
    path.join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), seconds, machine, settings: SETTINGS, staleBuild, rows }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
