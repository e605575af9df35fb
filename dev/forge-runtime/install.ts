/**
 * Installs the globals the hosted Forge runtime provides. Product calls
 * (`{type:'fpp', remote:'confluence' | 'jira'}`) go to `emulator.handle()` with the principal Forge would
 * authenticate as: the app for `asApp()`, the invoking user for `asUser()`, nobody otherwise.
 */
import type { Principal } from '../emulator/types';
import { EMULATOR_ORIGIN, LOCAL_CLOUD_ID } from './constants';
import { invocationScope } from './invocation-scope';
import { writeLocaleBundle } from './locale-bundle';
import { manifestScopes } from './manifest-scopes';
import { missingScopes } from './rest-scopes';

/** The part of the emulator the runtime needs. */
export type EmulatorLike = {
  handle(req: Request, principal: Principal): Promise<Response>;
};

/** One product call as the runtime saw it (for budgets and debugging). */
export type ForgeCall = {
  method: string;
  path: string;
  principal: Principal;
  status: number;
};

/** Options of {@link installForgeRuntime}. */
export type InstallOptions = {
  emulator: EmulatorLike;
  /** Called after each product call. */
  onCall?: (call: ForgeCall) => void;
  /**
   * The scopes the app declares (default: `permissions.scopes` of the repository's manifest.yml).
   * A call that needs a scope not declared, or that rest-scopes.ts does not know, is refused.
   */
  scopes?: readonly string[];
  /**
   * The Realtime service behind `@forge/realtime` (`{type:'realtime'}` calls); without it such a
   * call is refused as Forge refuses an app it cannot reach (503).
   */
  realtime?: RealtimeService;
};

/** The Realtime service's server half, as `@forge/realtime`'s GraphQL call reaches it. */
export type RealtimeService = (args: {
  /** `x-forge-context-token`: the invoking frame's scope (absent outside a UI invocation). */
  contextToken: string | null;
  /** The parsed GraphQL body `{query, variables}`. */
  body: unknown;
}) => Promise<Response> | Response;

/** A platform error the runtime answers instead of reaching Confluence (header `forge-proxy-error`). */
export type ProxyErrorFault = {
  /** e.g. `NEEDS_AUTHENTICATION_ERR` (the user has not granted the app access yet). */
  reason: string;
  /** How many product calls get it (default 1). */
  count?: number;
  /** HTTP status of the answer (default 401). */
  status?: number;
};

/** What {@link installForgeRuntime} returns. */
export type ForgeRuntimeHandle = {
  /** Every product call since install (or since `calls.length = 0`). */
  calls: ForgeCall[];
  /** Platform errors for the next product calls, answered as Forge's proxy does. */
  proxyErrors: { inject(fault: ProxyErrorFault): void; clear(): void };
  /** Swaps the emulator (e.g. after a restart) without reinstalling. */
  setEmulator(emulator: EmulatorLike): void;
  /** Removes the globals this install set. */
  uninstall(): void;
};

/** The context object `@forge/api` passes as the first argument of `__forge_fetch__`. */
type FetchContext = {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
};

type ForgeGlobals = {
  __forge_fetch__?: (ctx: FetchContext, path: string, init?: RequestInit) => Promise<Response>;
  __forge_runtime__?: unknown;
};

const noopMetric = { incr: () => undefined, measure: () => ({ stop: () => undefined }) };

let appCodeDir: string | null = null;

/**
 * The deployed function's code folder: `@forge/api` i18n reads `<appCodeDir>/__LOCALES__/`,
 * which the CLI bundles from manifest.yml `translations`; here it is written once per process.
 */
function localAppCodeDir(): string {
  appCodeDir ??= writeLocaleBundle();
  return appCodeDir;
}

/** A minimal `__forge_runtime__`: enough for `getAppContext()` and the metrics wrappers. */
function makeRuntime(): unknown {
  return {
    // Per invocation, like Forge: only a function called from a UI module has a context token.
    get realtime() {
      const token = invocationScope.getStore()?.realtimeContextToken;
      return token ? { contextToken: token } : undefined;
    },
    metrics: { counter: () => noopMetric, timing: () => noopMetric },
    appContext: {
      appId: '00000000-0000-0000-0000-00000000c1a0',
      appVersion: '0.1.0',
      environmentId: 'local-environment',
      environmentType: 'DEVELOPMENT',
      invocationId: 'local-invocation',
      installationId: `local-installation-${LOCAL_CLOUD_ID}`,
      moduleKey: 'resolver',
      license: undefined,
      installation: undefined,
      permissions: { scopes: [], external: {} },
    },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    externalAuth: [],
    container: { appCodeDir: localAppCodeDir() },
  };
}

/** The principal Forge would authenticate a product call as. */
function principalFor(ctx: FetchContext): Principal {
  if (ctx.provider === 'app') return { kind: 'app' };
  if (ctx.provider === 'user') {
    const accountId = ctx.accountId ?? invocationScope.getStore()?.accountId ?? null;
    if (!accountId) {
      // The hosted runtime refuses asUser() outside a user-initiated invocation as well.
      throw new Error('asUser() was called outside an invocation that has a user.');
    }
    return { kind: 'user', accountId };
  }
  return { kind: 'anonymous' };
}

