/** Small statistics and timing helpers: medians of repeated runs, never a single sample. */
import { performance } from 'node:perf_hooks';

/** Median, min and max of a set of samples (milliseconds or counts). */
export type Spread = { median: number; min: number; max: number; runs: number };

/** The spread of `samples`; throws on an empty set so a missing measurement is never 0. */
export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    runs: sorted.length,
  };
}

/** Times `fn` `runs` times after `warmup` untimed calls; returns the spread in milliseconds. */
export async function timeRuns(args: {
  runs: number;
  warmup: number;
  fn: () => unknown;
}): Promise<Spread> {
  for (let i = 0; i < args.warmup; i++) await args.fn();
  const samples: number[] = [];
  for (let i = 0; i < args.runs; i++) {
    const start = performance.now();
    await args.fn();
    samples.push(performance.now() - start);
  }
  return spread(samples);
}

/** `12.3 ms (min 10.1, max 15.0)`. */
export function formatMs(s: Spread): string {
  const f = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  return `${f(s.median)} ms (min ${f(s.min)}, max ${f(s.max)})`;
}
