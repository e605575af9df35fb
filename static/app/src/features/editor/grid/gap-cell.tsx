import { COLUMN_WIDTH } from './grid-geometry';

/** Stands in for the columns outside the window, at their width so the table keeps its size. */
export function GapCell({
  seg,
  header,
}: {
  seg: { start: number; end: number };
  header?: boolean;
}) {
  const Tag = header ? 'th' : 'td';
  return (
    <Tag
      className="grid-gap"
      aria-hidden="true"
      colSpan={seg.end - seg.start}
      style={{ width: (seg.end - seg.start) * COLUMN_WIDTH }}
    />
  );
}
