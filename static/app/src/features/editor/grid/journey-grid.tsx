/**
 * The journey map grid (role="grid"): stages over steps as columns, lanes as rows with the
 * on-stage lanes above the line of visibility and back-stage lanes below. Roving tabindex,
 * arrow-key navigation, keyboard card moves and drag and drop are handled here once, by
 * delegation, so cells stay light and memoised.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Lane } from '@domain/model/schema';
import { afterNextPaint } from '../after-next-paint';
import { COMPACT_BELOW, STRIPS_BELOW } from '../fit';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { sentimentMarkers } from '../insights';
import { useUi } from '../ui-state';
import { useValue } from '../value-store';
import type { CellIndex } from './cell-index';
import { buildCellIndex } from './cell-index';
import { GridBody } from './grid-body';
import { GridCols } from './grid-cols';
import { gridWidth } from './grid-geometry';
import { GridHead } from './grid-head';
import { FIRST_LANE_ROW, buildColumns, visibleLanes } from './grid-model';
import { findCell, handleGridKey } from './grid-keys';
import { segments } from './grid-window';
import { estimateRowHeight } from './row-height';
import { useScribe } from './scribe-state';
import { useDeferredValueStore } from './use-deferred-value-store';
import { useDndMonitor } from './use-dnd-monitor';
import { useGridWindow } from './use-grid-window';
import { useZoomPan } from './use-zoom-pan';
import { useT } from '../../../i18n';

/** Above this many cards only the lane rows and step columns in view (+ overscan) are rendered. */
export const LARGE_MAP_CARDS = 200;

