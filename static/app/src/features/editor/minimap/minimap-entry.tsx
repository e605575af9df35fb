/**
 * The minimap's door: shown only while the grid overflows its scroller (a map wider or taller
 * than the view) and the scroller has room for it beside the cards, and loaded as its own chunk then, so the macro's initial JS does not grow.
 */
import { Suspense, lazy, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { afterNextPaint } from '../after-next-paint';
import { useUi } from '../ui-state';
import { fitsWhole, hasRoomForMinimap } from './minimap-model';

const Minimap = lazy(() => import('./minimap').then((m) => ({ default: m.Minimap })));

/** Whether the grid in `scrollerRef` is bigger than its view (re-checked on resize and zoom). */
function useOverflows(scrollerRef: RefObject<HTMLDivElement | null>): HTMLElement | null {
  const ui = useUi();
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    let frame = 0;
    const check = () => {
      frame = 0;
      const headerHeight = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const room = hasRoomForMinimap({ clientHeight: el.clientHeight, headerHeight });
      setScroller(fitsWhole(el) || !room ? null : el);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    // The first look after the grid's first paint (reading its size earlier would force layout
    // ahead of that paint).
    const cancelFirst = afterNextPaint(schedule);
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    const table = el.querySelector('table');
    if (table) resize.observe(table);
    const unsubscribe = ui.zoom.subscribe(schedule);
    return () => {
      cancelFirst();
      resize.disconnect();
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [scrollerRef, ui.zoom]);
  return scroller;
}

/** The minimap over the grid's corner, when the grid does not fit. */
export function MinimapEntry(props: { scrollerRef: RefObject<HTMLDivElement | null> }) {
  const scroller = useOverflows(props.scrollerRef);
  if (!scroller) return null;
  return (
    <Suspense fallback={null}>
      <Minimap scroller={scroller} />
    </Suspense>
  );
}
