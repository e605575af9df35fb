/**
 * The `Result` envelope and the one place errors become messages for people: typed adapter and
 * domain errors map to contract codes; anything unexpected becomes SERVER_ERROR without a trace.
 */
import { ZodError } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TooLargeError,
  isNeedsAuthentication,
} from '../confluence/errors';
import { CorruptMapError, MapTooLargeError } from '../confluence/map-store';
import { UseCaseFailure } from '../application/failure';
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraRefusedError,
} from '../jira/errors';
import { isDomainError } from '../domain/errors';
import type { ErrorCode, ResolverError, Result } from './contract';

/** A resolver failure raised on purpose, with a contract code. */
export class ResolverFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Success. */
export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

/** Failure. */
export function fail<T>(error: ResolverError): Result<T> {
  return { ok: false, error };
}

function fromZod(error: ZodError): ResolverError {
  const issue = error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  const what = field || 'the request';
  return {
    code: 'INVALID_INPUT',
    message: `Invalid ${what}: ${issue?.message ?? 'malformed'}. Nothing was saved.`,
    ...(field ? { field } : {}),
  };
}

/** Jira's own words, next to the field Jira named (nothing was created). */
function fromJira(error: JiraError): ResolverError {
  if (error instanceof JiraRefusedError) {
    const [field] = Object.keys(error.fields);
    return {
      code: 'INVALID_INPUT',
      message: `Jira refused the work item: ${error.message} Nothing was created.`,
      ...(field ? { field } : {}),
    };
  }
  if (error instanceof JiraForbiddenError) return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof JiraNotFoundError) return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof JiraRateLimitedError)
    return { code: 'RATE_LIMITED', message: error.message };
  return { code: 'SERVER_ERROR', message: error.message };
}

/** Maps anything thrown inside a resolver to a contract error. */
export function toResolverError(error: unknown): ResolverError {
  if (error instanceof ResolverFailure) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    };
  }
  if (error instanceof UseCaseFailure) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    };
  }
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof JiraError) return fromJira(error);
  if (error instanceof CorruptMapError) return { code: 'CORRUPT', message: error.message };
  if (error instanceof MapTooLargeError) return { code: 'TOO_LARGE', message: error.message };
  if (error instanceof ConflictError) {
    return {
      code: 'CONFLICT',
      message:
        'Several people saved this map at once and your change could not be merged. Reload the map and try again.',
    };
  }
  if (error instanceof TooLargeError) {
    return {
      code: 'TOO_LARGE',
      message:
        'The journey map is too large to save. Remove some cards or split the journey into two maps.',
    };
  }
  if (error instanceof ForbiddenError) {
    return {
      code: 'FORBIDDEN',
      message:
        'You do not have permission to edit this page, so the map cannot be changed. Ask a space admin or the page owner for edit access.',
    };
  }
  if (error instanceof NotFoundError) {
    return {
      code: 'NOT_FOUND',
      message: 'The page was not found, or you do not have permission to see it.',
    };
  }
  if (error instanceof RateLimitedError) return { code: 'RATE_LIMITED', message: error.message };
  if (error instanceof ServerError) return { code: 'SERVER_ERROR', message: error.message };
  if (error instanceof InvalidRequestError) {
    return {
      code: 'SERVER_ERROR',
      message: `${error.message} Try again; if it keeps failing, report it.`,
    };
  }
  if (isDomainError(error)) {
    const shape = error.toJSON();
    if (shape.code === 'INVALID_INPUT') {
      return {
        code: 'INVALID_INPUT',
        message: `${shape.message} Nothing was saved.`,
        ...(shape.path ? { field: shape.path } : {}),
      };
    }
    return { code: 'CORRUPT', message: shape.message };
  }
  // Unexpected: log for the developer (Forge logs), answer without internals.
  console.error('journey-maps resolver failed', error);
  return {
    code: 'SERVER_ERROR',
    message: 'Something went wrong while handling your request. Try again in a moment.',
  };
}

/**
 * Runs a resolver body and wraps its outcome in the envelope. NeedsAuthenticationError is thrown
 * on, unchanged: Forge answers it with the consent prompt instead of a result.
 */
export async function guard<T>(body: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await body());
  } catch (error) {
    if (isNeedsAuthentication(error)) throw error;
    return fail(toResolverError(error));
  }
}
