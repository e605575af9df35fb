/** The invoking user of the current resolver call, carried across awaits like Forge does. */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What one invocation knows about its caller. */
export type InvocationStore = {
  accountId: string | null;
  /** Set when the platform cut the invocation off (time limit): its product calls are refused. */
  expired?: { reason: string };
  /**
   * The token Forge hands a function invoked from a UI module (`__forge_runtime__.realtime
   * .contextToken`): it names the module and content a backend `publish` is scoped to.
   */
  realtimeContextToken?: string;
};

/** The store `asUser()` consults when `@forge/api` gives no explicit account id. */
export const invocationScope = new AsyncLocalStorage<InvocationStore>();
