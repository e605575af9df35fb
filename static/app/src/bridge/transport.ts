/**
 * The typed door to the resolvers. Everything above it talks to a `Transport`, so state and sync
 * logic run in Node tests with a fake transport and in the browser with the real bridge.
 */
import type { PayloadOf, ResolverKey, ResultOf } from '@contract';

/** Calls one resolver key with its payload and answers its typed result envelope. */
export type Transport = {
  call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>>;
};
