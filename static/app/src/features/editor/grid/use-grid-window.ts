/**
 * Which lane rows and step columns of a big grid are rendered: those in the scroller's view
 * plus an overscan, recomputed on scroll, resize and zoom. Row heights are measured once rows
 * have been on screen and estimated before; columns all have the same width. Without `enabled`
 * everything is rendered (small maps).
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Span } from './grid-window';
import { covers, prefixSums, spanInView } from './grid-window';
import { afterNextPaint } from '../after-next-paint';
import { COLUMN_WIDTH, CORNER_WIDTH } from './grid-geometry';

/** Rows and columns beyond the view rendered too, so a short scroll shows no blank. */
const ROW_OVERSCAN = 1;
const COL_OVERSCAN = 3;
/** Before the first layout: the scroller's max-height (editor.css) and the headers' sizes. */
const VIEW_HEIGHT_GUESS = 720;
const HEAD_HEIGHT_GUESS = 110;

/** The rendered part of the grid. */
export type GridWindowState = {
  rows: Span;
  cols: Span;
  /** Where each row starts (tbody coordinates, unzoomed px); the last entry is the total. */
  rowOffsets: readonly number[];
  /** Re-renders the grid (after the pinned cells changed, e.g. to reveal a cell). */
  refresh(): void;
};

/** Windowing state of the grid. */
export function useGridWindow(args: {
  enabled: boolean;
  scrollerRef: RefObject<HTMLDivElement | null>;
  tableRef: RefObject<HTMLTableElement | null>;
  rowKeys: readonly string[];
  estimateRow: (index: number) => number;
  colCount: number;
  zoom: number;
}): GridWindowState {
  const { enabled, scrollerRef, tableRef, rowKeys, colCount, zoom } = args;
  const measured = useRef(new Map<string, number>());
  const widened = useRef(false);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  // A measurement cache, not state: `update` fills it after layout and re-renders when it changed.
  /* eslint-disable react-hooks/refs -- see above */
  const rowOffsets = prefixSums(
    rowKeys.map((k, i) => measured.current.get(k) ?? args.estimateRow(i)),
  );
  /* eslint-enable react-hooks/refs */
  const all = { rows: { start: 0, end: rowKeys.length }, cols: { start: 0, end: colCount } };
  const [win, setWin] = useState(() =>
    initialWindow({ rowOffsets, colCount, zoom, width: window.innerWidth }),
  );
  const current: Latest = {
    rowOffsets,
    colCount,
    zoom,
    rowKeys,
    win,
    estimateRow: args.estimateRow,
  };
  const latest = useRef(current);
  // Before any other layout effect below, so `update` sees this render's values.
  useLayoutEffect(() => {
    latest.current = current;
  });

  const update = useCallback(() => {
    const scroller = scrollerRef.current;
    const table = tableRef.current;
    if (!scroller || !table) return;
    const { colCount: cols, zoom: z, rowKeys: keys, win: shown } = latest.current;
    // Measure the rendered rows now, while layout is clean (a scroll or resize just happened).
    let changed = false;
    for (const tr of table.querySelectorAll<HTMLElement>('tbody tr[data-row-key]')) {
      const key = tr.dataset.rowKey ?? '';
      const h = tr.getBoundingClientRect().height / z;
      if (Math.abs((measured.current.get(key) ?? 0) - h) > 0.5) {
        measured.current.set(key, h);
        changed = true;
      }
    }
    const offsets = changed
      ? prefixSums(keys.map((k, i) => measured.current.get(k) ?? latest.current.estimateRow(i)))
      : latest.current.rowOffsets;
    const headHeight = (table.tHead?.getBoundingClientRect().height ?? HEAD_HEIGHT_GUESS * z) / z;
    const top = scroller.scrollTop / z;
    const needRows = spanInView({
      offsets,
      from: top,
      to: top + scroller.clientHeight / z - headHeight,
      overscan: 0,
    });
    const colOffsets = Array.from({ length: cols + 1 }, (_, i) => i * COLUMN_WIDTH);
    const left = scroller.scrollLeft / z;
    const needCols = spanInView({
      offsets: colOffsets,
      from: left,
      to: left + scroller.clientWidth / z - CORNER_WIDTH,
      overscan: 0,
    });
    // The first render had no overscan (to paint sooner): widen it once, after that paint.
    const first = !widened.current;
    widened.current = true;
    if (!first && covers(shown.rows, needRows) && covers(shown.cols, needCols)) {
      if (changed) refresh();
      return;
    }
    setWin({
      rows: widen(needRows, ROW_OVERSCAN, keys.length),
      cols: widen(needCols, COL_OVERSCAN, cols),
    });
  }, [scrollerRef, tableRef]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!enabled || !scroller) return;
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    // Scroll events run in the frame's rendering steps, before paint: moving the window right
    // there (flushSync) paints the new rows and columns in the same frame as the scroll, so no
    // spacer is ever painted in view.
    const onScroll = () => flushSync(update);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(scroller);
    // The first look comes after the first paint (a task after the next frame, queued behind
    // the grid's paint mark): measuring earlier would force layout ahead of that paint.
    const cancelFirst = afterNextPaint(update);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
      cancelFirst();
    };
  }, [enabled, scrollerRef, update]);

  // A zoom change or a new shape (rows, columns added) moves what is in view.
  const shape = `${zoom}:${rowKeys.length}:${colCount}`;
  const lastShape = useRef(shape);
  useLayoutEffect(() => {
    if (!enabled || lastShape.current === shape) return;
    lastShape.current = shape;
    const frame = requestAnimationFrame(update);
    return () => cancelAnimationFrame(frame);
  }, [enabled, shape, update]);

  if (!enabled) return { ...all, rowOffsets, refresh };
  return {
    rows: clamp(win.rows, rowKeys.length),
    cols: clamp(win.cols, colCount),
    rowOffsets,
    refresh,
  };
}

type Latest = {
  rowOffsets: readonly number[];
  colCount: number;
  zoom: number;
  rowKeys: readonly string[];
  win: { rows: Span; cols: Span };
  estimateRow: (index: number) => number;
};

function initialWindow(args: {
  rowOffsets: readonly number[];
  colCount: number;
  zoom: number;
  width: number;
}): { rows: Span; cols: Span } {
  const rows = spanInView({
    offsets: args.rowOffsets,
    from: 0,
    to: VIEW_HEIGHT_GUESS / args.zoom - HEAD_HEIGHT_GUESS,
    overscan: 0,
  });
  const cols = {
    start: 0,
    end: Math.ceil((args.width / args.zoom - CORNER_WIDTH) / COLUMN_WIDTH),
  };
  return { rows, cols: { start: 0, end: Math.min(cols.end, args.colCount) } };
}

function widen(span: Span, by: number, count: number): Span {
  return { start: Math.max(0, span.start - by), end: Math.min(count, span.end + by) };
}

function clamp(span: Span, count: number): Span {
  return { start: Math.min(span.start, count), end: Math.min(span.end, count) };
}
