/**
 * A spreadsheet (our CSV export, or a team's own sheet) into a map. The current map's structure
 * is kept and matched by name; stages, steps and lanes the sheet names that do not exist yet are
 * created in the order first seen; the cards are replaced by the sheet's rows. Two layouts, told
 * apart by the header: long (one row per card, our export) and wide (one row per step, one column
 * per lane: `wide-columns.ts`). Every guess is reported as a note with its line. A malformed
 * sheet changes nothing: it answers an error.
 */
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import { LANE_TYPE_INFO, createCard } from '../model/factories';
import { restore } from '../model/restore';
import type { Card, CardKind, JourneyMap, Lane, LaneType } from '../model/schema';
import { CARD_TEXT_MAX, SHORT_TEXT_MAX } from '../model/schema';
import type { ColumnField, ColumnMap } from './columns';
import { findColumns } from './columns';
import type { CsvRecord } from './csv';
import { lineSaid, parseCsv } from './csv';
import { unguardFormula } from './formula-guard';
import type { ImportOutcome, ImportNote } from './import-outcome';
import { SheetStructure, byName, textCut } from './sheet-structure';
import { findWideColumns } from './wide-columns';
import { importWideRows } from './wide-sheet-import';
import { readEvidence, readImpact, readInt, readKind, readList, readSource } from './sheet-values';

/** Arguments of {@link importSheet}. */
export type ImportSheetArgs = {
  text: string;
  /** The map being replaced: its structure is reused, its cards are not. */
  base: JourneyMap;
  newId: (prefix: string) => string;
};

/** Rows beyond this are refused: the map would not save (and nobody reviews 20,000 rows). */
export const MAX_IMPORT_ROWS = 10_000;

/** Parses and converts a sheet; never throws. */
export function importSheet(args: ImportSheetArgs): ImportOutcome {
  const parsed = parseCsv(args.text);
  if (!parsed.ok) return parsed;
  const records = parsed.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = records[0];
  if (!header) {
    const said = lineSaid(1, msg('exchange.error.emptyFile'));
    return { ok: false, error: { line: 1, message: 'Line 1: the file is empty.', said } };
  }
  const wide = findWideColumns(header.cells, args.base.lanes);
  const lookup = wide ? null : findColumns(header.cells, header.line);
  if (lookup && !lookup.ok) return lookup;
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: {
        message: `The sheet has ${records.length - 1} rows; at most ${MAX_IMPORT_ROWS}.`,
        said: msg('exchange.error.tooManyRows', { rows: records.length - 1, max: MAX_IMPORT_ROWS }),
      },
    };
  }
  const rows = records.slice(1);
  for (const record of rows) {
    const extra = record.cells.slice(header.cells.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      return {
        ok: false,
        error: {
          line: record.line,
          message: `Line ${record.line}: ${record.cells.length} values but the header row has ${header.cells.length} columns (a value with a comma must be in quotes).`,
          said: lineSaid(
            record.line,
            msg('exchange.error.extraValues', {
              values: record.cells.length,
              columns: header.cells.length,
            }),
          ),
        },
      };
    }
  }
  const { base, newId } = args;
  const built = wide
    ? importWideRows({ header, rows, columns: wide, base, newId })
    : importLongRows({ header, rows, columns: lookup?.columns ?? {}, base, newId });
  const restored = restore(built.map);
  if (!restored.ok) return { ok: false, error: { message: restored.error.message } };
  return { ok: true, map: restored.map, notes: [...built.notes, ...restored.repairs] };
}

/** The long layout (one row per card) into a map, before `restore`. */
function importLongRows(args: {
  header: CsvRecord;
  rows: readonly CsvRecord[];
  columns: ColumnMap;
  base: JourneyMap;
  newId: (prefix: string) => string;
}): { map: JourneyMap; notes: ImportNote[] } {
  const builder = new SheetBuilder(args.base, args.newId, args.columns);
  const ignored = args.header.cells
    .filter((c, i) => c.trim() !== '' && !Object.values(args.columns).includes(i))
    .map((c) => c.trim());
  if (ignored.length > 0) {
    const columns = ignored.join(', ');
    builder.note(
      args.header.line,
      `columns ignored (not recognised): ${columns}`,
      msg('exchange.sheet.columnsIgnored', { columns }),
    );
  }
  for (const record of args.rows) builder.addRow(record.line, record.cells);
  return { map: builder.result(), notes: builder.notes };
}

/** The lane type whose cards are of `kind`. */
function laneTypeFor(kind: CardKind): LaneType {
  if (kind === 'question' || kind === 'decision') return 'actions';
  const entry = Object.entries(LANE_TYPE_INFO).find(([, info]) => info.cardKind === kind);
  return (entry?.[0] as LaneType | undefined) ?? 'text';
}

class SheetBuilder {
  private readonly structure: SheetStructure;
  private readonly cards: Card[] = [];

