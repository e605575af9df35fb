/**
 * CSV formula injection (OWASP): a spreadsheet runs a cell starting with = + - @ tab or CR as a
 * formula. Export prefixes such cells with an apostrophe (shown as text, not run); import takes
 * one apostrophe off again. Cells that already start with apostrophes before a trigger get one
 * more, so text that really starts with "'=" survives the round trip.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'(?='*[=+\-@\t\r])/;

/** The cell as written to CSV: prefixed with `'` when a spreadsheet would run it. */
export function guardFormula(value: string): string {
  return GUARDED.test(value) ? `'${value}` : value;
}

/** The cell as read from CSV: one protective `'` removed. */
export function unguardFormula(value: string): string {
  return value.replace(UNGUARD, '');
}
