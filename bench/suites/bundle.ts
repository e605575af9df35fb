/** The macro's initial JS, gzipped (budget: docs/PERFORMANCE.md), from the built resource. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { INITIAL_JS_BUDGET_BYTES, initialJsGzipBytes } from '../../tests/support/bundle-size';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';

const WHAT = 'macro initial JS (gzip)';
const BUDGET = '≤ 120 KB';

/** The newest modification time under `dir` (ms since epoch). */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether the build is older than the UI sources it was built from. */
export function buildIsStale(root: string): boolean {
  const build = path.join(root, 'static/app/build/index.html');
  if (!existsSync(build)) return true;
  return newestMtime(path.join(root, 'static/app/src')) > statSync(build).mtimeMs;
}

/** Measures the gzip size of the entry script, its modulepreloads and index.html's inline script. */
export function bundleRows(root: string): Row[] {
  const buildDir = path.join(root, 'static/app/build');
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    return [
      notMeasured({ what: WHAT, budget: BUDGET, reason: 'no build: run `npm run build:ui` first' }),
    ];
  }
  try {
    const { files, bytes, inlineBytes } = initialJsGzipBytes(buildDir);
    const stale = buildIsStale(root);
    return [
      {
        what: WHAT,
        variant: `${files.length} file${files.length === 1 ? '' : 's'} + the inline boot script (${(inlineBytes / 1024).toFixed(1)} KB)${stale ? ' (build older than static/app/src)' : ''}`,
        budget: BUDGET,
        measured: `${(bytes / 1024).toFixed(1)} KB`,
        verdict: bytes <= INITIAL_JS_BUDGET_BYTES ? 'pass' : 'fail',
        data: { files, bytes, inlineBytes, stale },
      },
    ];
  } catch (error) {
    return [notMeasured({ what: WHAT, budget: BUDGET, reason: reasonOf(error) })];
  }
}
