/**
 * One Confluence request with the adapter's policies: JSON in and out, typed errors, and
 * bounded, jittered retries on 429 that honour `Retry-After`.
 */
import type { APIResponse, RequestInit, Route } from '@forge/api';
import { ConfluenceError, ServerError, errorFromResponse, isNeedsAuthentication } from './errors';

/** `asUser().requestConfluence` or `asApp().requestConfluence`. */
export type Requester = (url: Route, init?: RequestInit) => Promise<APIResponse>;

/** What the transport needs; sleep and random are injected so tests run instantly. */
export type HttpDeps = {
  requester: Requester;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Retries after a 429 (default 3). */
  maxRetries?: number;
};

/** One call. */
export type HttpCall = {
  url: Route;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A multipart body (v1 attachment upload); sent with the XSRF opt-out header Confluence needs. */
  multipart?: { contentType: string; body: ArrayBuffer };
  /** Names the thing in error messages, e.g. "the journey map". */
  what: string;
};

// Three waits of at most 5 s stay well inside the 25 s a UI resolver may run.
const MAX_WAIT_MS = 5_000;
const BASE_BACKOFF_MS = 400;

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) return n;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - nowMs) / 1000);
}

async function readBody(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends the call; returns the parsed JSON body (null for 204) or throws a ConfluenceError. */
export async function send(deps: HttpDeps, call: HttpCall): Promise<unknown> {
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const maxRetries = deps.maxRetries ?? 3;
  const init: RequestInit = {
    method: call.method ?? 'GET',
    headers: { Accept: 'application/json' },
  };
  if (call.body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(call.body);
  } else if (call.multipart !== undefined) {
    init.headers = {
      ...init.headers,
      'Content-Type': call.multipart.contentType,
      'X-Atlassian-Token': 'no-check',
    };
    init.body = call.multipart.body;
  }
  for (let attempt = 0; ; attempt++) {
    let response: APIResponse;
    try {
      response = await deps.requester(call.url, init);
    } catch (error) {
      // The consent prompt needs the platform's own error, untouched.
      if (error instanceof ConfluenceError || isNeedsAuthentication(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServerError(`Could not reach Confluence (${reason}). Try again in a moment.`, 0);
    }
    if (response.status === 429 && attempt < maxRetries) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const base = retryAfter !== null ? retryAfter * 1000 : BASE_BACKOFF_MS * 2 ** attempt;
      // Jitter spreads out clients that were throttled together.
      await sleep(Math.min(MAX_WAIT_MS, base + random() * BASE_BACKOFF_MS));
      continue;
    }
    const body = await readBody(response);
    if (response.ok) return body;
    throw errorFromResponse({
      status: response.status,
      body,
      what: call.what,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    });
  }
}

/** A GET answered with bytes (an attachment download); errors as {@link send}. No 429 retry. */
export async function sendForBytes(
  deps: HttpDeps,
  call: Pick<HttpCall, 'url' | 'what'>,
): Promise<Uint8Array> {
  let response: APIResponse;
  try {
    response = await deps.requester(call.url, { method: 'GET' });
  } catch (error) {
    if (error instanceof ConfluenceError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServerError(`Could not reach Confluence (${reason}). Try again in a moment.`, 0);
  }
  if (response.ok) return new Uint8Array(await response.arrayBuffer());
  throw errorFromResponse({
    status: response.status,
    body: await readBody(response),
    what: call.what,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  });
}
