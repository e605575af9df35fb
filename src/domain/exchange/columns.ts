/**
 * Finds the columns of an imported sheet by header name: case, spacing and punctuation do not
 * matter, and the words people use in their own spreadsheets count ("Phase" for stage,
 * "Touchpoint" or "Description" for the card text).
 */
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import type { ExchangeError } from './exchange-error';

/** The fields a sheet can carry, in export order. */
export const COLUMN_FIELDS = [
  'stage',
  'step',
  'lane',
  'kind',
  'text',
  'impact',
  'votes',
  'teams',
  'evidence',
  'source',
  'quote',
  'channels',
  'feasibility',
] as const;

/** One field of a sheet. */
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/** Header written for each field on export. */
export const COLUMN_HEADERS: Readonly<Record<ColumnField, string>> = {
  stage: 'Stage',
  step: 'Step',
  lane: 'Lane',
  kind: 'Kind',
  text: 'Text',
  impact: 'Impact',
  votes: 'Votes',
  teams: 'Teams',
  evidence: 'Evidence',
  source: 'Source',
  quote: 'Quote',
  channels: 'Channels',
  feasibility: 'Feasibility',
};

// Normalised header words (see `normaliseHeader`) that name each field.
const SYNONYMS: Readonly<Record<ColumnField, readonly string[]>> = {
  stage: ['stage', 'stages', 'phase', 'phases', 'journeystage', 'stagename', 'phasename', '阶段'],
  step: ['step', 'steps', 'stepname', 'journeystep', 'activity', 'task', 'customerstep', '步骤'],
  lane: ['lane', 'lanes', 'lanename', 'swimlane', 'row', 'category'],
  kind: ['kind', 'cardkind', 'type', 'cardtype', 'notetype'],
  text: ['text', 'touchpoint', 'touchpoints', 'description', 'card', 'cardtext', 'note', 'content'],
  impact: ['impact', 'severity', 'score'],
  votes: ['votes', 'vote', 'dots', 'dotvotes'],
  teams: ['teams', 'team', 'owner', 'owners', 'owningteam'],
  evidence: ['evidence', 'evidencestatus', 'status', 'validated'],
  source: ['source', 'evidencesource'],
  quote: ['quote', 'verbatim', 'evidencequote'],
  channels: ['channels', 'channel'],
  feasibility: ['feasibility', 'effort'],
};

/** Lower case, letters and digits only: "Journey  Stage" and "journey_stage" are one header. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The field a header cell names, if any. */
export function headerField(cell: string): ColumnField | undefined {
  const key = normaliseHeader(cell);
  return COLUMN_FIELDS.find((f) => SYNONYMS[f].includes(key));
}

/** Column index of each field found in the header row. */
export type ColumnMap = Partial<Record<ColumnField, number>>;

/** What `findColumns` answers: the columns, headers it ignored, or a line-1 error. */
export type ColumnLookup =
  { ok: true; columns: ColumnMap; ignored: string[] } | { ok: false; error: ExchangeError };

/** Maps header cells to fields; the text column and a stage or step column are required. */
export function findColumns(header: readonly string[], line = 1): ColumnLookup {
  const columns: ColumnMap = {};
  const ignored: string[] = [];
  header.forEach((cell, i) => {
    const field = headerField(cell);
    if (field && columns[field] === undefined) columns[field] = i;
    else if (cell.trim() !== '') ignored.push(cell.trim());
  });
  const missing: string[] = [];
  const missingSaid: Message[] = [];
  if (columns.text === undefined) {
    missing.push('"Text" (or Touchpoint, Description, Card, Note)');
    missingSaid.push(msg('exchange.error.col.text'));
  }
  if (columns.stage === undefined && columns.step === undefined) {
    missing.push('"Stage" or "Step" (or Phase, Activity)');
    missingSaid.push(msg('exchange.error.col.stageOrStep'));
  }
  const [first, second] = missingSaid;
  if (first) {
    const found = header.map((h) => JSON.stringify(h.trim())).join(', ');
    return {
      ok: false,
      error: {
        line,
        message: `Line ${line}: the header row has no ${missing.join(' and no ')} column. Found: ${
          found || 'nothing'
        }.`,
        said: msg('exchange.error.noColumns', {
          line,
          missing: second ? msg('exchange.error.col.both', { first, second }) : first,
          found: found || msg('exchange.error.foundNothing'),
        }),
      },
    };
  }
  return { ok: true, columns, ignored };
}
