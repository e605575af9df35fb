/**
 * JSON export (lossless: the stored schema, pretty-printed, `schemaVersion` first) and import
 * through `restore()`, with the line and column of a syntax error.
 */
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../codec/json-depth';
import { msg } from '../i18n/message';
import { restore } from '../model/restore';
import type { JourneyMap } from '../model/schema';
import type { ImportOutcome } from './import-outcome';
import { findJsonError } from './json-locate';

/** The map as a JSON file. */
export function exportJson(map: JourneyMap): string {
  return `${JSON.stringify(map, null, 2)}\n`;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Parses and restores a JSON file; never throws. Repairs are reported by field path. */
export function importJson(input: string): ImportOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    const offset = findJsonError(text) ?? text.length;
    const { line, column } = lineColumn(text, offset);
    const found = text[offset];
    const why =
      found === undefined ? 'the file ends too early' : `unexpected ${JSON.stringify(found)}`;
    const whySaid =
      found === undefined
        ? msg('exchange.error.json.endsEarly')
        : msg('exchange.error.json.unexpected', { found: JSON.stringify(found) });
    return {
      ok: false,
      error: {
        line,
        column,
        message: `Line ${line}, column ${column}: not valid JSON (${why}).`,
        said: msg('exchange.error.json.syntax', { line, column, why: whySaid }),
      },
    };
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    // Measured before anything recursive (size check, restore, clone) can overflow the stack.
    return {
      ok: false,
      error: {
        message: `This file nests more than ${MAX_JSON_DEPTH} levels deep; a journey map export never does.`,
        said: msg('exchange.error.json.tooDeep', { depth: MAX_JSON_DEPTH }),
      },
    };
  }
  const restored = restore(value);
  if (!restored.ok) {
    return {
      ok: false,
      error: {
        message: restored.error.message.replace('The stored journey map', 'This file'),
        said: msg('exchange.fileUnreadable', { detail: restored.error.said }),
      },
    };
  }
  return {
    ok: true,
    map: restored.map,
    notes: restored.repairs.map((r) => ({ path: r.path, message: r.message, said: r.said })),
  };
}
