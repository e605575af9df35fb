/** Why Jira cannot help right now, in words for the person (the map goes on without it). */
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
} from '../jira/errors';
import type { Message } from '../domain/i18n/message';
import { msg } from '../domain/i18n/message';

/** The explanation for a Jira failure that is not the person's input; rethrows anything else. */
export function explainJiraTrouble(error: unknown): {
  reason: Message;
  retryAfterSeconds?: number;
} {
  if (error instanceof JiraRateLimitedError) {
    const seconds = error.retryAfterSeconds;
    return {
      reason:
        seconds === null
          ? msg('errors.jira.busy')
          : msg('errors.jira.busyRetry', { seconds: Math.ceil(seconds) }),
      ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (error instanceof JiraNotFoundError) {
    return { reason: msg('errors.jira.noJira') };
  }
  if (error instanceof JiraForbiddenError) {
    return { reason: msg('errors.jira.noAccess') };
  }
  if (error instanceof JiraError) return { reason: msg('errors.jira.unavailable') };
  throw error;
}
