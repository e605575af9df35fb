/**
 * The local Forge host (`npm start`): one node:http server with the Confluence emulator's REST at
 * `/wiki/*`, a Confluence-like shell, the Custom UI resources with an injected bridge, and the
 * bridge's RPC endpoint, which runs the REAL resolver handler in-process.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { defaultPrincipalResolver, handleNodeRequest } from '../emulator/server';
import type { PrincipalResolver } from '../emulator/server';
import { installForgeRuntime } from '../forge-runtime/install';
import type { ResolverHandler } from '../forge-runtime/invoke';
import { isDemoSeeded, seedDemo } from '../seed/demo';
import { dynamicByline } from './dynamic-byline';
import { FrameTokens } from './frame-token';
import { InvocationLog } from './invocation-log';
import { HostHttpError, parseCookies, requestOrigin, send, sendHtml } from './http';
import { loadManifest, manifestFor } from './manifest';
import type { HostManifest } from './manifest';
import { RealtimeHub, overridesError } from './realtime';
import { RESOURCE_PREFIX, serveResource } from './resources';
import type { AssetCache, InlineScripts } from './resources';
import { handleRpc } from './rpc';
import { layout } from './shell/layout';
import { handleShell } from './shell/routes';
import { notFoundView } from './shell/views';
import { USER_COOKIE, viewerOf } from './viewer';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Options of {@link startHost}. */
export type HostOptions = {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  hostname?: string;
  /** Emulator data directory; in-memory when omitted. */
  dataDir?: string;
  /** Empty the store first (then seed when `seed` is not false). */
  reset?: boolean;
  /** Seed the demo data when it is missing (default true). */
  seed?: boolean;
  /** Repository root (manifest.yml, src/index.ts). Default: this repo. */
  rootDir?: string;
  /** Resource key → directory, overriding manifest.yml (tests serve a fixture resource). */
  resources?: Record<string, string>;
  /** The URL people open (emulator `_links.base`); default the listen address. */
  publicUrl?: string;
  /** CQL indexing delay of the emulator in ms (as on a real site; default 0). */
  cqlLagMs?: number;
  /**
   * How the browser may keep the resource's content-hashed files (`assets/<name>-<hash>.js`):
   * 'revalidate' (default: `no-cache` + ETag, a 304 round trip per file per view) or
   * 'immutable' (a year, no revalidation; not verified for Forge's CDN: decision 0044).
   */
  assetCache?: AssetCache;
  /**
   * Whether the app's own inline scripts run: `hash` (default) allows each by its sha256, as
   * Forge's CSP does; `refuse` leaves them out of the CSP, to prove the app still works without
   * its inline boot script (decision 0057).
   */
  inlineScripts?: InlineScripts;
  /**
   * Added latency in ms: every request the host serves (pages, frame documents, assets, 304s,
   * the bridge's RPC, Realtime subscriptions, REST) is answered this long after it arrived, so
   * one round trip costs at least this much more; default 0. Changeable with `setLatency`.
   */
  latencyMs?: number;
  /**
   * Port of the resource origin, Forge's CDN here: the frames' documents and files, their bridge
   * calls and Realtime streams are served there, another origin than the Confluence page's
   * (default: any free port). Same handler, same latency.
   */
  resourcePort?: number;
  /** Progress messages (seeding). */
  log?: (message: string) => void;
};

/** A running host. */
export type Host = {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** The resource origin's URL (Forge's CDN here), e.g. `http://127.0.0.1:3001`. */
  resourceUrl: string;
  emulator: Emulator;
  manifest: HostManifest;
  /** The local Forge Realtime service (tests drop its channels). */
  realtime: RealtimeHub;
  /** The function invocations run for the browser (bench and e2e count them). */
  invocations: InvocationLog;
  /** Sets the latency added to every request from now on (see {@link HostOptions.latencyMs}). */
  setLatency(ms: number): void;
  close(): Promise<void>;
};

/** The REST principal of a request: Basic auth or tooling header, else (GET only) the shell's cookie. */
function restPrincipal(): PrincipalResolver {
  return (req, emulator) => {
    const explicit = defaultPrincipalResolver(req, emulator);
    if (
      explicit.kind !== 'anonymous' ||
      req.headers.authorization ||
      req.headers['x-emulator-principal']
    ) {
      return explicit;
    }
    // Reads from the browser (e.g. an attachment link) act as the shell's user; writes need auth.
    const method = (req.method ?? 'GET').toUpperCase();
    const accountId = parseCookies(req)[USER_COOKIE];
    if (
      (method === 'GET' || method === 'HEAD') &&
      accountId &&
      emulator.store.get('users', accountId)
    ) {
      return { kind: 'user', accountId };
    }
    return explicit;
  };
}

