/**
 * "Open in focus mode" from the byline popup (decision 0034): the map full-screen in the
 * focus-mode modal (decision 0026), opened by the popup itself. The modal carries the popup's
 * page context, so its `map/load` and `map/apply` go through the page-module rule of
 * `mapLocationFor` (decision 0032): the page must be the context's content, the map must exist.
 */
import type { MapAddress } from '@contract';
import { openFocusMode } from '../../bridge/focus-mode';
import { closeView, requestFocusMode } from '../../bridge/page-module';

/** Opens `address` in focus mode, then closes the popup (it would sit over the modal). */
export async function openInFocusMode(args: { address: MapAddress; title: string }): Promise<void> {
  const opened = await openFocusMode({
    request: { pageId: args.address.pageId, localId: args.address.localId },
    title: args.title,
    onClose: () => undefined,
  });
  // No modal here: ask the macro on the page (the event of decision 0034).
  if (!opened) await requestFocusMode(args.address);
  await closeView();
}
