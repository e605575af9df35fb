/**
 * One Jira request: JSON in and out, typed errors. A 429 is retried at most `maxRetries` times
 * (default 0: a status read must never hold the map up; creating retries once), honouring
 * Retry-After up to 5 s (the shared toolkit in src/http).
 */
import type { Route } from '@forge/api';
import type { Requester } from '../http/request';
import { jsonInit, sendJson } from '../http/request';
import { JiraError, JiraUnavailableError, jiraErrorFrom } from './errors';

/** `asUser().requestJira`. */
export type JiraRequester = Requester;

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

function unreachable(error: unknown): unknown {
  if (error instanceof JiraError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new JiraUnavailableError(`Could not reach Jira (${reason}). The map works without it.`, 0);
}

/** Sends the call; returns the parsed JSON body or throws a {@link JiraError}. */
export async function sendJira(deps: JiraHttpDeps, call: JiraCall): Promise<unknown> {
  return sendJson({
    requester: deps.requester,
    url: call.url,
    init: jsonInit(call.method ?? 'GET', call.body),
    sleep: deps.sleep,
    // A wait longer than 5 s is not waited out: the person hears that Jira is busy.
    retryDelay: (retryAfter, attempt) => {
      const wait = (retryAfter ?? 1) * 1000;
      return attempt < (call.maxRetries ?? 0) && wait <= MAX_WAIT_MS ? wait : null;
    },
    unreachable,
    failure: (answer) => jiraErrorFrom({ ...answer, what: call.what }),
  });
}
