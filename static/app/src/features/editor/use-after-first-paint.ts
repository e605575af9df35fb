/**
 * True from the task after the editor's first frame: what is not the grid (panels, the toolbar's
 * lazily loaded features) mounts then, so neither its work nor its chunks' loading delay the
 * grid's first paint (DESIGN §6: first render ≤ 150 ms).
 */
import { useEffect, useState } from 'react';

/** False for the first frame, true right after it has been painted. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    // rAF runs before the frame's paint; the timeout after it.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return ready;
}
