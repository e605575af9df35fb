/**
 * Component-tier harness: a screen renders in happy-dom and talks through the real `@forge/bridge`
 * to a bridge dispatcher that answers like the local host (dev/host/rpc.ts): `invoke` runs the
 * real resolver handler in-process (real @forge/resolver and @forge/api → local Forge runtime →
 * emulator) as the viewing user; `fetchProduct` goes to the same emulator as that user.
 */
import { createEmulator } from '../../dev/emulator';
import type { Emulator } from '../../dev/emulator';
import { installForgeRuntime, invokeResolver } from '../../dev/forge-runtime';
import type { ForgeRuntimeHandle } from '../../dev/forge-runtime';
import { LOCALES_FOLDER, localeBundle } from '../../dev/forge-runtime/locale-bundle';
import { buildContext } from '../../dev/host/context';
import { FrameTokens } from '../../dev/host/frame-token';
import type { FrameRef } from '../../dev/host/frame-token';
import { RealtimeHub } from '../../dev/host/realtime';
import { buildMacroStorage } from '../../dev/host/storage/macro';
import { fetchProduct, invoke } from '../../dev/host/rpc';
import type { Viewer } from '../../dev/host/viewer';
import { createResolverHandler } from '../../src/resolvers';
import type { MapAddress, PayloadOf, ResolverKey, ResultOf } from '../../src/resolvers/contract';
import type { HostContext } from '../../static/app/src/bridge/client';
import { getContext } from '../../static/app/src/bridge/client';
import { NOW, testDeps } from '../integration/resolvers/harness';
import { uiCatalogueAssets } from '../../static/i18n/catalogue-assets';
import { ROOT } from '../support/repo-files';

export { NOW };

/** What a screen is: the macro on a page, or the space's index page. */
export type Where =
  | { module: 'journey-map'; pageId: string; localId: string }
  | { module: 'journey-maps-index'; spaceKey: string };

/** A running component world. */
export type ComponentWorld = {
  emulator: Emulator;
  /** The `getContext()` value the screen sees. */
  context: HostContext;
  /** Bridge commands the screen sent, in order. */
  commands: { cmd: string; payload: unknown }[];
  /** The Forge Realtime service of this world (the host's), which `call` publishes through. */
  realtime: RealtimeHub;
  /** Subscribes in-process to a channel of the screen's module, as another viewer's frame would. */
  /** `token`: a subscribe token from the backend (the map channel needs one, decision 0052). */
  listen(channel: string, fn: (payload: unknown) => void, token?: string): () => void;
  /**
   * Drops the screen's Realtime channels, as the host's `dropAll` does, and refuses the screen's
   * subscriptions for `refuseMs` (saves meanwhile reach nobody; the screen shows "Reconnecting").
   */
  dropLive(refuseMs: number): void;
  /**
   * Runs a real resolver as another user (e.g. an editor before a viewer looks), invoked from
   * the same module as the screen: what it publishes reaches the screen's channels.
   */
  call<K extends ResolverKey>(
    key: K,
    payload: PayloadOf<K>,
    accountId: string,
  ): Promise<ResultOf<K>>;
  close(): Promise<void>;
};

/** The emulator with its demo users and spaces; pages are seeded by the test. */
export async function createEmulatorWorld(): Promise<{
  emulator: Emulator;
  runtime: ForgeRuntimeHandle;
  realtime: RealtimeHub;
  tokens: FrameTokens;
}> {
  const emulator = await createEmulator({ now: () => NOW });
  // The host's Realtime service, so `@forge/realtime` in a resolver publishes as on Forge.
  const realtime = new RealtimeHub();
  const tokens = new FrameTokens();
  const runtime = installForgeRuntime({
    emulator,
    realtime: realtime.service((token) => tokens.verify(token)),
  });
  return { emulator, runtime, realtime, tokens };
}

/**
 * Answers a frame's fetches of bundled files as the resource's CDN does: the UI's own
 * `catalogues/<locale>.json` (what `npm run build:ui` emits, decision 0055) and the CLI's
 * `__LOCALES__/<file>` (built from manifest.yml: only the manifest's keys); returns the function
 * that restores `fetch`.
 */
