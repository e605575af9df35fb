/**
 * The wide layout into a map (see `wide-columns.ts`): each row a step (Phase → stage,
 * Touchpoint or Step → step name), each lane column's cell one card per line in that lane,
 * Emotion → the step's sentiment, Channel → its channels. Every column's reading and every
 * guess is noted, so the preview says where each column went.
 */
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import { LANE_TYPE_INFO, createCard } from '../model/factories';
import type { Card, JourneyMap, Lane } from '../model/schema';
import { CARD_TEXT_MAX } from '../model/schema';
import type { CsvRecord } from './csv';
import { unguardFormula } from './formula-guard';
import type { ImportNote } from './import-outcome';
import type { SentimentScale } from './sentiment-words';
import { NATIVE_SCALE, readSentiment, sentimentScaleOf } from './sentiment-words';
import { SheetStructure, textCut } from './sheet-structure';
import type { WideColumn } from './wide-columns';

/** Arguments of {@link importWideRows}. */
export type WideImportArgs = {
  header: CsvRecord;
  rows: readonly CsvRecord[];
  columns: readonly WideColumn[];
  base: JourneyMap;
  newId: (prefix: string) => string;
};

/** Leading list marks a cell's lines may carry ("- ", "• ", "* "). */
const BULLET = /^\s*(?:[-*•·▪◦‣]\s+)/u;

/** Builds the map the wide sheet describes (before `restore`). */
export function importWideRows(args: WideImportArgs): { map: JourneyMap; notes: ImportNote[] } {
  const { columns, header } = args;
  const at = (role: WideColumn['role']) => columns.findIndex((c) => c.role === role);
  const [stageAt, stepAt, emotionAt, channelsAt] = [
    at('stage'),
    at('step'),
    at('emotion'),
    at('channels'),
  ];
  const structure = new SheetStructure(args.base, args.newId, {
    stage: stageAt >= 0,
    step: stepAt >= 0,
  });
  const value = (cells: readonly string[], i: number) =>
    i < 0 ? '' : unguardFormula(cells[i] ?? '');
  noteColumns(structure, header, columns);
  const scale = emotionAt < 0 ? NATIVE_SCALE : readScale(structure, args, emotionAt);

  const lanes = new Map<number, Lane>();
  const laneFor = (line: number, i: number, column: WideColumn & { role: 'lane' }): Lane => {
    const known = lanes.get(i) ?? structure.lanes.find((l) => l.id === column.laneId);
    const lane = known ?? structure.addLane(line, column.type, column.header);
    lanes.set(i, lane);
    return lane;
  };
  const cards: Card[] = [];
  const sentiments = new Map<string, { value: number | null; line: number }>();
  const channels = new Map<string, string[]>();
  for (const row of args.rows) {
    const { cells, line } = row;
    const step = structure.stepOf(line, value(cells, stageAt), value(cells, stepAt));
    if (emotionAt >= 0) {
      readEmotion({ structure, line, cell: value(cells, emotionAt), scale, step, sentiments });
    }
    if (channelsAt >= 0) {
      const ids = structure.channelIds(line, value(cells, channelsAt));
      channels.set(step.id, [...new Set([...(channels.get(step.id) ?? []), ...ids])]);
    }
    columns.forEach((column, i) => {
      if (column.role !== 'lane') return;
      for (const item of itemsOf(value(cells, i))) {
        const lane = laneFor(line, i, column);
        let text = item;
        if (text.length > CARD_TEXT_MAX) {
          text = text.slice(0, CARD_TEXT_MAX);
          structure.note(line, `text longer than ${CARD_TEXT_MAX} characters; cut`, textCut());
        }
        const kind = LANE_TYPE_INFO[lane.type].cardKind ?? 'note';
        cards.push(
          createCard({ id: args.newId('card'), laneId: lane.id, stepId: step.id, kind, text }),
        );
      }
    });
  }
  for (const step of structure.steps) {
    const sentiment = sentiments.get(step.id);
    const ids = channels.get(step.id);
    if (!sentiment && !ids) continue;
    structure.replaceStep({
      ...step,
      ...(sentiment ? { sentiment: sentiment.value } : {}),
      ...(ids ? { channels: ids } : {}),
    });
  }
  const { stages, steps } = structure;
  return {
    map: { ...args.base, stages, steps, lanes: structure.lanes, cards },
    notes: structure.notes,
  };
}

/** A cell's cards: one per non-empty line, list marks removed. */
function itemsOf(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(BULLET, '').trim())
    .filter((l) => l !== '');
}

const ROLE_TARGET = {
  stage: 'stages',
  step: 'steps',
  emotion: "each step's sentiment",
  channels: "each step's channels",
} as const;

