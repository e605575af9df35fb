/**
 * Focus mode (decision 0026): the journey map opened full-screen in a Custom UI bridge Modal
 * (`size: 'fullscreen'`) that shows this same resource. The modal tells itself apart from the
 * page's macro by the flag `journeyMapFocus` in its modal context
 * (`getContext().extension.modal`). Any module of this app (the macro's toolbar, a byline item)
 * opens it with {@link openFocusMode}; the modal closes itself with {@link closeFocusMode}.
 */
import { Modal } from '@forge/bridge/out/modal';
import { view } from '@forge/bridge/out/view';
import type { FocusPlace, FocusRequest } from './focus-request';
import { FOCUS_FLAG, placeOf } from './focus-request';

export type { FocusPlace, FocusRequest } from './focus-request';
export { focusRequestOf, placeOf } from './focus-request';

/**
 * Opens the map full-screen over the page. `onClose` gets where the view was when it closed
 * (null when the host closed it, e.g. Escape on the host's side, without a payload).
 */
export async function openFocusMode(args: {
  request: FocusRequest;
  title: string;
  onClose: (place: FocusPlace | null) => void;
}): Promise<boolean> {
  const modal = new Modal({
    size: 'fullscreen',
    title: args.title,
    // The app takes Escape itself, a level at a time (a field, a card, then the modal); a host
    // that also saw it would close the modal over an edit in progress (decision 0053).
    closeOnEscape: false,
    context: { [FOCUS_FLAG]: args.request },
    onClose: (payload: unknown) => args.onClose(placeOf(payload)),
  });
  try {
    await modal.open();
    return true;
  } catch {
    return false;
  }
}

/** Closes the focus modal this frame is, handing the place back to the opener. */
export async function closeFocusMode(place: FocusPlace): Promise<void> {
  await view.close(place);
}
