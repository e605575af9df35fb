/**
 * Zoom and pan on the grid's scroller: Ctrl/Cmd + wheel (and a trackpad pinch, which Chromium
 * sends as Ctrl + wheel) zooms around the pointer; dragging the background, or any point with
 * Space held, pans. Cards, buttons and fields keep their own pointer behaviour (drag and drop,
 * clicks, text selection).
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { clampZoom } from '../fit';
import type { ValueStore } from '../value-store';

/** Pointer travel (px) before a press on the background becomes a pan rather than a click. */
const PAN_SLOP = 4;
const INTERACTIVE = '[data-card-id], button, input, textarea, select, a, [contenteditable="true"]';

/** Wires wheel zoom and drag panning to the scroller. */
export function useZoomPan(args: {
  scrollerRef: RefObject<HTMLDivElement | null>;
  zoom: ValueStore<number>;
}): void {
  const { scrollerRef, zoom } = args;
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let space = false;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const before = zoom.get();
      const after = clampZoom(before * Math.exp(-e.deltaY * 0.002));
      if (after === before) return;
      // Keep the content under the pointer where it is.
      const box = scroller.getBoundingClientRect();
      const px = e.clientX - box.left;
      const py = e.clientY - box.top;
      const cx = (scroller.scrollLeft + px) / before;
      const cy = (scroller.scrollTop + py) / before;
      zoom.set(after);
      requestAnimationFrame(() =>
        scroller.scrollTo({ left: cx * after - px, top: cy * after - py }),
      );
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ') return;
      const t = e.target as HTMLElement | null;
      if (t?.closest(INTERACTIVE)) return;
      space = e.type === 'keydown';
      scroller.classList.toggle('is-pan-ready', space);
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const t = e.target as HTMLElement;
      if (!space && t.closest(INTERACTIVE)) return;
      const start = {
        x: e.clientX,
        y: e.clientY,
        left: scroller.scrollLeft,
        top: scroller.scrollTop,
      };
      let panning = false;
      const move = (m: PointerEvent) => {
        const dx = m.clientX - start.x;
        const dy = m.clientY - start.y;
        if (!panning && Math.hypot(dx, dy) < PAN_SLOP) return;
        if (!panning) {
          panning = true;
          scroller.classList.add('is-panning');
          scroller.setPointerCapture(e.pointerId);
        }
        m.preventDefault();
        scroller.scrollTo({ left: start.left - dx, top: start.top - dy });
      };
      const up = () => {
        scroller.classList.remove('is-panning');
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', up);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', up);
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    scroller.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    return () => {
      scroller.removeEventListener('wheel', onWheel);
      scroller.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [scrollerRef, zoom]);
}
