/** Errors in Jira's own JSON shape: `{errorMessages: [...], errors: {field: message}}`. */

/** Thrown by Jira routes; answered as Jira's error collection. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The response Jira sends for an error (`message` empty = field errors only). */
export function jiraErrorResponse(args: {
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
  headers?: Record<string, string>;
}): Response {
  const h = new Headers(args.headers ?? {});
  h.set('content-type', 'application/json;charset=UTF-8');
  const body = {
    errorMessages: args.message ? [args.message] : [],
    errors: args.fieldErrors ?? {},
  };
  return new Response(JSON.stringify(body), { status: args.status, headers: h });
}
