/** Why Jira cannot help right now, in words for the person (the map goes on without it). */
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
} from '../jira/errors';

/** The explanation for a Jira failure that is not the person's input; rethrows anything else. */
export function explainJiraTrouble(error: unknown): { reason: string; retryAfterSeconds?: number } {
  if (error instanceof JiraRateLimitedError) {
    return {
      reason: error.message,
      ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (error instanceof JiraNotFoundError) {
    return { reason: 'This site has no Jira, so work items cannot be linked here.' };
  }
  if (error instanceof JiraForbiddenError) {
    return { reason: 'You do not have access to Jira on this site. Ask a site admin for access.' };
  }
  if (error instanceof JiraError) return { reason: error.message };
  throw error;
}
