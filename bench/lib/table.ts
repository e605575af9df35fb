/** Prints the rows as one plain-text table (also pasted into docs/PERFORMANCE.md). */
import type { Row } from './rows';

const HEADERS = ['what', 'variant', 'budget', 'measured', 'result'] as const;

function cells(row: Row): string[] {
  return [row.what, row.variant, row.budget, row.measured, row.verdict];
}

/** The rows as a Markdown table (readable as plain text too). */
export function renderTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (values: readonly string[]): string =>
    `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(HEADERS),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}
