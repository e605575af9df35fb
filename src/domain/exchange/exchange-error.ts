import type { Message } from '../i18n/message';

/**
 * A file that cannot be imported: where (1-based line, and column when known) and why; `said`,
 * when set, is the why in catalogue words for the screen (decision 0050), `message` English.
 */
export type ExchangeError = { line?: number; column?: number; message: string; said?: Message };
