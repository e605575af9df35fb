/**
 * Runs work in the task right after the next frame is painted: a requestAnimationFrame callback
 * runs before that frame's paint, a timeout queued from it runs after. Used to keep work out of
 * the frame a key or the first render is measured by (budgets: docs/PERFORMANCE.md).
 */

/** Schedules `run` after the next paint; answers a function that cancels it. */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
