/**
 * Integration harness: the real `@forge/resolver` handler and the real `@forge/api`, reaching the
 * in-process Confluence emulator through the local Forge runtime shim. Nothing of @forge is mocked.
 */
import { afterEach, beforeEach } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import { RealtimeHub } from '../../../dev/host/realtime';
import type { PayloadOf, ResolverKey, ResultOf, TemplateId } from '../../../src/resolvers/contract';
import type { ResolverDeps } from '../../../src/resolvers/deps';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { Op } from '../../../src/domain/operations/op-types';
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
  /**
   * Invokes a resolver. Without `context`, the call comes from where its payload points, as a
   * real frame would: the macro of the payload's page and localId, or the space page of the
   * payload's space. Pass `context` to call from somewhere else (the payload-over-context tests).
   */
  call<K extends ResolverKey>(
    key: K,
    payload: PayloadOf<K> | Record<string, unknown>,
    accountId?: string | null,
    context?: Record<string, unknown>,
  ): Promise<ResultOf<K>>;
  /** REST calls the emulator saw since the last `resetLog()`. */
  restCalls(): { method: string; path: string; status: number }[];
  resetLog(): void;
  close(): Promise<void>;
};

/** Builds an emulator (demo users, space CX), a page in CX and a resolver handler. */
export async function createWorld(): Promise<World> {
  const emulator = await createEmulator({ now: () => NOW });
  // Realtime as the host runs it (tokens can be signed; a scoped publish needs a UI context).
  const realtime = new RealtimeHub().service(() => null);
  const runtime = installForgeRuntime({ emulator, realtime });
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
    async call(key, payload, accountId: string | null = 'acc-editor', context) {
      return (await invokeResolver({
        handler,
        functionKey: key,
        payload: withBatchId(key, payload),
        accountId,
        context: context ?? frameContextFor(emulator, payload),
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

/** A world whose page holds one map at `localId`, made from `template` (the worked example). */
export async function createWorldWithMap(args: {
  localId: string;
  template?: TemplateId;
}): Promise<World> {
  const world = await createWorld();
  const { localId, template = 'worked-example' } = args;
  unwrap(await world.call('map/create', { pageId: world.pageId, localId, template }));
  return world;
}

/** Gives each test of the file a fresh `createWorldWithMap` (handed to `set`), closed after it. */
export function eachWorldWithMap(
  args: { localId: string; template?: TemplateId },
  set: (world: World) => void,
): void {
  let current: World | undefined;
  beforeEach(async () => {
    current = await createWorldWithMap(args);
    set(current);
  });
  afterEach(async () => {
    await current?.close();
  });
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

/** The macro frame context of a piece of content (what the host signs into a frame token). */
export function macroContext(args: {
  emulator: Emulator;
  contentId: string;
  localId: string;
  isEditing?: boolean;
}): Record<string, unknown> {
  const content = args.emulator.store.get('pages', args.contentId);
  const space = content ? args.emulator.store.get('spaces', content.spaceId) : undefined;
  return {
    localId: args.localId,
    extension: {
      type: 'macro',
      content: { id: args.contentId, type: content?.type ?? 'page' },
      space: { id: space?.id, key: space?.key },
      isEditing: args.isEditing ?? false,
    },
  };
}

/** The space page frame context of a space (by key). */
export function spacePageContext(emulator: Emulator, spaceKey: string): Record<string, unknown> {
  const space = emulator.store.spaceByKey(spaceKey);
  return {
    localId: `space-page-${space?.id ?? ''}`,
    extension: { type: 'confluence:spacePage', space: { id: space?.id, key: spaceKey } },
  };
}

/** The context of the frame a payload belongs to (its macro, or its space's space page). */
function frameContextFor(emulator: Emulator, payload: unknown): Record<string, unknown> {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (typeof p.pageId === 'string') {
    const localId = typeof p.localId === 'string' ? p.localId : 'no-macro';
    return macroContext({ emulator, contentId: p.pageId, localId });
  }
  if (typeof p.spaceKey === 'string') return spacePageContext(emulator, p.spaceKey);
  if (typeof p.spaceId === 'string') {
    const space = emulator.store.get('spaces', p.spaceId);
    return spacePageContext(emulator, space?.key ?? '');
  }
  return {};
}

/** Unwraps a successful result or fails the test with the error. */
export function unwrap<T>(
  result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/**
 * The map as `map/load` answers it to `accountId` (after a `map/apply`, whose answer carries the
 * change since the base rather than the map: decision 0028).
 */
export async function loadMap(
  world: World,
  address: { pageId: string; localId: string },
  accountId: string | null = 'acc-editor',
): Promise<JourneyMap> {
  const loaded = unwrap(await world.call('map/load', address, accountId));
  if (!loaded.map) throw new Error('expected a map');
  return loaded.map;
}

/**
 * Creates a blank map titled `title` at `address` with one stage ('stage1') and one step
 * ('step1'), adds `cards` (id → text) in the lane of `lane`, then applies `extraOps` in the same
 * save; answers the version and the lane's id.
 */
export async function seedOneStepMap(
  world: World,
  args: {
    address: { pageId: string; localId: string };
    title: string;
    lane: 'painPoints' | 'actions';
    cards: Record<string, string>;
    extraOps?: Op[];
  },
): Promise<{ version: number; laneId: string }> {
  const { address, title, lane, cards, extraOps = [] } = args;
  const created = unwrap(await world.call('map/create', { ...address, template: 'blank', title }));
  const laneId = created.map.lanes.find((l) => l.type === lane)?.id ?? '';
  const kind = lane === 'painPoints' ? 'painPoint' : 'action';
  const ops: Op[] = [
    { type: 'stage/add', id: 'stage1', name: 'Evaluate' },
    { type: 'step/add', id: 'step1', stageId: 'stage1', name: 'Clicks TRY' },
    ...Object.entries(cards).map(([id, text]): Op => ({
      type: 'card/add',
      id,
      laneId,
      stepId: 'step1',
      kind,
      text,
    })),
    ...extraOps,
  ];
  const applied = unwrap(
    await world.call('map/apply', { ...address, baseVersion: created.version, ops }),
  );
  return { version: applied.version, laneId };
}
