/**
 * True from the task after the editor's first frame: what is not the grid (panels, the toolbar's
 * lazily loaded features) mounts then, so neither its work nor its chunks' loading delay the
 * grid's first paint (first render ≤ 150 ms, docs/PERFORMANCE.md).
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from './after-next-paint';

/** False for the first frame, true right after it has been painted. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => afterNextPaint(() => setReady(true)), []);
  return ready;
}
