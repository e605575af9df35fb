/**
 * The shape every resolver shares: parse the payload with its schema, run the body with the
 * parsed input, and answer the outcome in the envelope (`guard`: typed errors become contract
 * codes). The key types the answer against the contract.
 */
import type { z } from 'zod';
import type { ConfluenceClient } from '../confluence/client';
import type { MapLocation } from '../confluence/map-store';
import type { MapAddress, ResolverKey, ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, mapLocationFor } from './context';
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

/** What a resolver on one map works with: its parsed input, the user's client and the map. */
export type MapCall<I> = {
  rc: ResolverContext;
  input: I;
  client: ConfluenceClient;
  at: MapLocation;
};

/**
 * A resolver on the invoking macro's own map: like {@link door}, and the payload's address is
 * held against the context (`mapLocationFor`) before `body` runs.
 */
export function mapDoor<K extends ResolverKey, S extends z.ZodType<MapAddress>>(
  key: K,
  schema: S,
  body: (call: MapCall<z.output<S>>) => Promise<DataOf<K>>,
): (rc: ResolverContext, payload: unknown) => Promise<ResultOf<K>> {
  return door(key, schema, async (rc, input) => {
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address: input });
    return body({ rc, input, client, at });
  });
}
