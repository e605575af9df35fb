/**
 * What the page-level modules (byline panel, ••• page actions) ask of the host besides `invoke`:
 * closing their popup or modal, and asking the journey-map macro on the same page to open its
 * focus mode through the bridge's events (decision 0032). Lazily loaded screens only.
 */
import { events } from '@forge/bridge/out/events';
import { view } from '@forge/bridge/out/view';
import type { MapAddress } from '@contract';

/**
 * The event the byline panel emits for "Open in focus mode": the macro whose address it names
 * opens its focus mode (it subscribes with `events.on`; the payload is `MapAddress`).
 */
export const FOCUS_EVENT = 'journey-maps:open-focus-mode';

/** Asks the macro at `address` (on this page) to open focus mode; false when the host refused. */
export async function requestFocusMode(address: MapAddress): Promise<boolean> {
  try {
    await events.emit(FOCUS_EVENT, address);
    return true;
  } catch {
    return false;
  }
}

/** Closes this popup or modal (the byline item re-reads its dynamic title afterwards). */
export async function closeView(): Promise<void> {
  try {
    await view.close();
  } catch {
    // A host that cannot close the frame leaves it open; nothing is lost.
  }
}
