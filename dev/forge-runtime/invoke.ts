/**
 * Calls exported Forge functions exactly as the platform does: resolvers get
 * `({call:{functionKey,payload}, context}, {principal, installContext})`, plain functions
 * `(event, runtimeContext)`, each inside a scope that makes `asUser()` mean the invoking account.
 */
import { LOCAL_INSTALL_CONTEXT } from './constants';
import { invocationScope } from './invocation-scope';

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
};

/** Arguments of {@link invokeFunction}. */
export type InvokeFunctionArgs<E, R> = {
  handler: (event: E, runtime: { principal?: { accountId: string }; installContext: string }) => R;
  event: E;
  accountId: string | null;
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
  return runAs(args.accountId, () => args.handler(wire, runtime));
}

/** Invokes a plain Forge function (e.g. the macro's adfExport) with a runtime context. */
export async function invokeFunction<E, R>(args: InvokeFunctionArgs<E, R>): Promise<Awaited<R>> {
  const runtime = {
    installContext: LOCAL_INSTALL_CONTEXT,
    ...(args.accountId ? { principal: { accountId: args.accountId } } : {}),
  };
  const event = JSON.parse(JSON.stringify(args.event)) as E;
  return await runAs(args.accountId, () => Promise.resolve(args.handler(event, runtime)));
}
