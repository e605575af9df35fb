/**
 * UI-only state shared across the editor: what the details panel shows, the card being moved
 * with the keyboard and its target, and the zoom level.
 */
import { createContext, useContext } from 'react';
import type { FieldPath } from './presence/field-path';
import type { ValueStore } from './value-store';
import { createValueStore } from './value-store';

/** What the details panel shows. */
export type Selection =
  { kind: 'card'; id: string } | { kind: 'step'; id: string } | { kind: 'lane'; id: string } | null;

/** A keyboard move in progress. */
export type KeyboardMove = {
  cardId: string;
  laneId: string;
  stepId: string;
} | null;

/** Where the editor is shown: in the page (compact) or full-screen in focus mode. */
export type ViewMode = 'page' | 'focus';

/** The grid's scroll offsets and zoom, carried into and out of focus mode. */
export type Place = { left: number; top: number; zoom: number };

/** UI stores of one editor. */
export type UiState = {
  view: ViewMode;
  /** Where the grid starts (focus mode opens where the page view was); consumed once. */
  startAt: Place | null;
  selection: ValueStore<Selection>;
  move: ValueStore<KeyboardMove>;
  editingCard: ValueStore<string | null>;
  /** The text field (not a card) this person types in, told to the others by presence. */
  editingField: ValueStore<FieldPath | null>;
  zoom: ValueStore<number>;
};

/** Fresh UI stores. */
export function createUiState(opts: { view?: ViewMode; startAt?: Place | null } = {}): UiState {
  return {
    view: opts.view ?? 'page',
    startAt: opts.startAt ?? null,
    selection: createValueStore<Selection>(null),
    move: createValueStore<KeyboardMove>(null),
    editingCard: createValueStore<string | null>(null),
    editingField: createValueStore<FieldPath | null>(null),
    zoom: createValueStore(opts.startAt?.zoom ?? 1),
  };
}

/** Context carrying the UI stores. */
export const UiContext = createContext<UiState | null>(null);

/** The UI stores; throws outside an editor. */
export function useUi(): UiState {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside <UiContext>');
  return ui;
}
