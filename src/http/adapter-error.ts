/** The base both product adapters' typed errors share (src/confluence/errors, src/jira/errors). */

/** Base of every error a product adapter throws; `message` is written for a person. */
export class AdapterError extends Error {
  override readonly name: string = 'AdapterError';
  constructor(
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** The product's own message, for logs. */
    readonly detail: string = '',
    /** Seconds the product asked us to wait (Retry-After), when it said; set on a 429. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

// A mixin's base must be typed with `any[]` arguments (TS2545); the subclass keeps its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AdapterErrorClass = new (...args: any[]) => AdapterError;

/**
 * `Base` with `name` set to `name`: an adapter declares each of its errors as
 * `class XError extends named(Base, 'XError') {}`.
 */
export function named<B extends AdapterErrorClass>(Base: B, name: string) {
  return class extends Base {
    override readonly name: string = name;
  };
}
