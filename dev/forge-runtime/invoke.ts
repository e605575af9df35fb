/**
 * Calls exported Forge functions exactly as the platform does: resolvers get
 * `({call:{functionKey,payload}, context}, {principal, installContext})`, plain functions
 * `(event, runtimeContext)`, each inside a scope that makes `asUser()` mean the invoking account.
 */
import { LOCAL_INSTALL_CONTEXT } from './constants';
import type { InvocationStore } from './invocation-scope';
import { invocationScope } from './invocation-scope';

/** Forge's runtime limit for functions behind UI modules (resolvers), in ms. */
export const FUNCTION_TIMEOUT_MS = 25_000;
/** Forge's runtime limit for `action` (Rovo) functions, in ms (limits-invocation). */
export const ACTION_TIMEOUT_MS = 55_000;
/**
 * Forge's invocation payload limit ("Payload size 5MB", limits-invocation), in UTF-8 bytes; a
 * Rovo action "can only handle data up to 5 MB" (rovo-action), so its answer is held to it too.
 */
export const INVOCATION_PAYLOAD_MAX_BYTES = 5_000_000;

/** The shape of a resolver `handler` (what `new Resolver().getDefinitions()` returns). */
export type ResolverHandler = (
  event: {
    call: { functionKey: string; payload?: unknown; jobId?: string };
    context: Record<string, unknown>;
  },
  runtime: { principal?: { accountId: string }; installContext: string },
) => Promise<unknown>;

/** Arguments of {@link invokeResolver}. */
export type InvokeResolverArgs = {
  handler: ResolverHandler;
  functionKey: string;
  payload?: unknown;
  /** The UI context (`view.getContext()` minus what the platform adds); `{}` when omitted. */
  context?: Record<string, unknown>;
  /** The invoking user; `null` for an anonymous viewer. */
  accountId: string | null;
  /** The time limit (default {@link FUNCTION_TIMEOUT_MS}); tests shorten it. */
  timeoutMs?: number;
  /** The Realtime context token of the calling frame (see invocation-scope.ts). */
  realtimeContextToken?: string;
};

/** Arguments of {@link invokeFunction}. */
export type InvokeFunctionArgs<E, R> = {
  handler: (event: E, runtime: { principal?: { accountId: string }; installContext: string }) => R;
  event: E;
  accountId: string | null;
  /**
   * The time limit (default {@link FUNCTION_TIMEOUT_MS}, as for the byline's dynamicProperties
   * and adfExport; {@link ACTION_TIMEOUT_MS} for a Rovo action); tests shorten it.
   */
  timeoutMs?: number;
};

/** Runs `fn` as `accountId` (what `asUser()` resolves to inside it). */
export function runAs<T>(accountId: string | null, fn: () => T): T {
  return invocationScope.run({ accountId }, fn);
}

/** The account the current invocation runs as, if any. */
export function currentAccountId(): string | null {
  return invocationScope.getStore()?.accountId ?? null;
}

/** Invokes a resolver function key the way `@forge/bridge` `invoke()` reaches it in Forge. */
export async function invokeResolver(args: InvokeResolverArgs): Promise<unknown> {
  const runtime = {
    installContext: LOCAL_INSTALL_CONTEXT,
    ...(args.accountId ? { principal: { accountId: args.accountId } } : {}),
  };
  const event = {
    call: { functionKey: args.functionKey, payload: args.payload },
    context: { cloudId: 'local', ...(args.context ?? {}) },
  };
  // Forge serialises the payload on the wire: nothing but JSON reaches the function.
  const wire = JSON.parse(JSON.stringify(event)) as typeof event;
  const store: InvocationStore = {
    accountId: args.accountId,
    ...(args.realtimeContextToken ? { realtimeContextToken: args.realtimeContextToken } : {}),
  };
  return withTimeLimit({
    store,
    ms: args.timeoutMs ?? FUNCTION_TIMEOUT_MS,
    run: () => invocationScope.run(store, () => args.handler(wire, runtime)),
  });
}

/**
 * Runs an invocation under the platform's time limit: past it the caller gets the timeout error
 * and the invocation is cut off (its later product calls are refused, as a stopped function
 * makes none). Node cannot kill the work itself, so it runs on without effect.
 */
async function withTimeLimit<T>(args: {
  store: InvocationStore;
  ms: number;
  run: () => Promise<T>;
}): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = `Function timed out after ${Math.round(args.ms / 1000) || args.ms / 1000} seconds (Forge's limit: 25 s for UI modules, 55 s for Rovo actions).`;
      args.store.expired = { reason };
      reject(new Error(reason));
    }, args.ms);
  });
  try {
    return await Promise.race([args.run(), limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** UTF-8 bytes of `value` as JSON, as it crosses the platform. */
function wireBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * Invokes a plain Forge function (the macro's adfExport, the byline's dynamicProperties, a Rovo
 * action) with a runtime context, under the platform's time and payload limits.
 */
export async function invokeFunction<E, R>(args: InvokeFunctionArgs<E, R>): Promise<Awaited<R>> {
  const runtime = {
    installContext: LOCAL_INSTALL_CONTEXT,
    ...(args.accountId ? { principal: { accountId: args.accountId } } : {}),
  };
  if (wireBytes(args.event) > INVOCATION_PAYLOAD_MAX_BYTES) {
    throw new Error('The invocation payload is larger than Forge allows (5 MB).');
  }
  const event = JSON.parse(JSON.stringify(args.event)) as E;
  const store: InvocationStore = { accountId: args.accountId };
  const answer = await withTimeLimit({
    store,
    ms: args.timeoutMs ?? FUNCTION_TIMEOUT_MS,
    run: () => invocationScope.run(store, () => Promise.resolve(args.handler(event, runtime))),
  });
  if (wireBytes(answer) > INVOCATION_PAYLOAD_MAX_BYTES) {
    throw new Error('The function answer is larger than Forge allows (5 MB).');
  }
  return answer;
}
