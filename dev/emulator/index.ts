/**
 * Confluence Cloud emulator: the subset of REST v2/v1 the app uses, with Confluence's JSON shapes
 * and semantics, an embedded durable store, fault injection and a request log.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoBaseline } from './demo-baseline';
import { HttpError, errorResponse } from './errors';
import { JiraHttpError, jiraErrorResponse } from './jira/jira-errors';
import { handleJiraRoute } from './jira/jira-routes';
import { JiraStore } from './jira/jira-state';
import { FaultController } from './faults';
import type { FaultSpec, Faults } from './faults';
import { readPropertyIndexes } from './manifest-indexes';
import { MemoryRequestLog, principalLabel } from './request-log';
import type { RequestLog } from './request-log';
import { Router } from './router';
import { attachmentRoutes } from './routes/attachments';
import type { RouteContext } from './routes/context';
import { pageRoutes } from './routes/pages';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { avatarRoutes } from './routes/avatars';
import { spaceOperationRoutes } from './routes/space-operations';
import { SearchIndex } from './search-index';
import { EmulatorStore } from './store/store';
import type { Principal, PropertyIndexField } from './types';

export type { Principal, PropertyIndexField } from './types';
export type { FaultSpec, Faults } from './faults';
export type { LogEntry, RequestLog } from './request-log';
export { EmulatorStore } from './store/store';
export { DEMO_USERS, seedDemoBaseline } from './demo-baseline';
export { MAX_PROPERTY_BYTES } from './routes/properties';
export { JiraStore } from './jira/jira-state';
export type { JiraState, JiraIssue, JiraProject } from './jira/jira-types';

/** Options of `createEmulator`. */
export type EmulatorOptions = {
  /** Directory for the durable store; in-memory when omitted. */
  dataDir?: string;
  /** Clock (tests pin it). */
  now?: () => Date;
  /** Site URL used in `_links.base` (default `https://emulator.atlassian.net`). */
  siteUrl?: string;
  /** manifest.yml to read content-property search aliases from (default: the repo's). */
  manifestPath?: string;
  /** Search aliases to use instead of reading the manifest. */
  propertyIndexes?: PropertyIndexField[];
  /** Journal size that triggers compaction (default 16 MB; tests lower it). */
  compactBytes?: number;
  /**
   * Delay (wall-clock ms) before a content property write is searchable by CQL, as on a real
   * site (default 0: at once; `npm start` turns it on).
   */
  cqlLagMs?: number;
  /** Largest page v2 list endpoints answer (default 250, as documented; tests lower it). */
  maxListLimit?: number;
  /** Seed for a fresh (empty) store; default: demo users + space CX. `null` = leave empty. */
  seed?: ((store: EmulatorStore) => void) | null;
};

/** A running emulator. */
export type Emulator = {
  /** Answers one request (`/wiki/…` Confluence, `/rest/api/3/…` Jira) as `principal`. */
  handle(req: Request, principal: Principal): Promise<Response>;
  /** Empties the store, then seeds (default: demo users + space CX). */
  reset(seedFn?: (store: EmulatorStore) => void): Promise<void>;
  faults: Faults;
  log: RequestLog;
  store: EmulatorStore;
  /** The site's Jira: projects, work items, `setPresent(false)` for a site without Jira. */
  jira: JiraStore;
  /** CQL's lagging view of content properties (`setLag(ms)` changes the delay). */
  searchIndex: SearchIndex;
  /** The content-property search aliases in effect. */
  propertyIndexes: readonly PropertyIndexField[];
  siteUrl: string;
  /** Makes pending direct-seeding writes durable. */
  flush(): Promise<void>;
  /** Flushes, compacts and closes the store. */
  close(): Promise<void>;
};

const DEFAULT_MANIFEST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../manifest.yml',
);

const ROUTER = new Router([
  ...pageRoutes,
  ...propertyRoutes,
  ...attachmentRoutes,
  ...searchRoutes,
  ...avatarRoutes,
  ...spaceOperationRoutes,
]);

