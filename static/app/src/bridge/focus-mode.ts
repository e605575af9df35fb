/**
 * Focus mode (decision 0026): the journey map opened full-screen in a Custom UI bridge Modal
 * (`size: 'fullscreen'`) that shows this same resource. The modal tells itself apart from the
 * page's macro by the flag `journeyMapFocus` in its modal context
 * (`getContext().extension.modal`). Any module of this app (the macro's toolbar, a byline item)
 * opens it with {@link openFocusMode}; the modal closes itself with {@link closeFocusMode}.
 */
import { Modal } from '@forge/bridge/out/modal';
import { view } from '@forge/bridge/out/view';
import type { HostContext } from './client';

/** Where the view was: restored when focus mode opens and handed back when it closes. */
export type FocusPlace = { left: number; top: number; zoom: number };

/** What the modal context carries: the macro instance to show and where to start. */
export type FocusRequest = { pageId: string; localId: string; place?: FocusPlace };

/** The modal context key (kept short and namespaced: other modals of the app carry others). */
const FLAG = 'journeyMapFocus';

/** The focus request in this frame's context, or null when this frame is not a focus modal. */
export function focusRequestOf(context: HostContext): FocusRequest | null {
  const ext = context.extension as { modal?: unknown };
  const modal = ext.modal;
  if (!modal || typeof modal !== 'object') return null;
  const raw = (modal as Record<string, unknown>)[FLAG];
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.pageId !== 'string' || typeof r.localId !== 'string') return null;
  const place = placeOf(r.place);
  return { pageId: r.pageId, localId: r.localId, ...(place ? { place } : {}) };
}

/** A place from untrusted JSON (a modal context or a close payload), or null. */
export function placeOf(raw: unknown): FocusPlace | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  const num = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : null;
  const left = num(p.left, 0, 10_000_000);
  const top = num(p.top, 0, 10_000_000);
  const zoom = num(p.zoom, 0.05, 4);
  return left === null || top === null || zoom === null ? null : { left, top, zoom };
}

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
    context: { [FLAG]: args.request },
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
