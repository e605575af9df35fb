/**
 * Typed Confluence failures, built from the HTTP status and Confluence's error body. Callers
 * branch on the class; `message` is written for a person.
 */
import { AdapterError, named } from '../http/adapter-error';

/** Base of every error the Confluence adapter throws. */
export class ConfluenceError extends named(AdapterError, 'ConfluenceError') {}

/** 409, or a stale version reported as 400: someone else saved first. */
export class ConflictError extends named(ConfluenceError, 'ConflictError') {}
/** 413: the value or request is larger than Confluence accepts. */
export class TooLargeError extends named(ConfluenceError, 'TooLargeError') {}
/** 401/403: the caller may not do this. */
export class ForbiddenError extends named(ConfluenceError, 'ForbiddenError') {}
/** 404: the content does not exist or the caller cannot see it. */
export class NotFoundError extends named(ConfluenceError, 'NotFoundError') {}
/** 429 after the bounded retries. */
export class RateLimitedError extends named(ConfluenceError, 'RateLimitedError') {}
/** 5xx or a response that is not what Confluence documents. */
export class ServerError extends named(ConfluenceError, 'ServerError') {}
/** Other 4xx: the request itself was wrong (e.g. a duplicate property key, a bad title). */
export class InvalidRequestError extends named(ConfluenceError, 'InvalidRequestError') {}

/** 400 on creating or renaming a page: a page with this title already exists in the space. */
export class TitleTakenError extends named(InvalidRequestError, 'TitleTakenError') {}

/**
 * The one place Confluence's "title already exists" 400 is recognised (its text, since it has no
 * code): page creates and updates rethrow it as `TitleTakenError`.
 */
export function asTitleTaken(error: unknown): unknown {
  if (
    error instanceof InvalidRequestError &&
    !(error instanceof TitleTakenError) &&
    /title/i.test(error.detail) &&
    /exist/i.test(error.detail)
  ) {
    return new TitleTakenError(error.message, error.status, error.detail);
  }
  return error;
}

/**
 * True for `@forge/api`'s NeedsAuthenticationError (the user has not granted the app access):
 * it must reach the resolver framework unchanged, since Forge turns it into the consent prompt.
 * Matched by name, as Forge's own runtime does (`isForgePlatformError`), not by class identity.
 */
export function isNeedsAuthentication(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}

/** Pulls a readable message out of Confluence's v1/v2 error bodies. */
export function confluenceMessage(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 500) : '';
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errors)) {
    const parts = b.errors
      .map((e: unknown) => {
        if (!e || typeof e !== 'object') return '';
        const r = e as Record<string, unknown>;
        const title = typeof r.title === 'string' ? r.title : '';
        const detail = typeof r.detail === 'string' ? r.detail : '';
        return [title, detail].filter(Boolean).join(': ');
      })
      .filter(Boolean);
    if (parts.length > 0) return parts.join('; ');
  }
  if (typeof b.message === 'string') return b.message;
  if (b.data && typeof b.data === 'object') {
    const errs = (b.data as Record<string, unknown>).errors;
    if (Array.isArray(errs) && errs.length > 0) return JSON.stringify(errs).slice(0, 500);
  }
  return '';
}

const STALE_VERSION = /version/i;

/** The typed error for a non-OK response. `what` names the thing, e.g. "the journey map". */
export function errorFromResponse(args: {
  status: number;
  body: unknown;
  what: string;
  retryAfterSeconds?: number | null;
}): ConfluenceError {
  const { status, what } = args;
  const detail = confluenceMessage(args.body);
  if (status === 409) {
    return new ConflictError(`Someone else saved ${what} at the same time.`, status, detail);
  }
  // v2 is not documented to answer 409 on a stale property version; it may say 400.
  if (
    status === 400 &&
    STALE_VERSION.test(detail) &&
    /(stale|current|increment|match)/i.test(detail)
  ) {
    return new ConflictError(`Someone else saved ${what} at the same time.`, status, detail);
  }
  if (status === 413) {
    return new TooLargeError(
      `${capitalise(what)} is larger than Confluence accepts.`,
      status,
      detail,
    );
  }
  if (status === 401 || status === 403) {
    return new ForbiddenError(`You do not have permission to change ${what}.`, status, detail);
  }
  if (status === 404) {
    return new NotFoundError(
      `${capitalise(what)} was not found, or you do not have permission to see it.`,
      status,
      detail,
    );
  }
  if (status === 429) {
    return new RateLimitedError(
      'Confluence is receiving too many requests right now. Wait a moment and try again.',
      status,
      detail,
      args.retryAfterSeconds ?? null,
    );
  }
  if (status >= 500) {
    return new ServerError(
      `Confluence could not complete the request (HTTP ${status}). Try again in a moment.`,
      status,
      detail,
    );
  }
  return new InvalidRequestError(
    `Confluence rejected the request for ${what}${detail ? `: ${detail}` : ''}.`,
    status,
    detail,
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
