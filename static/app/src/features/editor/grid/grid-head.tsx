/** The grid's two header rows: stages (with their spans) and the step columns in view. */
import { useMemo } from 'react';
import type { JourneyMap } from '@domain/model/schema';
import { GapCell } from './gap-cell';
import { cellPos } from './cell-pos';
import type { Column, StageSpan } from './grid-model';
import type { Segment } from './grid-window';
import { StageHeader, StepHeader } from './headers';
import { stepMoveTarget } from './move-targets';
import { decisionTracks } from './decision-tracks';
import { useT } from '../../../i18n';

const NO_POS = { row: 0, colStart: 0, colEnd: 0 };

/** `<thead>` of the grid; `colSegs` says which step columns are rendered. */
export function GridHead(props: {
  map: JourneyMap;
  columns: Column[];
  spans: StageSpan[];
  colSegs: readonly Segment[];
  canEdit: boolean;
}) {
  const t = useT();
  const { map, columns, spans, colSegs, canEdit } = props;
  // Header props built once per column layout, so an edit elsewhere keeps their identity and
  // the memoised headers skip re-rendering.
  const stagePos = useMemo(
    () =>
      spans.map((s) => {
        const start = 1 + columns.findIndex((c) => c.stage.id === s.stage.id);
        return { row: 0, colStart: start, colEnd: start + s.span - 1 };
      }),
    [spans, columns],
  );
  const stepNav = useMemo(
    () =>
      columns.map((_, i) => ({
        pos: { row: 1, colStart: i + 1, colEnd: i + 1 },
        moveLeft: stepMoveTarget(columns, i, -1),
        moveRight: stepMoveTarget(columns, i, 1),
      })),
    [columns],
  );
  const tracks = useMemo(() => decisionTracks(columns), [columns]);
  const pathLabels = useMemo(() => {
    const labels = new Map<string, string>();
    for (const step of map.steps)
      for (const p of step.paths) labels.set(p.id, `${step.name}: ${p.label}`);
    return labels;
  }, [map.steps]);
  return (
    <thead>
      <tr role="row" aria-rowindex={1}>
        <Corner row={0} label={t('editor.grid.stage')} />
        {spans.map((s, i) => (
          <StageHeader
            key={s.stage.id}
            stage={s.stage}
            index={s.index}
            span={s.span}
            stageCount={spans.length}
            canEdit={canEdit}
            pos={stagePos[i] ?? NO_POS}
          />
        ))}
      </tr>
      <tr role="row" aria-rowindex={2}>
        <Corner row={1} label={t('editor.grid.step')} />
        {colSegs.map((seg) => {
          if (seg.kind === 'gap') return <GapCell key={`gap-${seg.start}`} seg={seg} header />;
          const i = seg.index;
          const col = columns[i];
          if (!col) return null;
          return col.kind === 'step' ? (
            <StepHeader
              key={col.key}
              step={col.step}
              stageName={col.stage.name}
              pathLabel={col.step.pathId ? (pathLabels.get(col.step.pathId) ?? null) : null}
              track={tracks[i] ?? null}
              channels={map.channels}
              canEdit={canEdit}
              pos={stepNav[i]?.pos ?? NO_POS}
              moveLeft={stepNav[i]?.moveLeft ?? null}
              moveRight={stepNav[i]?.moveRight ?? null}
            />
          ) : (
            <th
              key={col.key}
              role="columnheader"
              scope="col"
              tabIndex={-1}
              {...cellPos({ row: 1, colStart: i + 1 })}
              className="step-header is-empty"
            >
              <span className="placeholder">
                {t('editor.grid.noSteps', { stage: col.stage.name })}
              </span>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** The corner above the lane headers in header row `row`; the grid's first stop is row 0's. */
function Corner(props: { row: number; label: string }) {
  return (
    <th
      role="columnheader"
      scope="col"
      tabIndex={props.row === 0 ? 0 : -1}
      {...cellPos({ row: props.row, colStart: 0 })}
      className="corner"
    >
      {props.label}
    </th>
  );
}
