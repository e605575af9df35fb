/**
 * The session area's door in the editor: everything else (panel, photos, write-up) is its own
 * chunk, loaded after the map is on screen, so the macro's initial JS stays within budget.
 */
import { Suspense, lazy } from 'react';

const SessionArea = lazy(() => import('./session-area').then((m) => ({ default: m.SessionArea })));

/** The session panel toggle, write-up button and write-up link (lazily loaded). */
export function SessionEntry() {
  return (
    <Suspense fallback={null}>
      <SessionArea />
    </Suspense>
  );
}
