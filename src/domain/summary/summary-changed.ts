/** Whether the page summary must be rewritten: saves cost one REST call more only when it does. */
import type { PageSummary } from './page-summary-schema';
import { pageSummarySchema } from './page-summary-schema';

/** The summary with instants reduced to their calendar day. */
function byDay(summary: PageSummary): PageSummary {
  return {
    ...summary,
    updated: summary.updated.slice(0, 10),
    maps: summary.maps.map((m) => ({
      ...m,
      updatedAt: m.updatedAt?.slice(0, 10) ?? null,
      writeUp: m.writeUp ? { ...m.writeUp, generatedAt: m.writeUp.generatedAt.slice(0, 10) } : null,
    })),
  };
}

/**
 * True when `next` differs from the stored `previous` (anything unreadable counts as changed).
 * By default `updated` / `updatedAt` and a write-up's `generatedAt` are compared by calendar
 * day only: otherwise every save
 * would rewrite the summary (the save budget allows the extra call only when summary fields change: docs/PERFORMANCE.md),
 * so the index shows the day a map was last updated (or written up), not the minute. The
 * write-up records (`writeUps`) are compared exactly: they are where a generation is recorded.
 * Pass
 * `{ exactTimestamps: true }` to compare them exactly.
 */
export function summaryChanged(
  previous: unknown,
  next: PageSummary,
  options: { exactTimestamps?: boolean } = {},
): boolean {
  const parsed = pageSummarySchema.safeParse(previous);
  if (!parsed.success) return true;
  const a = options.exactTimestamps ? parsed.data : byDay(parsed.data);
  const b = options.exactTimestamps ? next : byDay(next);
  return canonical(a) !== canonical(b);
}

/** JSON with object keys sorted, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
