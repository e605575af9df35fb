/**
 * The future-state door in the editor's toolbar. Everything behind it (create, link, the
 * comparison and the comparison domain code) is its own chunk, loaded after the map is on screen,
 * so the macro's initial JS stays within its budget.
 */
import { Suspense, lazy } from 'react';

const FutureArea = lazy(() => import('./future-area').then((m) => ({ default: m.FutureArea })));

/** "Create future-state map" / "Compare with …" and the link to the other map (lazily loaded). */
export function FutureEntry() {
  return (
    <Suspense fallback={null}>
      <FutureArea />
    </Suspense>
  );
}
