/** A table's head row: one column header per label, in order. */
import type { ReactNode } from 'react';

/** `<thead>` with one `<th scope="col">` per label (a label may be markup, e.g. a hidden caption). */
export function ColumnHeads(props: { labels: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {props.labels.map((label, i) => (
          <th key={i} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
