/**
 * One entry for every import: picks JSON or sheet by the file's name and first character, keeps
 * the page-bound references of the current map, and refuses a map too big to send.
 */
import { jsonByteLength } from '../codec/utf8';
import { msg } from '../i18n/message';
import type { JourneyMap } from '../model/schema';
import { adoptPageRefs } from './adopt-page-refs';
import { IMPORT_MAX_BYTES } from './import-limits';
import type { ImportOutcome } from './import-outcome';
import { importJson } from './json-exchange';
import { importSheet } from './sheet-import';

/** Formats an import can be. */
export type ImportFormat = 'json' | 'sheet';

/** JSON when the name says so or the text starts like a JSON document; a sheet otherwise. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'sheet';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'sheet';
}

/** The map an import would write into a macro whose map is `current`, or why not. */
export function importFile(args: {
  fileName: string;
  text: string;
  current: JourneyMap;
  newId: (prefix: string) => string;
}): ImportOutcome & { format: ImportFormat } {
  const format = detectFormat(args.fileName, args.text);
  const outcome =
    format === 'json'
      ? importJson(args.text)
      : importSheet({ text: args.text, base: args.current, newId: args.newId });
  if (!outcome.ok) return { ...outcome, format };
  const adopted = adoptPageRefs(outcome.map, args.current);
  const bytes = jsonByteLength(adopted.map);
  if (bytes > IMPORT_MAX_BYTES) {
    return {
      ok: false,
      format,
      error: {
        message: `The imported map would be ${Math.ceil(bytes / 1000)} KB; at most ${IMPORT_MAX_BYTES / 1000} KB can be imported at once. Split the journey into two maps.`,
        said: msg('exchange.error.mapTooLarge', {
          size: Math.ceil(bytes / 1000),
          limit: IMPORT_MAX_BYTES / 1000,
        }),
      },
    };
  }
  return { ok: true, format, map: adopted.map, notes: [...outcome.notes, ...adopted.notes] };
}
