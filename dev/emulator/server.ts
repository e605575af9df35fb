/**
 * HTTP mounting of the emulator with node:http: `/wiki/*` and Jira's `/rest/api/3/*` (Basic auth, or the
 * `x-emulator-principal` header for tooling) and the `/__emulator/*` control endpoints.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator, FaultSpec, Principal } from './index';

/** Works out who is calling from a Node request. */
export type PrincipalResolver = (req: IncomingMessage, emulator: Emulator) => Principal;

/** Default resolver: `x-emulator-principal: user:<id>|app|anonymous`, else Basic auth by email. */
export const defaultPrincipalResolver: PrincipalResolver = (req, emulator) => {
  const header = req.headers['x-emulator-principal'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value) {
    if (value === 'app') return { kind: 'app' };
    if (value.startsWith('user:')) return { kind: 'user', accountId: value.slice(5) };
    return { kind: 'anonymous' };
  }
  const auth = req.headers.authorization ?? '';
  const m = /^Basic\s+(.+)$/i.exec(auth);
  if (!m) return { kind: 'anonymous' };
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const email = decoded.slice(0, decoded.indexOf(':') === -1 ? undefined : decoded.indexOf(':'));
  for (const u of emulator.store.all('users')) {
    if (u.email.toLowerCase() === email.toLowerCase())
      return { kind: 'user', accountId: u.accountId };
  }
  return { kind: 'anonymous' };
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!headers['content-length'] && response.status !== 204)
    headers['content-length'] = String(bytes.length);
  res.writeHead(response.status, headers);
  res.end(response.status === 204 ? undefined : bytes);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Control endpoint bodies. */
type FaultsBody = {
  inject?: FaultSpec;
  latencyMs?: number;
  clear?: boolean;
  /** false = the site has no Jira. */
  jiraPresent?: boolean;
};

async function control(
  emulator: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = method === 'GET' || method === 'DELETE' ? Buffer.alloc(0) : await readBody(req);
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { error: 'body must be JSON' });
      return;
    }
  }
  if (path === '/__emulator/reset' && method === 'POST') {
    await emulator.reset(body.seed === 'empty' ? () => undefined : undefined);
    sendJson(res, 200, { ok: true, counts: emulator.store.counts() });
  } else if (path === '/__emulator/faults' && method === 'POST') {
    const f = body as FaultsBody;
    if (f.clear) emulator.faults.clear();
    if (typeof f.latencyMs === 'number') emulator.faults.latency(f.latencyMs);
    if (f.inject) emulator.faults.inject(f.inject);
    if (typeof f.jiraPresent === 'boolean') emulator.jira.setPresent(f.jiraPresent);
    sendJson(res, 200, { ok: true });
  } else if (path === '/__emulator/log' && method === 'GET') {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = url.searchParams.get('route') ?? undefined;
    sendJson(res, 200, {
      count: emulator.log.count(route),
      entries: emulator.log.entries().filter((e) => !route || e.route === route),
    });
  } else if (path === '/__emulator/log' && method === 'DELETE') {
    emulator.log.clear();
    res.writeHead(204);
    res.end();
  } else if (path === '/__emulator/state' && method === 'GET') {
    sendJson(res, 200, {
      counts: emulator.store.counts(),
      users: [...emulator.store.all('users')],
      spaces: [...emulator.store.all('spaces')],
      propertyIndexes: emulator.propertyIndexes,
      siteUrl: emulator.siteUrl,
    });
  } else {
    sendJson(res, 404, { error: `unknown control endpoint ${method} ${path}` });
  }
}

/**
 * A node:http handler for `/wiki/*` and `/__emulator/*`; resolves to false for other paths so a
 * host server can serve them itself.
 */
export function handleNodeRequest(
  emulator: Emulator,
  principalResolver: PrincipalResolver = defaultPrincipalResolver,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path.startsWith('/__emulator/')) {
        await control(emulator, req, res, path);
        return true;
      }
      if (!path.startsWith('/wiki/') && !path.startsWith('/rest/api/3/')) return false;
      const principal = principalResolver(req, emulator);
      const body = await readBody(req);
      await send(res, await emulator.handle(toRequest(req, body), principal));
      return true;
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
      return true;
    }
  };
}

/** Serves the emulator over HTTP on 127.0.0.1. */
export async function startEmulatorServer(opts: {
  emulator: Emulator;
  port?: number;
  host?: '127.0.0.1';
  principalResolver?: PrincipalResolver;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = handleNodeRequest(opts.emulator, opts.principalResolver);
  const server = http.createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) sendJson(res, 404, { error: 'not found' });
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