function serveLocales(): () => void {
  const files = new Map(uiCatalogueAssets(ROOT));
  for (const [name, text] of localeBundle()) files.set(`${LOCALES_FOLDER}/${name}`, text);
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const rel = /(?:^|\/)((?:catalogues|__LOCALES__)\/[^/?#]+)(?:[?#]|$)/.exec(url)?.[1];
    if (rel === undefined) return original(input, init);
    const text = files.get(rel);
    return Promise.resolve(
      text === undefined
        ? new Response('Not found', { status: 404 })
        : new Response(text, { headers: { 'content-type': 'application/json' } }),
    );
  };
  return () => {
    globalThis.fetch = original;
  };
}

/** What `openScreen` opens: `where` in this emulator, as `accountId`. */
export type ScreenArgs = {
  emulator: Emulator;
  runtime: ForgeRuntimeHandle;
  realtime: RealtimeHub;
  tokens: FrameTokens;
  where: Where;
  /**
   * The screen subscribes and publishes on Forge Realtime (the host's hub). Off by default: the
   * screen then runs as where Realtime is unavailable (the slow poll), as it did before.
   */
  live?: boolean;
  accountId: string;
  /** The viewer's Confluence locale (default: their profile's, else en-US). */
  locale?: string;
};

/** Points the bridge at `where`, seen by `accountId`. */
export async function openScreen(args: ScreenArgs): Promise<ComponentWorld> {
  const { emulator, runtime, realtime, tokens, where } = args;
  const user = emulator.store.get('users', args.accountId);
  const viewer: Viewer = {
    accountId: user ? user.accountId : null,
    displayName: user ? user.displayName : 'Anonymous',
    colorMode: 'light',
    locale: args.locale ?? user?.locale ?? 'en-US',
  };
  const space =
    where.module === 'journey-maps-index' ? emulator.store.spaceByKey(where.spaceKey) : undefined;
  // A macro's context names its page's space, as the host's does (dev/host/shell/views.ts).
  const pageSpace =
    where.module === 'journey-map'
      ? emulator.store.get('spaces', emulator.store.get('pages', where.pageId)?.spaceId ?? '')
      : undefined;
  const extension: Record<string, unknown> =
    where.module === 'journey-map'
      ? {
          type: 'macro',
          content: { id: where.pageId, type: 'page' },
          config: {},
          ...(pageSpace ? { space: { key: pageSpace.key, id: pageSpace.id } } : {}),
        }
      : { type: 'confluence:spacePage', space: { key: space?.key, id: space?.id } };
  const ref: FrameRef = {
    resourceKey: 'main',
    moduleKey: where.module,
    localId: where.module === 'journey-map' ? where.localId : 'index',
    extension,
  };
  const context = buildContext({ ref, viewer, siteUrl: 'http://localhost:3000/wiki' });
  // The frame's signed ref is the Realtime context token of its invocations, as in the host.
  const realtimeContextToken = tokens.sign(ref);
  const listen = (channel: string, fn: (payload: unknown) => void, token?: string) => {
    const target = realtime.frameKey({ ref, channel, isGlobal: false, token, use: 'subscribe' });
    if (!target.ok) throw new Error(`cannot listen on ${channel}: ${target.reason}`);
    return realtime.tap(target.key, fn);
  };
  const handler = createResolverHandler(testDeps());
  const commands: { cmd: string; payload: unknown }[] = [];
  // Payloads and answers cross the host as JSON, as they do between iframe and host.
  const json = <T>(value: T): T =>
    value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
  const restoreFetch = serveLocales();
  globalThis.__componentBridge?.use(async (cmd, payload) => {
    commands.push({ cmd, payload });
    switch (cmd) {
      case 'getContext':
        return json(context);
      case 'invoke':
        return json(
          await invoke(json(payload), context, {
            loadHandler: () => Promise.resolve(handler),
            viewer,
            realtimeContextToken,
          }),
        );
      case 'subscribeRealtimeChannel':
      case 'publishRealtimeChannel':
        if (args.live) return realtimeCommand(cmd, payload);
        throw Object.assign(new Error('Realtime is not available in this world.'), {
          name: 'BridgeAPIError',
        });
      case 'fetchProduct':
        return json(await fetchProduct(json(payload), { emulator, viewer }));
      case 'enableTheming':
      case 'navigate':
      case 'showFlag':
      case 'closeFlag':
        return true;
      default:
        throw Object.assign(new Error(`The component harness does not emulate "${cmd}".`), {
          name: 'BridgeAPIError',
        });
    }
  });
  /** The bridge's two Realtime commands on this frame's default channel scope (no overrides). */
  let refuseUntil = 0;
  function realtimeCommand(cmd: string, payload: unknown): unknown {
    const p = payload as {
      channelName: string;
      onEvent?: unknown;
      eventPayload?: unknown;
      options?: { token?: unknown };
    };
    // The channel a token reaches, or why it is refused: the host's own rule (dev/host/realtime.ts).
    const target = realtime.frameKey({
      ref,
      channel: p.channelName,
      isGlobal: false,
      token: p.options?.token,
      use: cmd === 'publishRealtimeChannel' ? 'publish' : 'subscribe',
    });
    if (!target.ok) throw Object.assign(new Error(target.reason), { name: 'BridgeAPIError' });
    if (cmd === 'publishRealtimeChannel') {
      const event = realtime.publish(target.key, json(p.eventPayload));
      if (!event) throw Object.assign(new Error('RATE_LIMIT_EXCEEDED'), { name: 'BridgeAPIError' });
      return event;
    }
    if (Date.now() < refuseUntil) {
      throw Object.assign(
        new Error(`Could not subscribe to realtime channel "${p.channelName}".`),
        {
          name: 'BridgeAPIError',
        },
      );
    }
    const onEvent = p.onEvent as (payload: unknown, error?: unknown) => void;
    // Delivered in a later task, as an event from the host's stream would be; a dropped channel
    // calls back with an error, as the host's bridge does.
    const stop = realtime.tap(
      target.key,
      (event) => setTimeout(() => onEvent(event), 0),
      () =>
        onEvent(undefined, Object.assign(new Error('disconnected'), { name: 'BridgeAPIError' })),
    );
    return { unsubscribe: () => Promise.resolve(stop()) };
  }
  return {
    emulator,
    // Read back through the real @forge/bridge, as main.tsx does.
    context: await getContext(),
    commands,
    realtime,
    listen,
    dropLive(refuseMs) {
      refuseUntil = Date.now() + refuseMs;
      realtime.dropAll();
    },
    async call(key, payload, accountId) {
      return (await invokeResolver({
        handler,
        functionKey: key,
        payload,
        accountId,
        context,
        realtimeContextToken,
      })) as ResultOf<typeof key>;
    },
    async close() {
      globalThis.__componentBridge?.use(null);
      restoreFetch();
      runtime.uninstall();
      await emulator.close();
    },
  };
}

/**
 * A fresh emulator with a page in CX holding a map made by Eddie (acc-editor) from `template`
 * (the worked example), and the macro on it open for `accountId`.
 */
export async function openMapScreen(args: {
  localId: string;
  accountId: string;
  locale?: string;
  /** The screen is on Forge Realtime (see {@link ScreenArgs}). */
  live?: boolean;
  pageTitle?: string;
  template?: 'worked-example' | 'blank';
}): Promise<{
  world: ComponentWorld;
  at: MapAddress;
  created: Extract<ResultOf<'map/create'>, { ok: true }>['data'];
}> {
  const { localId, accountId, locale, template = 'worked-example' } = args;
  const base = await createEmulatorWorld();
  const pageId = base.emulator.store.createPage({
    spaceKey: 'CX',
    title: args.pageTitle ?? 'Trial to purchase journey',
    authorId: 'acc-editor',
  }).id;
  const world = await openScreen({
    ...base,
    where: { module: 'journey-map', pageId, localId },
    accountId,
    locale,
    live: args.live,
  });
  const at = { pageId, localId };
  const created = await world.call('map/create', { ...at, template }, 'acc-editor');
  if (!created.ok) throw new Error(`map/create failed: ${created.error.message}`);
  return { world, at, created: created.data };
}

/** The map stored at `at`, read through `map/load` as Eddie; throws when there is none. */
export async function storedMap(world: ComponentWorld, at: MapAddress) {
  const res = await world.call('map/load', at, 'acc-editor');
  if (!res.ok || !res.data.map) throw new Error('no stored map');
  return res.data.map;
}

/** A fresh emulator with the space index of CX open for `accountId`. */
export async function openIndexScreen(args: {
  accountId: string;
  locale?: string;
}): Promise<ComponentWorld> {
  const base = await createEmulatorWorld();
  return openScreen({ ...base, where: { module: 'journey-maps-index', spaceKey: 'CX' }, ...args });
}

/**
 * A page in CX by Avery (acc-admin) whose body holds the macro `localId` after `intro`, with a
 * blank map titled `title` made by Avery; answers the page id.
 */
export async function seedIndexedMap(
  world: ComponentWorld,
  args: { pageTitle: string; localId: string; title: string; intro?: string },
): Promise<string> {
  const { localId, title } = args;
  const pageId = world.emulator.store.createPage({
    spaceKey: 'CX',
    title: args.pageTitle,
    authorId: 'acc-admin',
    body: `${args.intro ?? ''}${buildMacroStorage({ localId })}`,
  }).id;
  const made = await world.call(
    'map/create',
    { pageId, localId, template: 'blank', title },
    'acc-admin',
  );
  if (!made.ok) throw new Error(`map/create failed: ${made.error.message}`);
  return pageId;
}
