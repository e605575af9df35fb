/**
 * A spreadsheet (our CSV export, or a team's own sheet) into a map. The current map's structure
 * is kept and matched by name; stages, steps and lanes the sheet names that do not exist yet are
 * created in the order first seen; the cards are replaced by the sheet's rows. Every guess is
 * reported as a note with its line. A malformed sheet changes nothing: it answers an error.
 */
import {
  LANE_TYPE_INFO,
  createCard,
  createLane,
  createStage,
  createStep,
} from '../model/factories';
import { restore } from '../model/restore';
import type { Card, CardKind, JourneyMap, Lane, LaneType, Stage, Step } from '../model/schema';
import { CARD_TEXT_MAX, SHORT_TEXT_MAX } from '../model/schema';
import type { ColumnField, ColumnMap } from './columns';
import { findColumns } from './columns';
import { parseCsv } from './csv';
import { unguardFormula } from './formula-guard';
import type { ImportOutcome, ImportNote } from './import-outcome';
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
  if (!header) return { ok: false, error: { line: 1, message: 'Line 1: the file is empty.' } };
  const lookup = findColumns(header.cells, header.line);
  if (!lookup.ok) return lookup;
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: { message: `The sheet has ${records.length - 1} rows; at most ${MAX_IMPORT_ROWS}.` },
    };
  }
  const builder = new SheetBuilder(args.base, args.newId, lookup.columns);
  if (lookup.ignored.length > 0) {
    builder.note(header.line, `columns ignored (not recognised): ${lookup.ignored.join(', ')}`);
  }
  for (const record of records.slice(1)) {
    const extra = record.cells.slice(header.cells.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      return {
        ok: false,
        error: {
          line: record.line,
          message: `Line ${record.line}: ${record.cells.length} values but the header row has ${header.cells.length} columns (a value with a comma must be in quotes).`,
        },
      };
    }
    builder.addRow(record.line, record.cells);
  }
  const candidate = builder.result();
  const restored = restore(candidate);
  if (!restored.ok) return { ok: false, error: { message: restored.error.message } };
  const repairs = restored.repairs.map((r) => ({ path: r.path, message: r.message }));
  return { ok: true, map: restored.map, notes: [...builder.notes, ...repairs] };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Items named `name`: exact names first, then those equal ignoring case and edge spaces. */
function allByName<T extends { name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.filter((i) => i.name === name);
  return [...exact, ...items.filter((i) => i.name !== name && same(i.name, name))];
}

/** Finds the item named `name`: the exact name first, then ignoring case and edge spaces. */
function byName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return allByName(items, name)[0];
}

/** The lane type whose cards are of `kind`. */
function laneTypeFor(kind: CardKind): LaneType {
  if (kind === 'question' || kind === 'decision') return 'actions';
  const entry = Object.entries(LANE_TYPE_INFO).find(([, info]) => info.cardKind === kind);
  return (entry?.[0] as LaneType | undefined) ?? 'text';
}

class SheetBuilder {
  readonly notes: ImportNote[] = [];
  private readonly stages: Stage[];
  private readonly steps: Step[];
  private readonly lanes: Lane[];
  private readonly cards: Card[] = [];

  constructor(
    private readonly base: JourneyMap,
    private readonly newId: (prefix: string) => string,
    private readonly columns: ColumnMap,
  ) {
    this.stages = [...base.stages];
    this.steps = [...base.steps];
    this.lanes = [...base.lanes];
  }

  note(line: number, message: string): void {
    this.notes.push({ line, message });
  }

  result(): JourneyMap {
    return {
      ...this.base,
      stages: this.stages,
      steps: this.steps,
      lanes: this.lanes,
      cards: this.cards,
    };
  }

