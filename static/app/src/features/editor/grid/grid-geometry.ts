/**
 * The grid's column geometry, one source for the layout (the table's `<colgroup>` and width)
 * and the window arithmetic (which columns are in view): when they disagree, columns drift out
 * of the window and the view shows blank spacers (issue 15).
 */

/** The lane-header column (editor.css `.journey-grid .corner`). */
export const CORNER_WIDTH = 168;
/** Every step column (editor.css `.journey-grid td, .step-header`). */
export const COLUMN_WIDTH = 212;

/** The table's full width with `colCount` step columns (unzoomed px). */
export function gridWidth(colCount: number): number {
  return CORNER_WIDTH + colCount * COLUMN_WIDTH;
}
