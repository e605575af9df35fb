/** The grid's lane rows in view; the rows outside the window collapse into spacer rows. */
import type { JourneyMap, Lane } from '@domain/model/schema';
import type { CellIndex } from './cell-index';
import type { Column } from './grid-model';
import { FIRST_LANE_ROW } from './grid-model';
import type { Segment } from './grid-window';
import { LaneRow } from './lane-row';
import { laneMoveTarget } from './move-targets';

/** `<tbody>` of the grid. */
export function GridBody(props: {
  map: JourneyMap;
  rows: Lane[];
  rowSegs: readonly Segment[];
  rowOffsets: readonly number[];
  onstageCount: number;
  columns: Column[];
  colSegs: readonly Segment[];
  cells: CellIndex;
  markers: Map<string, string[]>;
  canEdit: boolean;
}) {
  const { map, rows, rowSegs, rowOffsets, onstageCount, columns, colSegs } = props;
  const { cells, markers, canEdit } = props;
  return (
    <tbody>
      {rowSegs.map((seg) => {
        if (seg.kind === 'gap') {
          return (
            <tr key={`gap-${seg.start}`} className="grid-spacer" aria-hidden="true">
              <td
                colSpan={1 + columns.length}
                style={{
                  height: (rowOffsets[seg.end] ?? 0) - (rowOffsets[seg.start] ?? 0),
                }}
              />
            </tr>
          );
        }
        const i = seg.index;
        const lane = rows[i];
        if (!lane) return null;
        return (
          <LaneRow
            key={lane.id}
            lane={lane}
            row={FIRST_LANE_ROW + i}
            map={map}
            columns={columns}
            colSegs={colSegs}
            cells={cells}
            markers={markers}
            canEdit={canEdit}
            firstBackstage={lane.zone === 'backstage' && i === onstageCount}
            upIndex={laneMoveTarget(map.lanes, rows, i, -1)}
            downIndex={laneMoveTarget(map.lanes, rows, i, 1)}
          />
        );
      })}
    </tbody>
  );
}
