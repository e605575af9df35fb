/**
 * Keyboard handling of the grid, by delegation: arrow keys move focus between cells and
 * headers (roving tabindex), Home/End go to the row's ends, and while a card is picked up
 * the arrows choose its target cell, Space/Enter drop it and Escape cancels.
 */
import type { KeyboardEvent } from 'react';
import type { JourneyMap, Lane } from '@domain/model/schema';
import type { EditorServices } from '../editor-context';
import { LANE_INFO } from '../labels';
import type { UiState } from '../ui-state';
import { translateNow } from '../../../i18n/i18n-context';
import type { Column } from './grid-model';
import { FIRST_LANE_ROW } from './grid-model';
import { nextCardLane } from './scribe-keys';

/** What the key handler needs to know about the grid. */
export type GridKeyContext = {
  map: JourneyMap;
  ui: UiState;
  services: EditorServices;
  rows: Lane[];
  columns: Column[];
  canEdit: boolean;
  /** Renders a cell outside the windowed part of the grid and returns it (big maps). */
  reveal?: (row: number, col: number) => HTMLElement | null;
  /** Scribe mode: Tab / Shift+Tab go to the next / previous card lane in the same column. */
  scribe?: boolean;
};

/** Handles a keydown that bubbled up to the grid. */
export function handleGridKey(e: KeyboardEvent<HTMLTableElement>, ctx: GridKeyContext): void {
  if (ctx.ui.move.get()) {
    handleMoveKey(e, ctx);
    return;
  }
  if (ctx.scribe && e.key === 'Tab' && handleScribeTab(e, ctx)) return;
  const target = e.target as HTMLElement;
  if (!target.dataset.pos || e.altKey) return;
  const [rowText, colText] = target.dataset.pos.split(':');
  const row = Number(rowText);
  const colStart = Number(target.dataset.colStart ?? colText);
  const colEnd = Number(target.dataset.colEnd ?? colText);
  const lastRow = 1 + ctx.rows.length;
  const lastCol = ctx.columns.length;
  let next: { row: number; col: number } | null = null;
  switch (e.key) {
    case 'ArrowLeft':
      next = { row, col: colStart - 1 };
      break;
    case 'ArrowRight':
      next = { row, col: colEnd + 1 };
      break;
    case 'ArrowUp':
      next = { row: row - 1, col: colStart };
      break;
    case 'ArrowDown':
      next = { row: row + 1, col: colStart };
      break;
    case 'Home':
      next = { row: e.ctrlKey ? 0 : row, col: 0 };
      break;
    case 'End':
      next = { row: e.ctrlKey ? lastRow : row, col: lastCol };
      break;
    default:
      return;
  }
  e.preventDefault();
  if (next.row < 0 || next.row > lastRow || next.col < 0 || next.col > lastCol) return;
  const table = e.currentTarget;
  const el = findCell(table, next.row, next.col) ?? ctx.reveal?.(next.row, next.col) ?? null;
  el?.focus();
}

/** The element at (row, col), honouring header cells that span several columns. */
export function findCell(table: HTMLElement, row: number, col: number): HTMLElement | null {
  for (const el of table.querySelectorAll<HTMLElement>(`[data-pos^="${row}:"]`)) {
    const a = Number(el.dataset.colStart);
    const b = Number(el.dataset.colEnd);
    if (col >= a && col <= b) return el;
  }
  return null;
}

// Scribe mode's Tab: to the same step in the next card lane. At the first / last lane Tab
// keeps its normal meaning, so the grid never traps the keyboard.
function handleScribeTab(e: KeyboardEvent<HTMLTableElement>, ctx: GridKeyContext): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-pos]');
  const [rowText = '', colText = ''] = cell?.dataset.pos?.split(':') ?? [];
  const laneIndex = Number(rowText) - FIRST_LANE_ROW;
  const col = Number(colText);
  const column = ctx.columns[col - 1];
  if (!cell || laneIndex < 0 || column?.kind !== 'step') return false;
  const to = nextCardLane(ctx.rows, laneIndex, e.shiftKey ? -1 : 1);
  const lane = to === null ? undefined : ctx.rows[to];
  if (to === null || !lane) return false;
  e.preventDefault();
  const row = FIRST_LANE_ROW + to;
  const el = findCell(e.currentTarget, row, col) ?? ctx.reveal?.(row, col) ?? null;
  el?.focus();
  ctx.services.announce(
    translateNow('editor.keys.typeCard', { lane: lane.name, step: column.step.name }),
  );
  return true;
}

function handleMoveKey(e: KeyboardEvent<HTMLTableElement>, ctx: GridKeyContext): void {
  const move = ctx.ui.move.get();
  if (!move) return;
  const { map, services, ui } = ctx;
  const cardLanes = ctx.rows.filter((l) => LANE_INFO[l.type].cardKind !== null);
  const steps = ctx.columns.flatMap((c) => (c.kind === 'step' ? [c.step] : []));
  const li = cardLanes.findIndex((l) => l.id === move.laneId);
  const si = steps.findIndex((s) => s.id === move.stepId);
  const describe = (laneId: string, stepId: string) =>
    translateNow('editor.keys.cell', {
      lane: map.lanes.find((l) => l.id === laneId)?.name ?? translateNow('editor.dnd.lane'),
      step: map.steps.find((s) => s.id === stepId)?.name ?? translateNow('editor.dnd.step'),
    });
  let lane = cardLanes[li];
  let step = steps[si];
  switch (e.key) {
    case 'ArrowLeft':
      step = steps[si - 1] ?? step;
      break;
    case 'ArrowRight':
      step = steps[si + 1] ?? step;
      break;
    case 'ArrowUp':
      lane = cardLanes[li - 1] ?? lane;
      break;
    case 'ArrowDown':
      lane = cardLanes[li + 1] ?? lane;
      break;
    case 'Escape': {
      e.preventDefault();
      e.stopPropagation();
      ui.move.set(null);
      services.announce(translateNow('editor.keys.moveCancelledBack'));
      focusCard(e.currentTarget, move.cardId);
      return;
    }
    case ' ':
    case 'Enter': {
      e.preventDefault();
      e.stopPropagation();
      ui.move.set(null);
      const card = map.cards.find((c) => c.id === move.cardId);
      if (!card) return;
      if (card.laneId === move.laneId && card.stepId === move.stepId) {
        services.announce(translateNow('editor.keys.droppedInPlace'));
      } else {
        const toIndex = map.cards.filter(
          (c) => c.laneId === move.laneId && c.stepId === move.stepId,
        ).length;
        services.store.dispatch({
          type: 'edit',
          ops: [
            { type: 'card/move', id: card.id, laneId: move.laneId, stepId: move.stepId, toIndex },
          ],
        });
        services.announce(
          translateNow('editor.keys.droppedIn', { cell: describe(move.laneId, move.stepId) }),
        );
      }
      focusCard(e.currentTarget, move.cardId);
      return;
    }
    case 'Tab':
      ui.move.set(null);
      services.announce(translateNow('editor.keys.moveCancelled'));
      return;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation();
  if (!lane || !step) return;
  if (lane.id === move.laneId && step.id === move.stepId) {
    services.announce(translateNow('editor.keys.atEdge', { cell: describe(lane.id, step.id) }));
    return;
  }
  ui.move.set({ ...move, laneId: lane.id, stepId: step.id });
  services.announce(translateNow('editor.keys.over', { cell: describe(lane.id, step.id) }));
}

function focusCard(table: HTMLElement, cardId: string): void {
  requestAnimationFrame(() =>
    table.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)?.focus(),
  );
}
