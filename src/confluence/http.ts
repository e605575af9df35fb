/**
 * One Confluence request with the adapter's policies: JSON in and out, typed errors, and
 * bounded, jittered retries on 429 that honour `Retry-After` (the shared toolkit in src/http).
 */
import type { RequestInit, Route } from '@forge/api';
import type { Requester } from '../http/request';
import { jsonInit, sendForBytes as sendForBytesWith, sendJson } from '../http/request';
import { ConfluenceError, ServerError, errorFromResponse, isNeedsAuthentication } from './errors';

export type { Requester } from '../http/request';
export { parseRetryAfter } from '../http/request';

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

function unreachable(error: unknown): unknown {
  // The consent prompt needs the platform's own error, untouched.
  if (error instanceof ConfluenceError || isNeedsAuthentication(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ServerError(`Could not reach Confluence (${reason}). Try again in a moment.`, 0);
}

function initOf(call: HttpCall): RequestInit {
  const init = jsonInit(call.method ?? 'GET', call.body);
  if (call.body !== undefined || call.multipart === undefined) return init;
  return {
    ...init,
    headers: {
      ...init.headers,
      'Content-Type': call.multipart.contentType,
      'X-Atlassian-Token': 'no-check',
    },
    body: call.multipart.body,
  };
}

/** Sends the call; returns the parsed JSON body (null for 204) or throws a ConfluenceError. */
export async function send(deps: HttpDeps, call: HttpCall): Promise<unknown> {
  const random = deps.random ?? Math.random;
  const maxRetries = deps.maxRetries ?? 3;
  return sendJson({
    requester: deps.requester,
    url: call.url,
    init: initOf(call),
    sleep: deps.sleep,
    retryDelay: (retryAfter, attempt) => {
      if (attempt >= maxRetries) return null;
      const base = retryAfter !== null ? retryAfter * 1000 : BASE_BACKOFF_MS * 2 ** attempt;
      // Jitter spreads out clients that were throttled together.
      return Math.min(MAX_WAIT_MS, base + random() * BASE_BACKOFF_MS);
    },
    unreachable,
    failure: (answer) => errorFromResponse({ ...answer, what: call.what }),
  });
}

/** A GET answered with bytes (an attachment download); errors as {@link send}. No 429 retry. */
export async function sendForBytes(
  deps: HttpDeps,
  call: Pick<HttpCall, 'url' | 'what'>,
): Promise<Uint8Array> {
  return sendForBytesWith({
    requester: deps.requester,
    url: call.url,
    init: { method: 'GET' },
    retryDelay: () => null,
    unreachable,
    failure: (answer) => errorFromResponse({ ...answer, what: call.what }),
  });
}
