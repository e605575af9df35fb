/**
 * What the use cases take from the outside world, injected so tests are deterministic: the clock,
 * id generation, waiting and randomness (retry jitter), and retry bounds.
 */

/** The injected dependencies of every use case (and so of every resolver). */
export type UseCaseDeps = {
  now: () => Date;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Attempts of `map/apply` before it answers CONFLICT. */
  maxApplyAttempts: number;
};
