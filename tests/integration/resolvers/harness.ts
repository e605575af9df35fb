/**
 * Integration harness: the real `@forge/resolver` handler and the real `@forge/api`, reaching the
 * in-process Confluence emulator through the local Forge runtime shim. Nothing of @forge is mocked.
 */
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../src/resolvers/contract';
import type { ResolverDeps } from '../../../src/resolvers/deps';
import { createResolverHandler } from '../../../src/resolvers';

/** The fixed instant tests run at. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');

/** Deterministic deps; `sleeps` records every wait instead of waiting. */
export function testDeps(): ResolverDeps & { sleeps: number[] } {
  let n = 0;
  const sleeps: number[] = [];
  return {
    now: () => NOW,
    newId: () => `t${(n++).toString(36)}`,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    maxApplyAttempts: 5,
    sleeps,
  };
}

/** A running test world. */
export type World = {
  emulator: Emulator;
  runtime: ForgeRuntimeHandle;
  deps: ReturnType<typeof testDeps>;
  pageId: string;
  call<K extends ResolverKey>(
    key: K,
    payload: PayloadOf<K> | Record<string, unknown>,
    accountId?: string | null,
  ): Promise<ResultOf<K>>;
  /** REST calls the emulator saw since the last `resetLog()`. */
  restCalls(): { method: string; path: string; status: number }[];
  resetLog(): void;
  close(): Promise<void>;
};

/** Builds an emulator (demo users, space CX), a page in CX and a resolver handler. */
export async function createWorld(): Promise<World> {
  const emulator = await createEmulator({ now: () => NOW });
  const runtime = installForgeRuntime({ emulator });
  const page = emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Trial to purchase journey',
    authorId: 'acc-editor',
  });
  const deps = testDeps();
  const handler = createResolverHandler(deps);
  return {
    emulator,
    runtime,
    deps,
    pageId: page.id,
    async call(key, payload, accountId: string | null = 'acc-editor') {
      return (await invokeResolver({
        handler,
        functionKey: key,
        payload: withBatchId(key, payload),
        accountId,
        context: { extension: { type: 'macro', content: { id: page.id, type: 'page' } } },
      })) as ResultOf<typeof key>;
    },
    restCalls() {
      return emulator.log
        .entries()
        .map((e) => ({ method: e.method, path: e.path, status: e.status }));
    },
    resetLog() {
      emulator.log.clear();
    },
    async close() {
      runtime.uninstall();
      await emulator.close();
    },
  };
}

/**
 * Like the UI's sync engine, every `map/apply` carries a batch id: a fresh one unless the test
 * sends its own (or sends the key with `undefined` to test the schema).
 */
function withBatchId(key: string, payload: unknown): unknown {
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  return key === 'map/apply' && isObject && !('batchId' in payload)
    ? { ...payload, batchId: crypto.randomUUID() }
    : payload;
}

/** Unwraps a successful result or fails the test with the error. */
export function unwrap<T>(
  result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}
