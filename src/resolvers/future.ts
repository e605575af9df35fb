/**
 * `map/createFutureState`: parses the payload, resolves the map location against the context and
 * calls the use case `createFutureState` (src/application/create-future-state.ts: the steps,
 * their order and what a failure leaves are described there; docs/decisions/0012).
 */
import { z } from 'zod';
import { createFutureState } from '../application/create-future-state';
import { mapAddressSchema } from './payload-schemas';
import { toResolverError } from './result';
import { mapDoor } from './door';

/** `map/createFutureState` payload: the current-state map and where its copy goes. */
export const futureStatePayloadSchema = mapAddressSchema.extend({
  placement: z.enum(['samePage', 'childPage']),
});

/** `map/createFutureState`: copy a current-state map into a linked future-state map. */
export const createFutureStateResolver = mapDoor(
  'map/createFutureState',
  futureStatePayloadSchema,
  ({ rc, input, client, at }) =>
    createFutureState({
      client,
      current: at,
      placement: input.placement,
      accountId: rc.accountId,
      deps: rc.deps,
      describeError: (error) => toResolverError(error).message,
    }),
);
