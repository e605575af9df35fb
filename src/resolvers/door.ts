/**
 * The shape every resolver shares: parse the payload with its schema, run the body with the
 * parsed input, and answer the outcome in the envelope (`guard`: typed errors become contract
 * codes). The key types the answer against the contract.
 */
import type { z } from 'zod';
import type { ResolverKey, ResultOf } from './contract';
import type { ResolverContext } from './context';
import { guard } from './result';

/** The data of a key's successful answer. */
type DataOf<K extends ResolverKey> = Extract<ResultOf<K>, { ok: true }>['data'];

/** A resolver for `_key`: `body` gets the payload parsed by `schema`; the outcome is wrapped. */
export function door<K extends ResolverKey, S extends z.ZodType>(
  _key: K,
  schema: S,
  body: (rc: ResolverContext, input: z.output<S>) => Promise<DataOf<K>>,
): (rc: ResolverContext, payload: unknown) => Promise<ResultOf<K>> {
  return (rc, payload) => guard(() => body(rc, schema.parse(payload))) as Promise<ResultOf<K>>;
}
