/** A file that cannot be imported: where (1-based line, and column when known) and why. */
export type ExchangeError = { line?: number; column?: number; message: string };
