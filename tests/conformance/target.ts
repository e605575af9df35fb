/**
 * Where the conformance suite sends its requests: the in-process emulator by default, or a real
 * Confluence Cloud site when CONFLUENCE_BASE_URL, CONFLUENCE_EMAIL, CONFLUENCE_API_TOKEN and
 * CONFLUENCE_SPACE_KEY are set.
 */
import { createEmulator } from '../../dev/emulator/index';
import type { Emulator } from '../../dev/emulator/index';

/** One target of the suite. */
export type ConformanceTarget = {
  kind: 'emulator' | 'real';
  spaceKey: string;
  /** Sends a request as the configured user; `path` starts with /wiki/. */
  request(
    method: string,
    path: string,
    init?: { json?: unknown; form?: FormData; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
};

/** True when real-site credentials are configured. */
export function realSiteConfigured(): boolean {
  const e = process.env;
  return Boolean(
    e.CONFLUENCE_BASE_URL && e.CONFLUENCE_EMAIL && e.CONFLUENCE_API_TOKEN && e.CONFLUENCE_SPACE_KEY,
  );
}

function buildInit(
  method: string,
  init?: { json?: unknown; form?: FormData; headers?: Record<string, string> },
): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json', ...init?.headers };
  let body: BodyInit | undefined;
  if (init?.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init?.form) {
    body = init.form;
  }
  return { method, headers, body };
}

/** Creates the target selected by the environment. */
export async function createTarget(): Promise<ConformanceTarget> {
  if (realSiteConfigured()) {
    const base = (process.env.CONFLUENCE_BASE_URL ?? '').replace(/\/$/, '').replace(/\/wiki$/, '');
    const auth = `Basic ${Buffer.from(`${process.env.CONFLUENCE_EMAIL}:${process.env.CONFLUENCE_API_TOKEN}`).toString('base64')}`;
    return {
      kind: 'real',
      spaceKey: process.env.CONFLUENCE_SPACE_KEY ?? '',
      request(method, path, init) {
        const ri = buildInit(method, init);
        (ri.headers as Record<string, string>).authorization = auth;
        return fetch(`${base}${path}`, ri);
      },
      close: () => Promise.resolve(),
    };
  }
  const emulator: Emulator = await createEmulator();
  return {
    kind: 'emulator',
    spaceKey: 'CX',
    request(method, path, init) {
      return emulator.handle(new Request(`http://emulator.local${path}`, buildInit(method, init)), {
        kind: 'user',
        accountId: 'acc-admin',
      });
    },
    close: () => emulator.close(),
  };
}
