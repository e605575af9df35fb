/**
 * RFC 4180 CSV: parse into records with the line each starts on, and serialise with CRLF and a
 * UTF-8 byte-order mark (without it Excel reads UTF-8 as the system code page).
 */
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import type { ExchangeError } from './exchange-error';

/** One record and the (1-based) line of the file it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/** What `parseCsv` answers. */
export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: ExchangeError };

/** The byte-order mark written before exported CSV. */
export const BOM = '\uFEFF';

/** The delimiter of the header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Parses CSV text (a leading BOM is ignored; CRLF, LF or CR end records). Quoted fields may hold
 * delimiters, quotes (doubled) and line breaks. Fails on an unclosed quote or text after a
 * closing quote, naming the line.
 */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvParse {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoteLine = 0;
  // Whether the current record has begun (a file's last record may lack a line break).
  let started = false;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    started = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch !== '\n' && ch !== '\r') started = true;
    if (ch === '"' && cell === '') {
      // A quoted field: read to the closing quote.
      quoteLine = line;
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') {
          cell += '\r\n';
          i += 2;
          line++;
          continue;
        }
        if (c === '\n' || c === '\r') line++;
        cell += c;
        i++;
      }
      if (!closed) {
        return fail(
          quoteLine,
          'a quoted value is never closed (unbalanced quotes)',
          msg('exchange.error.csv.unclosed'),
        );
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        const found = JSON.stringify(next);
        return fail(
          line,
          `unexpected text after a closing quote: ${found}`,
          msg('exchange.error.csv.afterQuote', { found }),
        );
      }
      quoteLine = 0;
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') {
      return fail(
        line,
        'a quote inside an unquoted value (wrap the value in quotes and double it)',
        msg('exchange.error.csv.strayQuote'),
      );
    }
    cell += ch;
    i++;
  }
  if (started) endRecord();
  return { ok: true, records };
}

/** A refusal at `line`: `problem` in English for logs, `said` in catalogue words. */
function fail(line: number, problem: string, said: Message): CsvParse {
  return {
    ok: false,
    error: { line, message: `Line ${line}: ${problem}.`, said: lineSaid(line, said) },
  };
}

/** "Line n: problem." in the person's language. */
export function lineSaid(line: number, problem: Message): Message {
  return msg('exchange.error.atLine', { line, problem });
}

/** Quotes a value when it holds a delimiter, quote, line break or edge space. */
export function csvCell(value: string): string {
  return /[",;\r\n\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialises records as CSV: BOM, comma-separated, CRLF after every record. */
export function serialiseCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
