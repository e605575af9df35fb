/**
 * One Jira request: JSON in and out, typed errors. A 429 is retried at most `maxRetries` times
 * (default 0: a status read must never hold the map up; creating retries once), honouring
 * Retry-After up to 5 s.
 */
import type { APIResponse, RequestInit, Route } from '@forge/api';
import { JiraError, JiraUnavailableError, jiraErrorFrom } from './errors';

/** `asUser().requestJira`. */
export type JiraRequester = (url: Route, init?: RequestInit) => Promise<APIResponse>;

/** What the transport needs; sleep is injected so tests run instantly. */
export type JiraHttpDeps = {
  requester: JiraRequester;
  sleep?: (ms: number) => Promise<void>;
};

/** One call. */
export type JiraCall = {
  url: Route;
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Names the thing in error messages, e.g. "the work item". */
  what: string;
  maxRetries?: number;
};

const MAX_WAIT_MS = 5_000;

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

function retryAfterOf(response: APIResponse): number | null {
  const raw = response.headers.get('retry-after');
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : null;
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

/** Sends the call; returns the parsed JSON body or throws a {@link JiraError}. */
export async function sendJira(deps: JiraHttpDeps, call: JiraCall): Promise<unknown> {
  const sleep = deps.sleep ?? realSleep;
  const init: RequestInit = {
    method: call.method ?? 'GET',
    headers: { Accept: 'application/json' },
  };
  if (call.body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(call.body);
  }
  for (let attempt = 0; ; attempt++) {
    let response: APIResponse;
    try {
      response = await deps.requester(call.url, init);
    } catch (error) {
      if (error instanceof JiraError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new JiraUnavailableError(
        `Could not reach Jira (${reason}). The map works without it.`,
        0,
      );
    }
    const retryAfter = retryAfterOf(response);
    if (response.status === 429 && attempt < (call.maxRetries ?? 0)) {
      const wait = (retryAfter ?? 1) * 1000;
      if (wait > MAX_WAIT_MS) {
        throw jiraErrorFrom({
          status: 429,
          body: null,
          what: call.what,
          retryAfterSeconds: retryAfter,
        });
      }
      await sleep(wait);
      continue;
    }
    const body = await readBody(response);
    if (response.ok) return body;
    throw jiraErrorFrom({
      status: response.status,
      body,
      what: call.what,
      retryAfterSeconds: retryAfter,
    });
  }
}
