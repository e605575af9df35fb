/**
 * The future-state door in the editor's toolbar. Everything behind it (create, link, the
 * comparison and the comparison domain code) is its own chunk, loaded after the map is on screen,
 * so the macro's initial JS stays within its budget.
 */
import { lazyDoor } from '../../ui/lazy-door';

/** "Create future-state map" / "Compare with …" and the link to the other map (lazily loaded). */
export const FutureEntry = lazyDoor(() => import('./future-area').then((m) => m.FutureArea));
