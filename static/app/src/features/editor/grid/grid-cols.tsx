/** The grid's `<colgroup>`: fixes every column's width, so rendered and windowed columns agree. */
import { memo } from 'react';
import { COLUMN_WIDTH, CORNER_WIDTH } from './grid-geometry';

/** One `<col>` for the lane headers and one per step column. */
export const GridCols = memo(function GridCols({ count }: { count: number }) {
  return (
    <colgroup>
      <col style={{ width: CORNER_WIDTH }} />
      {Array.from({ length: count }, (_, i) => (
        <col key={i} style={{ width: COLUMN_WIDTH }} />
      ))}
    </colgroup>
  );
});
