/**
 * The two calls the first card waits on, `getContext` and a page-view macro's `map/load`, started
 * by whichever copy of this module runs first in the frame: the inline boot script index.html
 * carries (boot.ts, decision 0057), or the main entry if that script did not run. The calls in
 * flight live on one slot of the frame's `globalThis`, so both copies share them.
 */
import type { FullContext } from '@forge/bridge';
import { invoke } from '@forge/bridge/out/invoke';
import { getContext } from '@forge/bridge/out/view/getContext';
import { appLocale } from '@domain/i18n/locale';

/** A bridge call in flight: its key (page and macro) and the raw answer. */
export type StartedLoad = { pageId: string; localId: string; answer: Promise<unknown> };

/** What the frame has started early; one per frame, on `globalThis`. */
export type EarlyCalls = { context: Promise<FullContext> | null; load: StartedLoad | null };

/** The slot's name on `globalThis` (one frame = one app instance, so one slot). */
export const EARLY_SLOT = '__jmEarly';

type SlotHolder = { [EARLY_SLOT]?: EarlyCalls };

/** The frame's slot, created empty on first use. */
export function earlyCalls(): EarlyCalls {
  const holder = globalThis as SlotHolder;
  holder[EARLY_SLOT] ??= { context: null, load: null };
  return holder[EARLY_SLOT];
}

/** The page a page-view macro sits on, or null (focus modal, index, unsaved page). */
function pageViewAddress(context: FullContext): { pageId: string; localId: string } | null {
  if (context.moduleKey !== 'journey-map') return null;
  const ext = context.extension as { content?: { id?: unknown }; modal?: unknown };
  // A focus modal (decision 0026) loads its map after its own checks, not here.
  if (ext.modal) return null;
  const id = ext.content?.id;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  return { pageId: String(id), localId: context.localId };
}

/**
 * Starts `getContext` once per frame and, as soon as it answers, the page view's `map/load`
 * (before any later `then` of the same context runs); answers the context.
 */
export function startEarlyCalls(): Promise<FullContext> {
  const slot = earlyCalls();
  if (slot.context) return slot.context;
  const context = getContext();
  slot.context = context;
  context.then(
    (ctx) => {
      const address = pageViewAddress(ctx);
      if (!address) return;
      // With the person's locale, as every call sends it (decision 0047).
      const sent = { ...address, locale: appLocale(ctx.locale) };
      const answer = invoke('map/load', sent);
      answer.catch(() => undefined); // handled by whoever takes it (settleInvoke)
      slot.load = { ...address, answer };
    },
    () => undefined,
  );
  return context;
}