  constructor(
    private readonly base: JourneyMap,
    private readonly newId: (prefix: string) => string,
    private readonly columns: ColumnMap,
  ) {
    this.structure = new SheetStructure(base, newId, {
      stage: columns.stage !== undefined,
      step: columns.step !== undefined,
    });
  }

  get notes(): ImportNote[] {
    return this.structure.notes;
  }

  note(line: number, message: string, said: Message): void {
    this.structure.note(line, message, said);
  }

  result(): JourneyMap {
    const { stages, steps, lanes } = this.structure;
    return { ...this.base, stages, steps, lanes, cards: this.cards };
  }

  addRow(line: number, cells: readonly string[]): void {
    const cell = (f: ColumnField): string => {
      const i = this.columns[f];
      return i === undefined ? '' : unguardFormula(cells[i] ?? '');
    };
    const step = this.structure.stepOf(line, cell('stage'), cell('step'));
    const kindCell = cell('kind');
    let kind = kindCell.trim() === '' ? null : readKind(kindCell);
    const lane = this.laneOf(line, cell('lane'), kind);
    if (kind === null) {
      kind = LANE_TYPE_INFO[lane.type].cardKind ?? 'note';
      if (kindCell.trim() !== '') {
        this.note(
          line,
          `kind "${kindCell.trim()}" is not known; made a ${kind} card (the lane's default)`,
          msg('exchange.sheet.kindUnknown', { given: kindCell.trim(), kind }),
        );
      }
    }
    let text = cell('text');
    if (text.length > CARD_TEXT_MAX) {
      text = text.slice(0, CARD_TEXT_MAX);
      this.note(line, `text longer than ${CARD_TEXT_MAX} characters; cut`, textCut());
    }
    const card = createCard({
      id: this.newId('card'),
      laneId: lane.id,
      stepId: step.id,
      kind,
      text,
    });
    card.teams = readList(cell('teams')).map((t) => t.slice(0, SHORT_TEXT_MAX));
    this.readEvidenceCells(line, card, cell);
    card.channels = this.structure.channelIds(line, cell('channels'));
    this.readKindFields(line, card, cell);
    this.cards.push(card);
  }

  private laneOf(line: number, laneCell: string, kind: CardKind | null): Lane {
    const lanes = this.structure.lanes;
    const found = this.columns.lane === undefined ? undefined : byName(lanes, laneCell);
    if (found) return found;
    const type = kind ? laneTypeFor(kind) : 'text';
    if (this.columns.lane === undefined || laneCell.trim() === '') {
      const ofType = lanes.find((l) => l.type === type);
      if (ofType) return ofType;
    }
    return this.structure.addLane(line, type, laneCell);
  }

  private readEvidenceCells(line: number, card: Card, cell: (f: ColumnField) => string): void {
    const status = cell('evidence');
    const read = status.trim() === '' ? 'assumption' : readEvidence(status);
    if (read === null)
      this.note(
        line,
        `evidence "${status.trim()}" is not known; kept as an assumption`,
        msg('exchange.sheet.evidenceUnknown', { given: status.trim() }),
      );
    const source = cell('source');
    const src = source.trim() === '' ? null : readSource(source);
    if (source.trim() !== '' && src === null) {
      this.note(
        line,
        `evidence source "${source.trim()}" is not known; left empty`,
        msg('exchange.sheet.sourceUnknown', { given: source.trim() }),
      );
    }
    card.evidence = {
      status: read ?? 'assumption',
      source: src,
      quote: cell('quote').slice(0, CARD_TEXT_MAX),
    };
  }

  private readKindFields(line: number, card: Card, cell: (f: ColumnField) => string): void {
    const impactCell = cell('impact');
    if (card.painPoint) {
      const impact = impactCell.trim() === '' ? 'trivial' : readImpact(impactCell);
      if (impact === null) {
        this.note(
          line,
          `impact "${impactCell.trim()}" is not trivial, workaround or abandon; set to trivial`,
          msg('exchange.sheet.impactUnknown', { given: impactCell.trim() }),
        );
      }
      const votes = readInt(cell('votes'), 0, 999);
      if (votes.bad)
        this.note(
          line,
          `votes "${cell('votes').trim()}" is not 0–999; set to ${votes.value ?? 0}`,
          msg('exchange.sheet.votesOutOfRange', {
            given: cell('votes').trim(),
            n: votes.value ?? 0,
          }),
        );
      card.painPoint = { impact: impact ?? 'trivial', votes: votes.value ?? 0 };
    }
    if (card.opportunity) {
      const impact = readInt(impactCell, 1, 5);
      const feasibility = readInt(cell('feasibility'), 1, 5);
      if (impact.bad || feasibility.bad)
        this.note(
          line,
          'opportunity scores must be 1–5; adjusted',
          msg('exchange.sheet.scoresAdjusted'),
        );
      card.opportunity = {
        impact: impact.value ?? 3,
        feasibility: feasibility.value ?? 3,
        painPointIds: [],
      };
    }
  }
}
