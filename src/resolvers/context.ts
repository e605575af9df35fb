/** What each resolver gets besides its payload: injected deps and the invocation's context. */
import type { ConfluenceClient } from '../confluence/client';
import { userClient } from '../confluence/client';
import type { ResolverDeps } from './deps';
import { ResolverFailure } from './result';

/** The per-invocation context of a resolver. */
export type ResolverContext = {
  deps: ResolverDeps;
  /** The installation (site) this call is for; keys the warm cache. */
  installContext: string;
  /** The invoking user; null for anonymous viewers. */
  accountId: string | null;
};

/** A client acting as the invoking user, with the injected retry timing. */
export function clientFor(rc: ResolverContext): ConfluenceClient {
  if (!rc.accountId) {
    // Anonymous viewers have no user to act as, and the app does not read on their behalf.
    throw new ResolverFailure('FORBIDDEN', 'Log in to Confluence to see this journey map.');
  }
  return userClient({ sleep: rc.deps.sleep, random: rc.deps.random });
}

/** Builds the context from what `@forge/resolver` passes. */
export function contextFrom(deps: ResolverDeps, context: Record<string, unknown>): ResolverContext {
  const installContext = typeof context.installContext === 'string' ? context.installContext : '';
  const accountId = typeof context.accountId === 'string' ? context.accountId : null;
  return { deps, installContext, accountId };
}