/** The grid of one map. */
export function JourneyGrid() {
  const t = useT();
  const map = useEditor((s) => s.map);
  const canEdit = useCanEdit();
  const ui = useUi();
  const services = useServices();
  const zoom = useValue(ui.zoom, (z) => z);
  const tableRef = useRef<HTMLTableElement>(null);

  const { stages, steps, cards } = map;
  const { columns, spans } = useMemo(() => buildColumns({ stages, steps }), [stages, steps]);
  const cells = useIncrementalCellIndex(cards);
  const lanes = useMemo(() => visibleLanes(map.lanes), [map.lanes]);
  const stepCols = useMemo(
    () => columns.flatMap((c) => (c.kind === 'step' ? [c.step] : [])),
    [columns],
  );
  const markers = useMemo(() => sentimentMarkers(stepCols), [stepCols]);

  const windowed = cards.length > LARGE_MAP_CARDS;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const rows: Lane[] = useMemo(() => [...lanes.onstage, ...lanes.backstage], [lanes]);
  const rowKeys = useMemo(() => rows.map((l) => l.id), [rows]);
  const estimateRow = useCallback(
    (i: number) => estimateRowHeight(rows[i], cells, stepCols),
    [rows, cells, stepCols],
  );
  const win = useGridWindow({
    enabled: windowed,
    scrollerRef,
    tableRef,
    rowKeys,
    estimateRow,
    colCount: columns.length,
    zoom,
  });
  // Cells that stay rendered wherever the view is: the focused one (the roving tab stop), the
  // card being edited (its draft), the keyboard-move target and a dragged card's cell.
  const active = useRef<{ row: number; col: number }>({ row: 0, col: 0 });
  const [dragged, setDragged] = useState<{ laneId: string; stepId: string } | null>(null);
  const editingId = useDeferredValueStore(ui.editingCard);
  const scribe = useValue(useScribe(), (on) => on && canEdit);
  const moveTarget = useValue(ui.move, (m) => (m ? `${m.laneId}:${m.stepId}` : null));
  // The roving tab stop moves on every focus without re-rendering the grid; a render (window
  // move, edit) reads where it is now.
  /* eslint-disable react-hooks/refs -- deliberate: see above */
  const pinnedRows: number[] = [active.current.row - FIRST_LANE_ROW];
  const pinnedCols: number[] = [active.current.col - 1];
  /* eslint-enable react-hooks/refs */
  const pinCell = (laneId: string, stepId: string) => {
    pinnedRows.push(rows.findIndex((l) => l.id === laneId));
    pinnedCols.push(columns.findIndex((c) => c.kind === 'step' && c.step.id === stepId));
  };
  const editing = editingId ? cards.find((c) => c.id === editingId) : undefined;
  if (editing) pinCell(editing.laneId, editing.stepId);
  if (moveTarget) {
    const [laneId = '', stepId = ''] = moveTarget.split(':');
    pinCell(laneId, stepId);
  }
  if (dragged) pinCell(dragged.laneId, dragged.stepId);
  const rowSegs = segments(rows.length, win.rows, pinnedRows);
  const colSegs = segments(columns.length, win.cols, pinnedCols);

  // Keyboard navigation to a cell outside the window: pin it, render it now, then focus it (the
  // browser scrolls it into view, and the scroll moves the window there).
  const reveal = (row: number, col: number): HTMLElement | null => {
    const table = tableRef.current;
    if (!table) return null;
    active.current = { row, col };
    flushSync(() => win.refresh());
    return findCell(table, row, col);
  };

  // Keep the keyboard-move target in view as the arrows carry it across the grid.
  useLayoutEffect(() => {
    if (!moveTarget) return;
    const [laneId = '', stepId = ''] = moveTarget.split(':');
    const row = FIRST_LANE_ROW + rows.findIndex((l) => l.id === laneId);
    const col = 1 + columns.findIndex((c) => c.kind === 'step' && c.step.id === stepId);
    const el = tableRef.current ? findCell(tableRef.current, row, col) : null;
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [moveTarget, rows, columns]);

  useDndMonitor(map, canEdit, setDragged);
  useZoomPan({ scrollerRef, zoom: ui.zoom });
  // Focus mode opens where the page view was (and the page goes back to where focus mode was).
  useLayoutEffect(() => {
    const at = ui.startAt;
    if (at)
      requestAnimationFrame(() => scrollerRef.current?.scrollTo({ left: at.left, top: at.top }));
  }, [ui]);
  // For the performance budget (first render of a map), read by benchmarks. A layout effect
  // runs as the grid enters the DOM; its rAF + task land right after the frame that paints it
  // (a passive effect would add up to a frame of React's scheduling to the figure).
  useLayoutEffect(() => {
    performance.mark('cjm:grid-mounted');
    afterNextPaint(() => performance.mark('cjm:grid-painted'));
  }, []);

  return (
    <div className="grid-scroller" data-testid="grid-scroller" ref={scrollerRef}>
      <div className="grid-zoom" style={{ zoom }}>
        <table
          ref={tableRef}
          role="grid"
          aria-label={t('editor.grid.label')}
          aria-rowcount={2 + rows.length}
          aria-colcount={1 + columns.length}
          id="journey-grid"
          className={`journey-grid${windowed ? ' is-large' : ''}${zoom < COMPACT_BELOW ? ' is-compact' : ''}${zoom < STRIPS_BELOW ? ' is-strips' : ''}`}
          style={{ width: gridWidth(columns.length) }}
          onKeyDown={(e) =>
            handleGridKey(e, { map, ui, services, rows, columns, canEdit, reveal, scribe })
          }
          onFocus={(e) => {
            const el = e.target as HTMLElement;
            if (!el.dataset.pos) return;
            const [r = 0, c = 0] = el.dataset.pos.split(':').map(Number);
            active.current = { row: r, col: c };
            for (const other of tableRef.current?.querySelectorAll<HTMLElement>(
              '[data-pos][tabindex="0"]',
            ) ?? []) {
              if (other !== el) other.tabIndex = -1;
            }
            el.tabIndex = 0;
          }}
        >
          <GridCols count={columns.length} />
          <GridHead map={map} columns={columns} spans={spans} colSegs={colSegs} canEdit={canEdit} />
          <GridBody
            map={map}
            rows={rows}
            rowSegs={rowSegs}
            rowOffsets={win.rowOffsets}
            onstageCount={lanes.onstage.length}
            columns={columns}
            colSegs={colSegs}
            cells={cells}
            markers={markers}
            canEdit={canEdit}
          />
        </table>
      </div>
    </div>
  );
}

// The cell index is rebuilt from the previous one, reusing the arrays of cells an edit did not
// touch, so their memoised cells skip re-rendering.
function useIncrementalCellIndex(cards: Parameters<typeof buildCellIndex>[0]): CellIndex {
  const [state, setState] = useState(() => ({ cards, index: buildCellIndex(cards, null) }));
  if (state.cards === cards) return state.index;
  const next = { cards, index: buildCellIndex(cards, state.index) };
  setState(next);
  return next.index;
}
