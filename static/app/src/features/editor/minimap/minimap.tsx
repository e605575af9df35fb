/**
 * The minimap (issue 15): on a map wider or taller than the view, a small overview of the whole
 * map (stages, lanes in their cards' kind colours, the sentiment line) with a rectangle for
 * where the view is. Click or drag in it to move the view; with the keyboard it is a slider
 * (arrows move by a step or a lane, Page Up / Page Down by a screen, Home / End to the ends).
 * Scrolling only moves the rectangle (a style change in an animation frame); the overview is
 * redrawn when the map changes.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useEditor } from '../editor-context';
import { useUi } from '../ui-state';
import { COLUMN_WIDTH } from '../grid/grid-geometry';
import { drawOverview } from './minimap-draw';
import type { ScrollBox } from './minimap-model';
import { overviewOf, scrollFor, stepsInView, viewRect } from './minimap-model';
import { useT } from '../../../i18n';
import './minimap.css';

/** The scroller's geometry now. */
function boxOf(scroller: HTMLElement, zoom: number, steps: number): ScrollBox {
  const head = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  return {
    scrollLeft: scroller.scrollLeft,
    scrollTop: scroller.scrollTop,
    clientWidth: scroller.clientWidth,
    clientHeight: scroller.clientHeight,
    scrollWidth: scroller.scrollWidth,
    scrollHeight: scroller.scrollHeight,
    zoom,
    headHeight: head,
    steps,
  };
}

/** The overview of the grid in `scroller`. */
export function Minimap(props: { scroller: HTMLElement }) {
  const t = useT();
  const { scroller } = props;
  const map = useEditor((s) => s.map);
  const ui = useUi();
  const overview = useMemo(() => overviewOf(map), [map]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rectRef = useRef<HTMLDivElement>(null);
  const sliderRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const lanes = overview.lanes.length;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const frame = requestAnimationFrame(() => drawOverview(canvas, overview));
    return () => cancelAnimationFrame(frame);
  }, [overview]);

  // The rectangle and the slider's value follow the scroller. The geometry is read in the
  // scroll event's capture phase, before the grid's own listener moves its window (layout is
  // still clean then, so the reads cost nothing), and written in the next animation frame.
  useEffect(() => {
    let frame = 0;
    let box: ScrollBox | null = null;
    const place = () => {
      frame = 0;
      const now = box ?? boxOf(scroller, ui.zoom.get(), overview.steps);
      box = null;
      const r = viewRect(now);
      const el = rectRef.current;
      if (el) {
        el.style.left = `${r.x * 100}%`;
        el.style.top = `${r.y * 100}%`;
        el.style.width = `${Math.max(0.5, r.w * 100)}%`;
        el.style.height = `${Math.max(2, r.h * 100)}%`;
      }
      const slider = sliderRef.current;
      if (slider) {
        const { from, to } = stepsInView(now);
        const laneFrom = Math.min(lanes, Math.floor(r.y * lanes) + 1);
        const laneTo = Math.min(lanes, Math.max(laneFrom, Math.ceil((r.y + r.h) * lanes)));
        slider.setAttribute('aria-valuenow', String(from));
        slider.setAttribute(
          'aria-valuetext',
          t('editor.minimap.position', {
            from,
            to,
            steps: overview.steps,
            laneFrom,
            laneTo,
            lanes,
          }),
        );
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    const onScroll = () => {
      box = boxOf(scroller, ui.zoom.get(), overview.steps);
      schedule();
    };
    schedule();
    const options = { passive: true, capture: true };
    scroller.addEventListener('scroll', onScroll, options);
    const resize = new ResizeObserver(schedule);
    resize.observe(scroller);
    const unsubscribe = ui.zoom.subscribe(schedule);
    return () => {
      scroller.removeEventListener('scroll', onScroll, options);
      resize.disconnect();
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [scroller, ui.zoom, overview.steps, lanes, t]);

  const moveTo = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const fx = (e.clientX - box.left) / Math.max(1, box.width);
    const fy = (e.clientY - box.top) / Math.max(1, box.height);
    const to = scrollFor(boxOf(scroller, ui.zoom.get(), overview.steps), fx, fy);
    scroller.scrollTo(to);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const zoom = ui.zoom.get();
    const column = COLUMN_WIDTH * zoom;
    const lane = scroller.scrollHeight / Math.max(1, lanes + 1);
    const moves: Record<string, { left?: number; top?: number }> = {
      ArrowLeft: { left: -column },
      ArrowRight: { left: column },
      ArrowUp: { top: -lane },
      ArrowDown: { top: lane },
      PageUp: { left: -scroller.clientWidth * 0.9 },
      PageDown: { left: scroller.clientWidth * 0.9 },
    };
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      scroller.scrollTo({
        left: e.key === 'Home' ? 0 : scroller.scrollWidth,
        top: scroller.scrollTop,
      });
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    scroller.scrollBy({ left: move.left ?? 0, top: move.top ?? 0 });
  };

  return (
    <div className="minimap" data-testid="minimap">
      <div
        ref={sliderRef}
        className="minimap-surface"
        role="slider"
        tabIndex={0}
        aria-label={t('editor.minimap.label')}
        aria-describedby={hintId}
        aria-orientation="horizontal"
        aria-valuemin={1}
        aria-valuemax={Math.max(1, overview.steps)}
        aria-valuenow={1}
        onKeyDown={onKey}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
        }}
      >
        <canvas ref={canvasRef} className="minimap-canvas" aria-hidden="true" />
        <div ref={rectRef} className="minimap-view" aria-hidden="true" />
      </div>
      <span id={hintId} className="visually-hidden">
        {t('editor.minimap.hint')}
      </span>
    </div>
  );
}
