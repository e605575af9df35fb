/**
 * The `Result` envelope and the one place errors become messages for people: typed adapter and
 * domain errors map to contract codes; anything unexpected becomes SERVER_ERROR without a trace.
 */
import { ZodError } from 'zod';
// Namespaced: the Confluence adapter's error classes read as `confluence.X` beside Jira's.
import * as confluence from '../confluence/errors';
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

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * What each Confluence adapter error answers: a fixed message where the adapter's own text is
 * not for people, else its message (first match wins; TitleTakenError is an InvalidRequestError).
 */
const CONFLUENCE_ANSWERS: [ErrorClass, ErrorCode, (error: Error) => string][] = [
  [
    confluence.ConflictError,
    'CONFLICT',
    () =>
      'Several people saved this map at once and your change could not be merged. Reload the map and try again.',
  ],
  [
    confluence.TooLargeError,
    'TOO_LARGE',
    () =>
      'The journey map is too large to save. Remove some cards or split the journey into two maps.',
  ],
  [
    confluence.ForbiddenError,
    'FORBIDDEN',
    () =>
      'You do not have permission to edit this page, so the map cannot be changed. Ask a space admin or the page owner for edit access.',
  ],
  [
    confluence.NotFoundError,
    'NOT_FOUND',
    () => 'The page was not found, or you do not have permission to see it.',
  ],
  [confluence.RateLimitedError, 'RATE_LIMITED', (error) => error.message],
  [confluence.ServerError, 'SERVER_ERROR', (error) => error.message],
  [
    confluence.InvalidRequestError,
    'SERVER_ERROR',
    (error) => `${error.message} Try again; if it keeps failing, report it.`,
  ],
];

/** A Confluence adapter error as the envelope answers it (null: none of the table's). */
function fromConfluence(error: unknown): ResolverError | null {
  const answer = CONFLUENCE_ANSWERS.find(([type]) => error instanceof type);
  return answer && error instanceof Error ? { code: answer[1], message: answer[2](error) } : null;
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
  const adapter = fromConfluence(error);
  if (adapter) return adapter;
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
    if (confluence.isNeedsAuthentication(error)) throw error;
    return fail(toResolverError(error));
  }
}
