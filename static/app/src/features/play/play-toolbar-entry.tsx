/**
 * The play's door in the toolbar: the buttons are their own chunk, loaded after the map is on
 * screen, so the macro's initial JS stays within budget.
 */
import { lazyDoor } from '../../ui/lazy-door';

/** "Run the play" and "Dot voting" (lazily loaded). */
export const PlayToolbarEntry = lazyDoor(() => import('./play-buttons').then((m) => m.PlayButtons));
