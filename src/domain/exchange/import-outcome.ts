/** What an import answers before anything is written. */
import type { Message } from '../i18n/message';
import type { JourneyMap } from '../model/schema';
import type { ExchangeError } from './exchange-error';

/**
 * A guess or repair the import made: the sheet's line, or the map field it concerns; `message`
 * in English (logs, tests), `said` in catalogue words for the screen (decision 0050).
 */
export type ImportNote = { line?: number; path?: string; message: string; said: Message };

/** The map to write with its notes, or why the file cannot be imported. */
export type ImportOutcome =
  { ok: true; map: JourneyMap; notes: ImportNote[] } | { ok: false; error: ExchangeError };