function isRedirect(response: Response): boolean {
  return [301, 302, 303, 307, 308].includes(response.status);
}
/**
 * Forge's answer to a product call the app has no scope for: 401 "scope does not match" (the
 * platform's wording), before Confluence sees it. An endpoint missing from the table is refused
 * too, so every new call gets a row checked against the spec.
 */
export function scopeRefusal(
  method: string,
  path: string,
  declared: readonly string[],
): Response | null {
  const missing = missingScopes({ method, path, declared });
  if (missing && missing.length === 0) return null;
  const message = missing
    ? `Unauthorized; scope does not match. ${method} ${path.split('?')[0] ?? ''} needs ${missing.join(', ')}, which manifest.yml does not declare.`
    : `Unauthorized; scope does not match. ${method} ${path.split('?')[0] ?? ''} has no row in dev/forge-runtime/rest-scopes.ts: add it from the REST spec.`;
  return new Response(JSON.stringify({ code: 401, message }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });
}

/** Sets `globalThis.__forge_fetch__` and `__forge_runtime__`; returns a handle with a call log. */
export function installForgeRuntime(options: InstallOptions): ForgeRuntimeHandle {
  const g = globalThis as ForgeGlobals;
  const previous = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
  let emulator = options.emulator;
  const calls: ForgeCall[] = [];
  const declared = options.scopes ?? manifestScopes();
  const pending: Required<ProxyErrorFault>[] = [];

  /** The platform's answer for a pending fault (`@forge/api` turns the header into its error). */
  const proxyError = (): Response | null => {
    const fault = pending[0];
    if (!fault) return null;
    if (--fault.count <= 0) pending.shift();
    return new Response(null, {
      status: fault.status,
      headers: { 'forge-proxy-error': fault.reason },
    });
  };

  g.__forge_fetch__ = async (ctx, path, init) => {
    if (ctx.type === 'realtime') return realtimeCall(init);
    if (ctx.type !== 'fpp' || (ctx.remote !== 'confluence' && ctx.remote !== 'jira')) {
      throw new Error(
        `The local Forge runtime only routes Confluence and Jira product calls (got type=${String(ctx.type)}, remote=${String(ctx.remote)}).`,
      );
    }
    // Each product answers only its own API: a Confluence path sent to Jira (or the reverse) is
    // a bug the platform would answer with a 404 from the wrong product.
    const jiraPath = path.startsWith('/rest/api/3/');
    if (jiraPath !== (ctx.remote === 'jira')) {
      throw new Error(`${ctx.remote} does not serve ${path.split('?')[0] ?? ''}.`);
    }
    const expired = invocationScope.getStore()?.expired;
    if (expired) throw new Error(`This invocation has ended: ${expired.reason}`);
    const principal = principalFor(ctx);
    const request = new Request(EMULATOR_ORIGIN + path, init);
    let response =
      proxyError() ??
      scopeRefusal(request.method, path, declared) ??
      (await emulator.handle(request, principal));
    // The platform's fetch follows a download's redirect to where the bytes are served (Forge
    // answers the binary); only same-site GET redirects exist here.
    for (let hops = 0; hops < 3 && isRedirect(response) && request.method === 'GET'; hops++) {
      const location = response.headers.get('location') ?? '';
      if (!location.startsWith('/wiki/')) break;
      response = await emulator.handle(new Request(EMULATOR_ORIGIN + location), principal);
    }
    const call: ForgeCall = {
      method: request.method,
      path,
      principal,
      status: response.status,
    };
    calls.push(call);
    options.onCall?.(call);
    return response;
  };
  g.__forge_runtime__ = makeRuntime();

  /** `@forge/realtime`'s GraphQL POST, handed to the Realtime service. */
  async function realtimeCall(init: RequestInit | undefined): Promise<Response> {
    const expired = invocationScope.getStore()?.expired;
    if (expired) throw new Error(`This invocation has ended: ${expired.reason}`);
    const service = options.realtime;
    if (!service) return new Response(null, { status: 503, statusText: 'Service Unavailable' });
    const headers = new Headers(init?.headers);
    let body: unknown = null;
    try {
      body = JSON.parse(typeof init?.body === 'string' ? init.body : '') as unknown;
    } catch {
      return new Response(null, { status: 400, statusText: 'Bad Request' });
    }
    // Not a product (REST) call: kept out of `calls`, which budgets count REST calls with.
    return service({ contextToken: headers.get('x-forge-context-token'), body });
  }

  return {
    calls,
    proxyErrors: {
      inject(fault) {
        pending.push({ count: 1, status: 401, ...fault });
      },
      clear() {
        pending.length = 0;
      },
    },
    setEmulator(next) {
      emulator = next;
    },
    uninstall() {
      g.__forge_fetch__ = previous.fetch;
      g.__forge_runtime__ = previous.runtime;
    },
  };
}
