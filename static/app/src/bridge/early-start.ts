/**
 * What the macro frame asks the host for before any of the app's other code has loaded: the
 * context and, for a page-view macro, its `map/load` (docs/decisions/0044). Started by the tiny
 * `early.ts` entry, which index.html runs before the main entry; the main entry takes the same
 * in-flight calls (a module is evaluated once per frame), or starts them itself if that entry
 * did not run. Imports only the bridge's `view` and `invoke` and the theme loader, so it runs as
 * soon as those small chunks are in, without React, the language or the editor.
 */
import type { FullContext } from '@forge/bridge';
import { invoke } from '@forge/bridge/out/invoke';
import { view } from '@forge/bridge/out/view';
import { appLocale } from '@domain/i18n/locale';
import { setUpTheme } from '../theme';

/** A bridge call in flight: its key (page and macro) and the raw answer. */
export type StartedLoad = { pageId: string; localId: string; answer: Promise<unknown> };

let context: Promise<FullContext> | null = null;
let load: StartedLoad | null = null;
let themed: Promise<void> | null = null;

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
export function earlyStart(): Promise<FullContext> {
  if (context) return context;
  context = view.getContext();
  context.then(
    (ctx) => {
      const address = pageViewAddress(ctx);
      if (address) {
        // With the person's locale, as every call sends it (decision 0047).
        const sent = { ...address, locale: appLocale(ctx.locale) };
        load = { ...address, answer: invoke('map/load', sent) };
        load.answer.catch(() => undefined); // handled by whoever takes it (settleInvoke)
      }
      // The token themes load beside it (the first paint waits for both).
      themed = setUpTheme(ctx.theme).catch(() => undefined);
    },
    () => undefined,
  );
  return context;
}

/** The raw answer of the `map/load` started for this macro, once (later attempts call again). */
export function takeStartedLoad(address: {
  pageId: string;
  localId: string;
}): Promise<unknown> | null {
  if (!load || load.pageId !== address.pageId || load.localId !== address.localId) return null;
  const { answer } = load;
  load = null;
  return answer;
}

/** The token themes started with the context (once), or started now from `theme`. */
export function earlyTheme(theme: FullContext['theme']): Promise<void> {
  themed ??= setUpTheme(theme).catch(() => undefined);
  return themed;
}

/**
 * The viewer's account id from the frame's context (started once), `anonymous` without one:
 * what keeps one person's drafts and unsent ops apart from the next person's in a shared browser.
 */
export function viewerAccount(): Promise<string> {
  return earlyStart().then(
    (ctx) => (typeof ctx.accountId === 'string' && ctx.accountId ? ctx.accountId : 'anonymous'),
    () => 'anonymous',
  );
}
