/** One line of the benchmark table and its verdict. */

/** `info` rows explain a budget row (no budget of their own); they never fail the run. */
export type Verdict = 'pass' | 'fail' | 'info';

/** A measured (or unmeasurable) figure beside its budget (docs/PERFORMANCE.md). */
export type Row = {
  /** The budget line (docs/PERFORMANCE.md) this row belongs to. */
  what: string;
  /** Map size, photo count or other variant; '' when the row has one value. */
  variant: string;
  budget: string;
  /** What was measured, human-readable; "not measured: <reason>" when it could not be. */
  measured: string;
  verdict: Verdict;
  /** Raw figures for results.json. */
  data?: Record<string, unknown>;
};

/** A row that could not be measured: it counts as a failure, and says why. */
export function notMeasured(args: {
  what: string;
  variant?: string;
  budget: string;
  reason: string;
}): Row {
  return {
    what: args.what,
    variant: args.variant ?? '',
    budget: args.budget,
    measured: `not measured: ${args.reason}`,
    verdict: 'fail',
  };
}

/** The message of an unknown thrown value. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}
