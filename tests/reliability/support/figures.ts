/**
 * Figures of the latest run (ops/sec, runs per key, kills survived), printed and appended to
 * `$TMPDIR/cjm-reliability-figures.jsonl` so docs/RELIABILITY.md can quote them.
 */
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOAK } from './params';

/** Where the figures of every run are appended. */
export const FIGURES_FILE = path.join(tmpdir(), 'cjm-reliability-figures.jsonl');

/** Prints one scenario's figures and appends them to {@link FIGURES_FILE}. */
export function recordFigure(scenario: string, figures: Record<string, unknown>): void {
  const line = { scenario, soak: SOAK, at: new Date().toISOString(), ...figures };
  console.log(`[reliability] ${JSON.stringify(line)}`);
  appendFileSync(FIGURES_FILE, `${JSON.stringify(line)}\n`);
}
