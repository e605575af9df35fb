/**
 * "Open in focus mode" from the byline popup (decision 0034): the map full-screen in the
 * focus-mode modal (decision 0026), opened by the popup itself. The modal carries the popup's
 * page context, so its `map/load` and `map/apply` go through the page-module rule of
 * `mapLocationFor` (decision 0032): the page must be the context's content, the map must exist.
 */
import type { MapAddress } from '@contract';
import { openFocusMode } from '../../bridge/focus-mode';
import { closeView, requestFocusMode } from '../../bridge/page-module';

/** Opens `address` in focus mode; the popup closes when the modal does (or at once if none). */
export async function openInFocusMode(args: { address: MapAddress; title: string }): Promise<void> {
  const opened = await openFocusMode({
    request: { pageId: args.address.pageId, localId: args.address.localId },
    title: args.title,
    // The popup stays under the modal (its opener) and goes with it: back to the page.
    onClose: () => void closeView(),
  });
  if (opened) return;
  // No modal here: ask the macro on the page (the event of decision 0034), then close.
  await requestFocusMode(args.address);
  await closeView();
}
