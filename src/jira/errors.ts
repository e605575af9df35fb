/**
 * Typed Jira failures, built from the HTTP status and Jira's error collection
 * (`{errorMessages, errors}`). `message` is written for a person; Jira's own words are kept so
 * the UI can show them next to the control that caused them.
 */
import { AdapterError, named } from '../http/adapter-error';

/** Base of every error the Jira adapter throws. */
export class JiraError extends named(AdapterError, 'JiraError') {}

/** The site has no Jira, or Jira did not answer: the map goes on without it. */
export class JiraUnavailableError extends named(JiraError, 'JiraUnavailableError') {}
/** 401/403: the person may not do this in Jira. */
export class JiraForbiddenError extends named(JiraError, 'JiraForbiddenError') {}
/** 404: the project or work item does not exist or the person cannot see it. */
export class JiraNotFoundError extends named(JiraError, 'JiraNotFoundError') {}
/** 429: Jira asked us to slow down. */
export class JiraRateLimitedError extends named(JiraError, 'JiraRateLimitedError') {}
/** 400: Jira refused the request; `fields` holds its message per field (project, summary, …). */
export class JiraRefusedError extends named(JiraError, 'JiraRefusedError') {
  constructor(
    message: string,
    status: number,
    readonly fields: Record<string, string>,
    readonly messages: string[],
  ) {
    super(message, status);
  }
}

type JiraErrorBody = { errorMessages?: unknown; errors?: unknown; message?: unknown };

function textsOf(body: unknown): { messages: string[]; fields: Record<string, string> } {
  const b = (body && typeof body === 'object' ? body : {}) as JiraErrorBody;
  const messages = Array.isArray(b.errorMessages)
    ? b.errorMessages.filter((m): m is string => typeof m === 'string')
    : typeof b.message === 'string'
      ? [b.message]
      : [];
  const fields: Record<string, string> = {};
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [k, v] of Object.entries(b.errors)) if (typeof v === 'string') fields[k] = v;
  }
  return { messages, fields };
}

/** The typed error for a failed Jira response. */
export function jiraErrorFrom(args: {
  status: number;
  body: unknown;
  what: string;
  retryAfterSeconds: number | null;
}): JiraError {
  const { status, what } = args;
  const { messages, fields } = textsOf(args.body);
  const said = [...messages, ...Object.values(fields)].join(' ');
  if (status === 429) {
    const wait =
      args.retryAfterSeconds === null
        ? ''
        : ` Try again in ${Math.ceil(args.retryAfterSeconds)} s.`;
    return new JiraRateLimitedError(
      `Jira is busy right now.${wait}`,
      status,
      '',
      args.retryAfterSeconds,
    );
  }
  if (status === 401 || status === 403) {
    return new JiraForbiddenError(
      said || `You do not have permission for ${what} in Jira.`,
      status,
    );
  }
  if (status === 404)
    return new JiraNotFoundError(said || `${what} was not found in Jira.`, status);
  if (status >= 400 && status < 500) {
    return new JiraRefusedError(said || `Jira refused ${what}.`, status, fields, messages);
  }
  return new JiraUnavailableError(
    `Jira could not answer (${status}). The map works without it.`,
    status,
  );
}

/** Jira answered, but not in the documented shape. */
export class JiraServerShapeError extends named(JiraError, 'JiraServerShapeError') {}
