/**
 * The play's door in the toolbar: the buttons are their own chunk, loaded after the map is on
 * screen, so the macro's initial JS stays within budget.
 */
import { Suspense, lazy } from 'react';

const PlayButtons = lazy(() => import('./play-buttons').then((m) => ({ default: m.PlayButtons })));

/** "Run the play" and "Dot voting" (lazily loaded). */
export function PlayToolbarEntry() {
  return (
    <Suspense fallback={null}>
      <PlayButtons />
    </Suspense>
  );
}
