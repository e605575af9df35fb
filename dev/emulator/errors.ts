/** Errors in Confluence's own JSON shapes: v2 `{errors:[...]}`, v1 `{statusCode, data, message}`. */

/** Thrown by routes; turned into the right error body for the API version of the path. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
};

/** Builds the error response a Confluence endpoint at `path` would send. */
export function errorResponse(
  path: string,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json;charset=UTF-8');
  if (path.startsWith('/wiki/api/v2/')) {
    const body = {
      errors: [{ status, code: CODES[status] ?? 'ERROR', title: message, detail: null }],
    };
    return new Response(JSON.stringify(body), { status, headers: h });
  }
  const body = {
    statusCode: status,
    data: {
      authorized: status !== 401 && status !== 403,
      valid: status !== 400,
      allowedInReadOnlyMode: true,
      errors: [],
      successful: false,
    },
    message,
  };
  return new Response(JSON.stringify(body), { status, headers: h });
}