  addRow(line: number, cells: readonly string[]): void {
    const cell = (f: ColumnField): string => {
      const i = this.columns[f];
      return i === undefined ? '' : unguardFormula(cells[i] ?? '');
    };
    const step = this.stepOf(line, cell('stage'), cell('step'));
    const kindCell = cell('kind');
    let kind = kindCell.trim() === '' ? null : readKind(kindCell);
    const lane = this.laneOf(line, cell('lane'), kind);
    if (kind === null) {
      kind = LANE_TYPE_INFO[lane.type].cardKind ?? 'note';
      if (kindCell.trim() !== '') {
        this.note(
          line,
          `kind "${kindCell.trim()}" is not known; made a ${kind} card (the lane's default)`,
        );
      }
    }
    let text = cell('text');
    if (text.length > CARD_TEXT_MAX) {
      text = text.slice(0, CARD_TEXT_MAX);
      this.note(line, `text longer than ${CARD_TEXT_MAX} characters; cut`);
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
    this.readChannels(line, card, cell('channels'));
    this.readKindFields(line, card, cell);
    this.cards.push(card);
  }

  private stepOf(line: number, stageCell: string, stepCell: string): Step {
    const hasStage = this.columns.stage !== undefined;
    let stage: Stage | undefined;
    if (hasStage) {
      // Several stages may share a name: the one holding the row's step wins, else the first.
      const stages = allByName(this.stages, stageCell);
      if (this.columns.step !== undefined) {
        const steps = stages.flatMap((st) => this.steps.filter((s) => s.stageId === st.id));
        const found = byName(steps, stepCell);
        if (found) return found;
      }
      stage = stages[0];
    } else {
      // No stage column: the step's existing stage, else the last stage.
      const known = byName(this.steps, stepCell);
      stage = this.stages.find((s) => s.id === known?.stageId) ?? this.stages.at(-1);
    }
    if (!stage) {
      const name = stageCell.trim() || 'Journey';
      stage = createStage(this.newId('stage'), name.slice(0, SHORT_TEXT_MAX));
      this.stages.push(stage);
      this.note(line, `stage "${stage.name}" created`);
    }
    const stageId = stage.id;
    const ofStage = this.steps.filter((s) => s.stageId === stageId);
    const stepName = this.columns.step === undefined ? stage.name : stepCell;
    const found = byName(ofStage, stepName);
    if (found) return found;
    const step = createStep({
      id: this.newId('step'),
      stageId,
      name: (stepName.trim() || stage.name).slice(0, SHORT_TEXT_MAX),
    });
    // Keep steps grouped by stage: insert after the stage's last step.
    const last = ofStage.at(-1);
    const at = last ? this.steps.indexOf(last) + 1 : this.insertionForStage(stageId);
    this.steps.splice(at, 0, step);
    this.note(line, `step "${step.name}" created in stage "${stage.name}"`);
    return step;
  }

  /** Where a stage's first step goes: before the steps of every later stage. */
  private insertionForStage(stageId: string): number {
    const order = this.stages.findIndex((s) => s.id === stageId);
    const later = new Set(this.stages.slice(order + 1).map((s) => s.id));
    const i = this.steps.findIndex((s) => later.has(s.stageId));
    return i < 0 ? this.steps.length : i;
  }

  private laneOf(line: number, laneCell: string, kind: CardKind | null): Lane {
    const found = this.columns.lane === undefined ? undefined : byName(this.lanes, laneCell);
    if (found) return found;
    const type = kind ? laneTypeFor(kind) : 'text';
    if (this.columns.lane === undefined || laneCell.trim() === '') {
      const ofType = this.lanes.find((l) => l.type === type);
      if (ofType) return ofType;
    }
    const name = laneCell.trim() || LANE_TYPE_INFO[type].name;
    const lane = createLane({ id: this.newId('lane'), type, name: name.slice(0, SHORT_TEXT_MAX) });
    this.lanes.push(lane);
    this.note(line, `lane "${lane.name}" created`);
    return lane;
  }

  private readEvidenceCells(line: number, card: Card, cell: (f: ColumnField) => string): void {
    const status = cell('evidence');
    const read = status.trim() === '' ? 'assumption' : readEvidence(status);
    if (read === null)
      this.note(line, `evidence "${status.trim()}" is not known; kept as an assumption`);
    const source = cell('source');
    const src = source.trim() === '' ? null : readSource(source);
    if (source.trim() !== '' && src === null) {
      this.note(line, `evidence source "${source.trim()}" is not known; left empty`);
    }
    card.evidence = {
      status: read ?? 'assumption',
      source: src,
      quote: cell('quote').slice(0, CARD_TEXT_MAX),
    };
  }

  private readChannels(line: number, card: Card, value: string): void {
    const ids: string[] = [];
    for (const word of readList(value)) {
      const channel = this.base.channels.find(
        (c) => c.name === word || c.id === word || same(c.name, word) || same(c.initials, word),
      );
      if (!channel)
        this.note(line, `channel "${word}" is not one of this map's channels; left out`);
      else if (!ids.includes(channel.id)) ids.push(channel.id);
    }
    card.channels = ids;
  }

  private readKindFields(line: number, card: Card, cell: (f: ColumnField) => string): void {
    const impactCell = cell('impact');
    if (card.painPoint) {
      const impact = impactCell.trim() === '' ? 'trivial' : readImpact(impactCell);
      if (impact === null) {
        this.note(
          line,
          `impact "${impactCell.trim()}" is not trivial, workaround or abandon; set to trivial`,
        );
      }
      const votes = readInt(cell('votes'), 0, 999);
      if (votes.bad)
        this.note(line, `votes "${cell('votes').trim()}" is not 0–999; set to ${votes.value ?? 0}`);
      card.painPoint = { impact: impact ?? 'trivial', votes: votes.value ?? 0 };
    }
    if (card.opportunity) {
      const impact = readInt(impactCell, 1, 5);
      const feasibility = readInt(cell('feasibility'), 1, 5);
      if (impact.bad || feasibility.bad)
        this.note(line, 'opportunity scores must be 1–5; adjusted');
      card.opportunity = {
        impact: impact.value ?? 3,
        feasibility: feasibility.value ?? 3,
        painPointIds: [],
      };
    }
  }
}
