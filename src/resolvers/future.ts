/**
 * `map/createFutureState`: parses the payload, resolves the map location against the context and
 * calls the use case `createFutureState` (src/application/create-future-state.ts: the steps,
 * their order and what a failure leaves are described there; docs/decisions/0012).
 */
import { z } from 'zod';
import { createFutureState } from '../application/create-future-state';
import type { ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, mapLocationFor } from './context';
import { mapAddressSchema } from './payload-schemas';
import { guard, toResolverError } from './result';

/** `map/createFutureState` payload: the current-state map and where its copy goes. */
export const futureStatePayloadSchema = mapAddressSchema.extend({
  placement: z.enum(['samePage', 'childPage']),
});

/** `map/createFutureState`: copy a current-state map into a linked future-state map. */
export async function createFutureStateResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/createFutureState'>> {
  return guard(async () => {
    const input = futureStatePayloadSchema.parse(payload);
    const client = clientFor(rc);
    const current = await mapLocationFor({ rc, client, address: input });
    return createFutureState({
      client,
      current,
      placement: input.placement,
      accountId: rc.accountId,
      deps: rc.deps,
      describeError: (error) => toResolverError(error).message,
    });
  });
}
