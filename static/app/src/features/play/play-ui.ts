/**
 * UI-only state the toolbar buttons and the play area share (both are separate lazy chunks):
 * whether the dot-voting panel is open. One editor per frame, so one store per module.
 */
import { createValueStore } from '../editor/value-store';

/** Whether the dot-voting panel is open. */
export const votingOpen = createValueStore(false);
