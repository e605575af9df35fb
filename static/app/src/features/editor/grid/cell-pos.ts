/**
 * Where a grid cell or header stands, as the attributes the roving focus (`data-pos`), the column
 * windowing (`data-col-start` / `data-col-end`) and assistive technology (`aria-colindex`) read.
 */
import type { KeyboardEvent } from 'react';

/** A cell's place: its row and the grid columns it spans (one unless `colEnd` says more). */
export type CellPlace = { row: number; colStart: number; colEnd?: number };

/** The position attributes of a cell at `place` (spread onto its `<td>` / `<th>`). */
export function cellPos(place: CellPlace) {
  return {
    'data-pos': `${place.row}:${place.colStart}`,
    'data-col-start': place.colStart,
    'data-col-end': place.colEnd ?? place.colStart,
    'aria-colindex': place.colStart + 1,
  };
}

/** A cell's key handler: Enter on the cell itself moves focus to its first `selector` inside. */
export function enterFocuses(selector: string) {
  return (e: KeyboardEvent<HTMLElement>): void => {
    if (e.target === e.currentTarget && e.key === 'Enter') {
      e.preventDefault();
      e.currentTarget.querySelector<HTMLElement>(selector)?.focus();
    }
  };
}
