/**
 * An in-process world for the REST-count benchmarks: the emulator (demo users, space CX), the
 * forge runtime shim and the REAL resolver handler with deterministic deps. Nothing is mocked:
 * every REST call the resolvers make reaches the emulator and lands in its request log.
 */
import { createEmulator } from '../../dev/emulator';
import type { Emulator } from '../../dev/emulator';
import type { LogEntry } from '../../dev/emulator/request-log';
import { installForgeRuntime, invokeResolver } from '../../dev/forge-runtime';
import type { ForgeRuntimeHandle } from '../../dev/forge-runtime';
import { SUMMARY_PROPERTY_KEY } from '../../src/domain/summary';
import { REGISTERED_KEYS, createResolverHandler } from '../../src/resolvers';
import type { PayloadOf, ResolverKey, ResultOf } from '../../src/resolvers/contract';
import type { ResolverDeps } from '../../src/resolvers/deps';
import { BENCH_NOW } from './seed-map';

/** The result of one resolver call and the REST calls it made. */
export type Measured<K extends ResolverKey> = {
  result: ResultOf<K>;
  calls: LogEntry[];
  /** Bytes of the JSON answer (Forge caps a resolver response at 5 MB). */
  responseBytes: number;
  /** Bytes of the JSON payload (Forge caps an invoke payload at 500 KB). */
  payloadBytes: number;
  ms: number;
};

/** A running bench world. */
export type BenchWorld = {
  emulator: Emulator;
  /** Calls a resolver the way Forge does and returns what the emulator saw meanwhile. */
  measure<K extends ResolverKey>(
    key: K,
    payload: PayloadOf<K>,
    options?: { accountId?: string; context?: Record<string, unknown> },
  ): Promise<Measured<K>>;
  /** Whether this build registers the key. */
  has(key: ResolverKey): boolean;
  close(): Promise<void>;
};

/** Deterministic deps; the clock ticks one second per reading so successive saves differ. */
function benchDeps(): ResolverDeps {
  let n = 0;
  let tick = 0;
  return {
    now: () => new Date(BENCH_NOW.getTime() + 1000 * tick++),
    newId: () => `b${(n++).toString(36)}`,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    maxApplyAttempts: 5,
  };
}

/**
 * The context Forge gives the macro frame a payload comes from (its content and macro): the
 * resolvers refuse a payload that names another map than its frame (docs/SECURITY.md, 2).
 */
function macroFrameOf(emulator: Emulator, payload: unknown): Record<string, unknown> {
  const p = (payload ?? {}) as { pageId?: unknown; localId?: unknown };
  const id = typeof p.pageId === 'string' ? p.pageId : '';
  const content = emulator.store.get('pages', id);
  const space = content ? emulator.store.get('spaces', content.spaceId) : undefined;
  return {
    localId: typeof p.localId === 'string' ? p.localId : '',
    extension: {
      type: 'macro',
      content: { id, type: content?.type ?? 'page' },
      space: { id: space?.id, key: space?.key },
      isEditing: false,
    },
  };
}

/** Starts an in-memory emulator with the runtime shim installed. */
export async function createBenchWorld(): Promise<BenchWorld> {
  const emulator = await createEmulator({ now: () => BENCH_NOW });
  const runtime: ForgeRuntimeHandle = installForgeRuntime({ emulator });
  const handler = createResolverHandler(benchDeps());
  return {
    emulator,
    has: (key) => (REGISTERED_KEYS as readonly string[]).includes(key),
    async measure(key, payload, options = {}) {
      emulator.log.clear();
      const start = performance.now();
      const result = (await invokeResolver({
        handler,
        functionKey: key,
        payload,
        accountId: options.accountId ?? 'acc-editor',
        context: options.context ?? macroFrameOf(emulator, payload),
      })) as ResultOf<typeof key>;
      const ms = performance.now() - start;
      return {
        result,
        calls: emulator.log.entries(),
        responseBytes: Buffer.byteLength(JSON.stringify(result)),
        payloadBytes: Buffer.byteLength(JSON.stringify(payload)),
        ms,
      };
    },
    async close() {
      runtime.uninstall();
      await emulator.close();
    },
  };
}

/** The version of the page's summary property (0 when there is none): compared around a call. */
export function summaryVersion(emulator: Emulator, pageId: string): number {
  return emulator.store.propertyByKey('page', pageId, SUMMARY_PROPERTY_KEY)?.version.number ?? 0;
}

/** `3 (GET pages.get, PUT properties.update ×2)`. */
export function describeCalls(calls: readonly LogEntry[]): string {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const label = `${c.method} ${c.route}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  return parts.join(', ');
}