/** The same targets in catalogue words. */
const ROLE_SAID: Readonly<Record<keyof typeof ROLE_TARGET, Message>> = {
  stage: msg('exchange.sheet.target.stages'),
  step: msg('exchange.sheet.target.steps'),
  emotion: msg('exchange.sheet.target.sentiment'),
  channels: msg('exchange.sheet.target.channels'),
};

/** `items` as one message, "a, b, c" in the person's language (nested pairs). */
function listSaid(items: readonly Message[]): Message {
  const [first, ...rest] = items;
  if (!first) return msg('exchange.sheet.none');
  return rest.length === 0
    ? first
    : msg('exchange.sheet.listMore', { first, rest: listSaid(rest) });
}

/** Says at the header line where each column goes. */
function noteColumns(
  structure: SheetStructure,
  header: CsvRecord,
  columns: readonly WideColumn[],
): void {
  const lanesById = new Map(structure.lanes.map((l) => [l.id, l]));
  const parts: string[] = [];
  const partsSaid: Message[] = [];
  const unknown: { message: string; said: Message }[] = [];
  columns.forEach((c, i) => {
    const name = header.cells[i]?.trim() ?? '';
    if (c.role !== 'lane') {
      parts.push(`"${name}" → ${ROLE_TARGET[c.role]}`);
      partsSaid.push(msg('exchange.sheet.columnTo', { column: name, target: ROLE_SAID[c.role] }));
      return;
    }
    if (!c.known) {
      unknown.push({
        message: `column "${c.header}" is not a lane this app knows: its values become notes in a lane "${c.header}"`,
        said: msg('exchange.sheet.columnUnknown', { column: c.header }),
      });
    } else {
      const lane = c.laneId ? lanesById.get(c.laneId) : undefined;
      parts.push(
        lane ? `"${c.header}" → lane "${lane.name}"` : `"${c.header}" → a new lane "${c.header}"`,
      );
      partsSaid.push(
        lane
          ? msg('exchange.sheet.columnToLane', { column: c.header, lane: lane.name })
          : msg('exchange.sheet.columnToNewLane', { column: c.header }),
      );
    }
  });
  structure.note(
    header.line,
    `one row per step, one column per lane: ${parts.join(', ')}`,
    msg('exchange.sheet.wideColumns', { columns: listSaid(partsSaid) }),
  );
  for (const u of unknown) structure.note(header.line, u.message, u.said);
}

/** The emotion column's numeric scale, noted when it is not −2…2. */
function readScale(
  structure: SheetStructure,
  args: WideImportArgs,
  emotionAt: number,
): SentimentScale {
  const scale = sentimentScaleOf(args.rows.map((r) => unguardFormula(r.cells[emotionAt] ?? '')));
  if (!scale) {
    structure.note(
      args.header.line,
      'emotion numbers outside −2…2; each is kept within −2…2',
      msg('exchange.sheet.emotionClamped'),
    );
    return NATIVE_SCALE;
  }
  if (scale !== NATIVE_SCALE) {
    structure.note(
      args.header.line,
      `emotion numbers read on a ${scale.lo}–${scale.hi} scale (${scale.lo} = −2, ${scale.hi} = +2)`,
      msg('exchange.sheet.emotionScale', { lo: scale.lo, hi: scale.hi }),
    );
  }
  return scale;
}

/** Sets the step's sentiment from its emotion cell (noting guesses and conflicts). */
function readEmotion(args: {
  structure: SheetStructure;
  line: number;
  cell: string;
  scale: SentimentScale;
  step: { id: string; name: string };
  sentiments: Map<string, { value: number | null; line: number }>;
}): void {
  const { structure, line, cell, step, sentiments } = args;
  const before = sentiments.get(step.id);
  if (!before) sentiments.set(step.id, { value: null, line });
  const read = readSentiment(cell, args.scale);
  if (read.kind === 'empty') return;
  if (read.kind === 'unknown') {
    structure.note(
      line,
      `emotion "${cell.trim()}" is neither a number nor a feeling this app knows; sentiment left empty`,
      msg('exchange.sheet.emotionUnknown', { given: cell.trim() }),
    );
    return;
  }
  const signed = read.value > 0 ? `+${read.value}` : `${read.value}`.replace('-', '−');
  if (read.fromWord) {
    const given = cell.trim();
    structure.note(
      line,
      `emotion "${given}" read as ${signed}`,
      msg('exchange.sheet.emotionRead', { given, signed }),
    );
  }
  if (before && before.value !== null && before.value !== read.value) {
    structure.note(
      line,
      `step "${step.name}" already had sentiment ${before.value} (line ${before.line}); now ${signed}`,
      msg('exchange.sheet.sentimentTwice', {
        step: step.name,
        was: before.value,
        line: before.line,
        signed,
      }),
    );
  }
  sentiments.set(step.id, { value: read.value, line });
}
