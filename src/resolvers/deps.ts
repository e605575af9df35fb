/**
 * What resolvers take from the outside world, injected so tests are deterministic: the clock,
 * id generation, waiting and randomness (retry jitter), and retry bounds.
 */
import { randomUUID } from 'node:crypto';

/** The injected dependencies of every resolver. */
export type ResolverDeps = {
  now: () => Date;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Attempts of `map/apply` before it answers CONFLICT. */
  maxApplyAttempts: number;
};

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
