/**
 * The play's door above the grid: the facilitator bar and the dot-voting panel are their own
 * chunk, loaded after the map is on screen, so the macro's initial JS stays within budget.
 */
import { lazyDoor } from '../../ui/lazy-door';

/** The running play's bar and the dot-voting panel (lazily loaded). */
export const PlayAreaEntry = lazyDoor(() => import('./play-area').then((m) => m.PlayArea));