/** Which of the host's two origins a request came to: the Confluence site, or Forge's CDN. */
type Via = 'site' | 'resources';

/** What the resource origin serves: resources, and the frames' bridge calls and streams. */
const RESOURCE_PATHS = [RESOURCE_PREFIX, '/__forge/rpc', '/__forge/realtime', '/__forge/tokens/'];

/** A latency option as a whole number of ms ≥ 0 (a typo in LATENCY_MS must not pass silently). */
function validLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`latencyMs must be ≥ 0, got ${ms}`);
  return Math.round(ms);
}

/** Starts the host; resolves once it listens and the demo data is in place. */
export async function startHost(options: HostOptions = {}): Promise<Host> {
  const root = options.rootDir ?? REPO_ROOT;
  const manifest = loadManifest(root);
  for (const [key, dir] of Object.entries(options.resources ?? {})) {
    manifest.resources.set(key, path.resolve(dir));
  }
  const tokens = new FrameTokens();
  const realtime = new RealtimeHub();
  const invocations = new InvocationLog();
  let handlerPromise: Promise<ResolverHandler> | null = null;
  const loadHandler = (): Promise<ResolverHandler> => {
    handlerPromise ??= import(pathToFileURL(path.join(root, 'src/index.ts')).href).then(
      (mod: Record<string, unknown>) => {
        const fn = mod[manifest.resolverExport];
        if (typeof fn !== 'function') {
          throw new Error(`src/index.ts does not export "${manifest.resolverExport}".`);
        }
        return fn as ResolverHandler;
      },
    );
    handlerPromise.catch(() => {
      handlerPromise = null;
    });
    return handlerPromise;
  };

  const bylineText = dynamicByline({ root, manifest });
  let emulator: Emulator | null = null;
  let rest: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | null = null;
  let siteUrl = '';

  let latencyMs = validLatency(options.latencyMs ?? 0);
  /** One handler for both origins; `via` says which one the request came to. */
  const serve =
    (via: Via) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      const handle = (): void => {
        void route(req, res, via).catch((error: unknown) => {
          const status = error instanceof HostHttpError ? error.status : 500;
          if (!res.headersSent)
            send(res, status, `Local host error: ${String(error)}`, {
              'content-type': 'text/plain',
            });
          else res.destroy();
        });
      };
      // The request (and its body) waits in the socket, unread, like a slow network's round trip.
      // A request the browser gave up on meanwhile is not handled (a Realtime subscription on a
      // closed socket would never see its 'close' and keep its heartbeat timer alive).
      if (latencyMs > 0)
        setTimeout(() => {
          if (!req.socket.destroyed && !res.destroyed) handle();
        }, latencyMs);
      else handle();
    };
  const server = http.createServer(serve('site'));
  const cdn = http.createServer(serve('resources'));
  let sitePort = 0;
  let resourcePort = 0;

  /** The page's and the resources' origins, at the host name the browser used (its cookies). */
  function originsOf(req: IncomingMessage): { site: string; resources: string } {
    const host = new URL(requestOrigin(req)).hostname;
    const name = host.includes(':') ? `[${host}]` : host;
    return { site: `http://${name}:${sitePort}`, resources: `http://${name}:${resourcePort}` };
  }

  async function route(req: IncomingMessage, res: ServerResponse, via: Via): Promise<void> {
    if (!emulator || !rest) return send(res, 503, 'Starting…');
    const url = new URL(req.url ?? '/', siteUrl);
    const viewer = viewerOf(req, emulator.store);
    // Context URLs follow the address the browser used (localhost vs 127.0.0.1 keep their cookies).
    const origins = originsOf(req);
    const origin = origins.site;
    if (via === 'resources' && !RESOURCE_PATHS.some((p) => url.pathname.startsWith(p))) {
      return send(res, 404, 'Not found (the resource origin serves Forge resources only).');
    }
    if (url.pathname === '/__forge/rpc') {
      return handleRpc(req, res, {
        emulator,
        tokens,
        manifest,
        loadHandler,
        viewer,
        siteUrl: origin,
        resourceOrigin: origins.resources,
        realtime,
        invocations,
      });
    }
    if (url.pathname === '/__forge/realtime/drop' && req.method === 'POST') {
      // A tool for trying the reconnect path by hand: drops every channel for `refuseMs`.
      const refuseMs = Math.min(60_000, Number(url.searchParams.get('refuseMs') ?? 0) || 0);
      return send(res, 200, `Dropped ${realtime.dropAll(refuseMs)} channel(s).`, {
        'content-type': 'text/plain',
      });
    }
    if (url.pathname === '/__forge/realtime') {
      const ref = tokens.verify(url.searchParams.get('t'));
      const channel = url.searchParams.get('channel') ?? '';
      if (!ref || channel === '') return send(res, 403, 'Invalid frame token or channel.');
      const overrides = url.searchParams.get('overrides');
      const list = overrides === null ? undefined : overrides.split(',').filter(Boolean);
      if (overridesError(list)) return send(res, 400, 'Invalid contextOverrides.');
      const target = realtime.frameKey({
        ref,
        channel,
        isGlobal: url.searchParams.get('global') === '1',
        ...(list ? { overrides: list } : {}),
        token: url.searchParams.get('rt'),
        use: 'subscribe',
      });
      if (!target.ok) return send(res, 403, `Realtime token refused: ${target.reason}.`);
      return realtime.subscribe(res, target.key);
    }
    if (
      url.pathname.startsWith(RESOURCE_PREFIX) &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      return serveResource({
        req,
        res,
        url,
        manifest,
        tokens,
        viewer,
        siteUrl: origin,
        assetCache: options.assetCache ?? 'revalidate',
        inlineScripts: options.inlineScripts ?? 'hash',
      });
    }
    // Confluence draws module titles in the person's language (manifest `{i18n: key}`).
    const shown = manifestFor(manifest, viewer.locale);
    if (
      await handleShell(req, res, url, {
        emulator,
        manifest: shown,
        tokens,
        viewer,
        bylineText,
        resourceOrigin: origins.resources,
      })
    ) {
      return;
    }
    // Tools (curl) send no Origin; a browser page of another site must not drive the emulator.
    const foreign =
      typeof req.headers.origin === 'string' && req.headers.origin !== requestOrigin(req);
    if (foreign && req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 403, 'Cross-origin writes are refused.', { 'content-type': 'text/plain' });
    }
    if (await rest(req, res)) return;
    const users = [...emulator.store.all('users')];
    sendHtml(
      res,
      404,
      layout({ title: 'Not found', viewer, users, body: notFoundView(), back: '/' }),
    );
  }

  const listen = (s: http.Server, port: number): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, options.hostname ?? '127.0.0.1', () =>
        resolve((s.address() as AddressInfo).port),
      );
    });
  sitePort = await listen(server, options.port ?? 3000);
  resourcePort = await listen(cdn, options.resourcePort ?? 0);
  siteUrl = `http://${options.hostname ?? '127.0.0.1'}:${sitePort}`;
  const resourceUrl = `http://${options.hostname ?? '127.0.0.1'}:${resourcePort}`;

  const emu = await createEmulator({
    dataDir: options.dataDir,
    siteUrl: options.publicUrl ?? siteUrl,
    cqlLagMs: options.cqlLagMs ?? 0,
    manifestPath: path.join(root, 'manifest.yml'),
  });
  async function closeServers(): Promise<void> {
    for (const s of [server, cdn]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }
  const runtime = installForgeRuntime({
    emulator: emu,
    realtime: realtime.service((token) => tokens.verify(token)),
  });
  try {
    if (options.reset) await emu.reset();
    if (options.seed !== false && (options.reset || !isDemoSeeded(emu.store))) {
      options.log?.('Seeding demo data…');
      await seedDemo({ emulator: emu, handler: await loadHandler(), log: options.log });
      await emu.flush();
    }
  } catch (error) {
    runtime.uninstall();
    await emu.close();
    await closeServers();
    throw error;
  }
  emulator = emu;
  rest = handleNodeRequest(emu, restPrincipal());

  return {
    url: siteUrl,
    resourceUrl,
    emulator: emu,
    manifest,
    realtime,
    invocations,
    setLatency(ms) {
      latencyMs = validLatency(ms);
    },
    async close() {
      await closeServers();
      runtime.uninstall();
      await emu.close();
    },
  };
}
