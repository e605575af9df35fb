/**
 * What resolvers take from the outside world, injected so tests are deterministic: the clock,
 * id generation, waiting and randomness (retry jitter), and retry bounds.
 */
import { randomUUID } from 'node:crypto';
import type { UseCaseDeps } from '../application/deps';

/** The injected dependencies of every resolver: those of the use cases it calls. */
export type ResolverDeps = UseCaseDeps;

/** Production dependencies. */
export const defaultDeps: ResolverDeps = {
  now: () => new Date(),
  newId: () => randomUUID().replace(/-/g, ''),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: Math.random,
  maxApplyAttempts: 5,
};
