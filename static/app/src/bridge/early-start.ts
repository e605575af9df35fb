/**
 * What the macro frame asks the host for before the app's other code runs: the context and, for
 * a page-view macro, its `map/load` (bridge/early-calls.ts, started by the inline boot script of
 * index.html when it ran, decision 0057), and the token themes beside them. The main entry and
 * the editor take the calls in flight from here.
 */
import type { FullContext } from '@forge/bridge';
import { setUpTheme } from '../theme';
import { earlyCalls, startEarlyCalls } from './early-calls';

export type { StartedLoad } from './early-calls';

let themed: Promise<void> | null = null;

/** The context call of this frame (started now unless the boot script already did). */
export function earlyStart(): Promise<FullContext> {
  const context = startEarlyCalls();
  // The token themes load beside `map/load` (the first paint waits for both).
  context.then(
    (ctx) => earlyTheme(ctx.theme),
    () => undefined,
  );
  return context;
}

/** The raw answer of the `map/load` started for this macro, once (later attempts call again). */
export function takeStartedLoad(address: {
  pageId: string;
  localId: string;
}): Promise<unknown> | null {
  const slot = earlyCalls();
  const load = slot.load;
  if (!load || load.pageId !== address.pageId || load.localId !== address.localId) return null;
  slot.load = null;
  return load.answer;
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
