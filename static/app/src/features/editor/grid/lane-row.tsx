/** One lane of the grid: its header and a cell per step column (cards, chart or metrics). */
import type { JourneyMap, Lane } from '@domain/model/schema';
import { LANE_INFO } from '../labels';
import { CardCell } from './card-cell';
import type { CellIndex } from './cell-index';
import { cellCards } from './cell-index';
import { GapCell } from './gap-cell';
import { cellPos } from './cell-pos';
import type { Column } from './grid-model';
import type { Segment } from './grid-window';
import { LaneHeader } from './headers';
import { MetricsCell } from './metrics-cell';
import { SentimentCell } from './sentiment-cell';

/** A lane row; only the columns in `colSegs` are rendered, the others are gaps. */
export function LaneRow(props: {
  lane: Lane;
  row: number;
  map: JourneyMap;
  columns: Column[];
  colSegs: readonly Segment[];
  cells: CellIndex;
  markers: Map<string, string[]>;
  canEdit: boolean;
  firstBackstage: boolean;
  upIndex: number | null;
  downIndex: number | null;
}) {
  const { lane, row, columns } = props;
  const stepValues = columns.map((c) => (c.kind === 'step' ? c.step.sentiment : null));
  return (
    <tr
      role="row"
      aria-rowindex={row + 1}
      data-row-key={lane.id}
      className={`lane-row zone-${lane.zone}${props.firstBackstage ? ' below-visibility' : ''}`}
    >
      <LaneHeader
        lane={lane}
        laneIndex={props.map.lanes.indexOf(lane)}
        upIndex={props.upIndex}
        downIndex={props.downIndex}
        canEdit={props.canEdit}
        row={row}
      />
      {props.colSegs.map((seg) => {
        if (seg.kind === 'gap') return <GapCell key={`gap-${seg.start}`} seg={seg} />;
        const i = seg.index;
        const col = columns[i];
        if (!col) return null;
        const colIndex = i + 1;
        if (col.kind === 'empty') {
          return (
            <td
              key={col.key}
              role="gridcell"
              tabIndex={-1}
              {...cellPos({ row, colStart: colIndex })}
              className="cell is-empty"
            />
          );
        }
        // What the step charts (sentiment, metrics) need to know of their cell.
        const stepCell = {
          stepId: col.step.id,
          stepName: col.step.name,
          canEdit: props.canEdit,
          row,
          col: colIndex,
        };
        if (lane.type === 'emotions') {
          return (
            <SentimentCell
              key={col.key}
              {...stepCell}
              value={col.step.sentiment}
              prev={prevCharted(stepValues, i, -1)}
              next={prevCharted(stepValues, i, 1)}
              markers={props.markers.get(col.step.id) ?? NO_MARKERS}
            />
          );
        }
        if (lane.type === 'metrics') {
          return <MetricsCell key={col.key} {...stepCell} metrics={col.step.metrics} />;
        }
        return (
          <CardCell
            key={col.key}
            lane={lane}
            stepId={col.step.id}
            stepName={col.step.name}
            cards={cellCards(props.cells, lane.id, col.step.id)}
            channels={props.map.channels}
            canEdit={props.canEdit && LANE_INFO[lane.type].cardKind !== null}
            row={row}
            col={colIndex}
          />
        );
      })}
    </tr>
  );
}

const NO_MARKERS: readonly string[] = [];

// The line continues across uncharted steps only to the immediate neighbour; a gap stays a gap.
function prevCharted(values: (number | null)[], i: number, dir: -1 | 1): number | null {
  const v = values[i + dir];
  return v === undefined ? null : v;
}
