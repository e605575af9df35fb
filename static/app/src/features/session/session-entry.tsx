/**
 * The session area's door in the editor: everything else (panel, photos, write-up) is its own
 * chunk, loaded after the map is on screen, so the macro's initial JS stays within budget.
 */
import { lazyDoor } from '../../ui/lazy-door';

/** The session panel toggle, write-up button and write-up link (lazily loaded). */
export const SessionEntry = lazyDoor(() => import('./session-area').then((m) => m.SessionArea));