/** Creates an emulator (opening `dataDir` when given). */
export function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? (() => new Date());
  const siteUrl = (options.siteUrl ?? 'https://emulator.atlassian.net').replace(/\/$/, '');
  const store = EmulatorStore.open({
    dataDir: options.dataDir,
    now,
    compactBytes: options.compactBytes,
  });
  const propertyIndexes =
    options.propertyIndexes ?? readPropertyIndexes(options.manifestPath ?? DEFAULT_MANIFEST);
  const defaultSeed = options.seed === undefined ? seedDemoBaseline : options.seed;
  if (defaultSeed && store.counts().users === 0 && store.counts().spaces === 0) {
    defaultSeed(store);
    store.flush();
  }
  const jira = JiraStore.open({ dataDir: options.dataDir, now });
  const faults = new FaultController();
  const searchIndex = new SearchIndex(options.cqlLagMs ?? 0);
  const maxListLimit = options.maxListLimit ?? 250;
  const log = new MemoryRequestLog();
  let closed = false;

  /** A Jira request: its route, or Jira's error collection. */
  async function answerJira(req: Request, url: URL, principal: Principal): Promise<Response> {
    try {
      return await handleJiraRoute({
        req,
        url,
        principal,
        jira,
        siteUrl,
        userOf: (accountId) => store.get('users', accountId),
      });
    } catch (error) {
      if (error instanceof JiraHttpError) {
        return jiraErrorResponse({
          status: error.status,
          message: error.message,
          fieldErrors: error.fieldErrors,
          headers: error.headers,
        });
      }
      return jiraErrorResponse({ status: 500, message: `Emulator error: ${String(error)}` });
    }
  }

  async function handle(req: Request, principal: Principal): Promise<Response> {
    if (closed) throw new Error('emulator is closed');
    const url = new URL(req.url, siteUrl);
    const method = req.method.toUpperCase();
    const found = ROUTER.match(method, url.pathname);
    const route =
      'route' in found
        ? found.route.name
        : url.pathname.startsWith('/rest/api/3/')
          ? 'jira'
          : 'unknown';
    const entry = {
      method,
      path: url.pathname,
      query: url.search,
      route,
      principal: principalLabel(principal),
      at: now().toISOString(),
    };
    await faults.delay();
    let response: Response;
    const fault = faults.take(method, url.pathname);
    const isJira = url.pathname.startsWith('/rest/api/3/');
    const faultResponse = (f: FaultSpec): Response => {
      const headers: Record<string, string> = {};
      if (f.status === 429) headers['retry-after'] = String(f.retryAfterSeconds ?? 1);
      if (isJira) {
        return jiraErrorResponse({
          status: f.status,
          message: f.status === 429 ? 'Rate limit exceeded.' : 'Internal server error (injected)',
          headers,
        });
      }
      return errorResponse(
        url.pathname,
        f.status,
        f.status === 429
          ? 'Rate limit exceeded'
          : f.status === 409
            ? 'Version must be incremented on update. Current version is: (injected conflict)'
            : 'Internal server error (injected)',
        headers,
      );
    };
    if (fault && !fault.afterCommit) {
      response = faultResponse(fault);
    } else if (principal.kind === 'anonymous') {
      response = isJira
        ? jiraErrorResponse({ status: 401, message: 'You are not authenticated.' })
        : errorResponse(url.pathname, 401, 'Unauthorized; scope does not match');
    } else if (isJira) {
      response = await answerJira(req, url, principal);
    } else if (!('route' in found)) {
      response = errorResponse(
        url.pathname,
        found.methodMismatch ? 405 : 404,
        found.methodMismatch
          ? 'Method Not Allowed'
          : `No emulated endpoint for ${method} ${url.pathname}`,
      );
    } else {
      const ctx: RouteContext = {
        req,
        url,
        params: found.params,
        principal,
        store,
        now,
        indexes: propertyIndexes,
        siteUrl,
        searchIndex,
        maxListLimit,
      };
      try {
        response = await found.route.handler(ctx);
      } catch (error) {
        if (error instanceof HttpError) {
          response = errorResponse(url.pathname, error.status, error.message, error.headers);
        } else {
          response = errorResponse(url.pathname, 500, `Emulator error: ${String(error)}`);
        }
      }
    }
    // The request was carried out, but its answer is lost (a dropped connection after the commit).
    if (fault?.afterCommit) response = faultResponse(fault);
    // Durable before acknowledged: whatever the handler changed is fsynced now.
    store.flush();
    log.add({ ...entry, status: response.status });
    return response;
  }

  return Promise.resolve({
    handle,
    async reset(seedFn) {
      store.clear();
      (seedFn ?? seedDemoBaseline)(store);
      store.flush();
      jira.reset();
      faults.clear();
      log.clear();
      searchIndex.clear();
      return Promise.resolve();
    },
    faults,
    log,
    store,
    jira,
    searchIndex,
    propertyIndexes,
    siteUrl,
    flush() {
      store.flush();
      return Promise.resolve();
    },
    close() {
      if (!closed) {
        closed = true;
        store.close();
      }
      return Promise.resolve();
    },
  });
}
