/**
 * The play's door above the grid: the facilitator bar and the dot-voting panel are their own
 * chunk, loaded after the map is on screen, so the macro's initial JS stays within budget.
 */
import { Suspense, lazy } from 'react';

const PlayArea = lazy(() => import('./play-area').then((m) => ({ default: m.PlayArea })));

/** The running play's bar and the dot-voting panel (lazily loaded). */
export function PlayAreaEntry() {
  return (
    <Suspense fallback={null}>
      <PlayArea />
    </Suspense>
  );
}
