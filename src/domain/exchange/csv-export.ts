/**
 * The map as CSV for spreadsheets: one row per card in journey order (stage, step, lane, then
 * the card's order in its cell), every cell guarded against formula injection.
 */
import type { Card, JourneyMap } from '../model/schema';
import { COLUMN_FIELDS, COLUMN_HEADERS } from './columns';
import type { ColumnField } from './columns';
import { serialiseCsv } from './csv';
import { guardFormula } from './formula-guard';

/** Separator of list cells (teams, channels); import also splits on line breaks. */
export const LIST_SEPARATOR = '; ';

/** The cells of one card, by field. */
export function cardRow(map: JourneyMap, card: Card): Record<ColumnField, string> {
  const step = map.steps.find((s) => s.id === card.stepId);
  const stage = map.stages.find((s) => s.id === step?.stageId);
  const lane = map.lanes.find((l) => l.id === card.laneId);
  const channelName = (id: string) => map.channels.find((c) => c.id === id)?.name ?? id;
  return {
    stage: stage?.name ?? '',
    step: step?.name ?? '',
    lane: lane?.name ?? '',
    kind: card.kind,
    text: card.text,
    impact: card.painPoint?.impact ?? (card.opportunity ? String(card.opportunity.impact) : ''),
    votes: card.painPoint ? String(card.painPoint.votes) : '',
    teams: card.teams.join(LIST_SEPARATOR),
    evidence: card.evidence.status,
    source: card.evidence.source ?? '',
    quote: card.evidence.quote,
    channels: card.channels.map(channelName).join(LIST_SEPARATOR),
    feasibility: card.opportunity ? String(card.opportunity.feasibility) : '',
  };
}

/** Cards in journey order: by step, then lane, then their order in the cell. */
export function cardsInJourneyOrder(map: JourneyMap): Card[] {
  const cells = new Map<string, Card[]>();
  for (const card of map.cards) {
    const key = `${card.stepId}\u0000${card.laneId}`;
    const cell = cells.get(key);
    if (cell) cell.push(card);
    else cells.set(key, [card]);
  }
  return map.steps.flatMap((step) =>
    map.lanes.flatMap((lane) => cells.get(`${step.id}\u0000${lane.id}`) ?? []),
  );
}

/** The CSV file: BOM, header row, one row per card. */
export function exportCsv(map: JourneyMap): string {
  const header = COLUMN_FIELDS.map((f) => COLUMN_HEADERS[f]);
  const rows = cardsInJourneyOrder(map).map((card) => {
    const row = cardRow(map, card);
    return COLUMN_FIELDS.map((f) => guardFormula(row[f]));
  });
  return serialiseCsv([header, ...rows]);
}
