/**
 * The HTTP policies both product adapters share (src/confluence, src/jira): JSON bodies,
 * Retry-After, bounded waits on 429, and turning a failed answer into the adapter's typed error.
 * It knows no product: each adapter passes its own errors and its own retry rule.
 */
import type { APIResponse, RequestInit, Route } from '@forge/api';

/** `asUser().requestConfluence`, `asUser().requestJira` or their `asApp()` forms. */
export type Requester = (url: Route, init?: RequestInit) => Promise<APIResponse>;

/** A failed answer, as the adapter's error builder receives it. */
export type FailedAnswer = { status: number; body: unknown; retryAfterSeconds: number | null };

/** One request with the adapter's policies. */
export type Request = {
  requester: Requester;
  url: Route;
  init: RequestInit;
  sleep?: (ms: number) => Promise<void>;
  /** Ms to wait before sending again after a 429 (`attempt` counts from 0), or null to answer. */
  retryDelay: (retryAfterSeconds: number | null, attempt: number) => number | null;
  /** The adapter's error when no answer arrived; returns what it is given when that must pass. */
  unreachable: (error: unknown) => unknown;
  /** The adapter's typed error for a non-OK answer. */
  failure: (answer: FailedAnswer) => Error;
};

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

/** The init of a JSON request: `Accept: application/json`, and the body as JSON when there is one. */
export function jsonInit(method: string, body: unknown): RequestInit {
  if (body === undefined) return { method, headers: { Accept: 'application/json' } };
  return {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
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

const retryAfterOf = (response: APIResponse): number | null =>
  parseRetryAfter(response.headers.get('retry-after'), Date.now());

/** Sends until answered (waiting out 429s as `retryDelay` says); throws `failure` unless OK. */
async function okResponse(request: Request): Promise<APIResponse> {
  const sleep = request.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    let response: APIResponse;
    try {
      response = await request.requester(request.url, request.init);
    } catch (error) {
      throw request.unreachable(error);
    }
    const retryAfterSeconds = retryAfterOf(response);
    const wait = response.status === 429 ? request.retryDelay(retryAfterSeconds, attempt) : null;
    if (wait !== null) {
      await sleep(wait);
      continue;
    }
    if (response.ok) return response;
    const body = await readBody(response);
    throw request.failure({ status: response.status, body, retryAfterSeconds });
  }
}

/** The parsed JSON body of the answer (null when empty), or the adapter's typed error. */
export async function sendJson(request: Request): Promise<unknown> {
  return readBody(await okResponse(request));
}

/** The bytes of the answer (an attachment download), or the adapter's typed error. */
export async function sendForBytes(request: Request): Promise<Uint8Array> {
  return new Uint8Array(await (await okResponse(request)).arrayBuffer());
}
