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
import { RestoreError, isDomainError } from '../domain/errors';
import { inEnglish } from '../domain/i18n/english';
import type { Message } from '../domain/i18n/message';
import { msg, render } from '../domain/i18n/message';
import { zodRule } from '../domain/i18n/zod-rule';
import type { Translate } from '../domain/i18n/translate';
import type { ErrorCode, ResolverError, Result } from './contract';

/** A resolver failure raised on purpose, with a contract code and a catalogue message. */
export class ResolverFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly said: Message,
    readonly field?: string,
  ) {
    super(inEnglish(said));
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

/** The envelope's error for `said`: English text (the door translates it), key and params. */
export function refusal(args: { code: ErrorCode; said: Message; field?: string }): ResolverError {
  return {
    code: args.code,
    message: inEnglish(args.said),
    key: args.said.key,
    ...(args.said.params ? { params: args.said.params } : {}),
    ...(args.field ? { field: args.field } : {}),
  };
}

function fromZod(error: ZodError): ResolverError {
  const issue = error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  // zod's own English names the rule for the developer's log; people read it from the catalogue.
  console.info('journey-maps invalid input', field, issue?.message ?? 'malformed');
  const rule = zodRule(issue);
  return refusal({
    code: 'INVALID_INPUT',
    said: field
      ? msg('errors.server.invalidField', { field, rule })
      : msg('errors.server.invalidRequest', { rule }),
    field,
  });
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * What each Confluence adapter error answers: a fixed catalogue message (the adapter's own text
 * is not for people; first match wins; TitleTakenError is an InvalidRequestError).
 */
const CONFLUENCE_ANSWERS: [ErrorClass, ErrorCode, Message][] = [
  [confluence.ConflictError, 'CONFLICT', msg('errors.server.conflict')],
  [confluence.TooLargeError, 'TOO_LARGE', msg('errors.server.tooLarge')],
  [confluence.ForbiddenError, 'FORBIDDEN', msg('errors.server.forbidden')],
  [confluence.NotFoundError, 'NOT_FOUND', msg('errors.server.notFound')],
  [confluence.RateLimitedError, 'RATE_LIMITED', msg('errors.server.rateLimited')],
  [confluence.ServerError, 'SERVER_ERROR', msg('errors.server.confluenceDown')],
  [confluence.InvalidRequestError, 'SERVER_ERROR', msg('errors.server.confluenceRefused')],
];

/** A Confluence adapter error as the envelope answers it (null: none of the table's). */
function fromConfluence(error: unknown): ResolverError | null {
  const answer = CONFLUENCE_ANSWERS.find(([type]) => error instanceof type);
  if (!answer) return null;
  // The adapter's own English names the call that failed: kept for the developer's log.
  if (answer[1] === 'SERVER_ERROR') console.warn('journey-maps adapter error', error);
  return refusal({ code: answer[1], said: answer[2] });
}

/** Jira's own words (in the person's Jira language) next to the field Jira named. */
function fromJira(error: JiraError): ResolverError {
  const detail = { detail: error.message };
  if (error instanceof JiraRefusedError) {
    const [field] = Object.keys(error.fields);
    return refusal({ code: 'INVALID_INPUT', said: msg('errors.jira.refused', detail), field });
  }
  if (error instanceof JiraForbiddenError)
    return refusal({ code: 'FORBIDDEN', said: msg('errors.jira.forbidden', detail) });
  if (error instanceof JiraNotFoundError)
    return refusal({ code: 'NOT_FOUND', said: msg('errors.jira.notFound', detail) });
  if (error instanceof JiraRateLimitedError)
    return refusal({ code: 'RATE_LIMITED', said: msg('errors.jira.busy') });
  return refusal({ code: 'SERVER_ERROR', said: msg('errors.jira.unavailable') });
}

/** Maps anything thrown inside a resolver to a contract error (message in English, with key). */
export function toResolverError(error: unknown): ResolverError {
  if (error instanceof ResolverFailure || error instanceof UseCaseFailure) {
    return refusal({ code: error.code, said: error.said, field: error.field });
  }
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof JiraError) return fromJira(error);
  if (error instanceof CorruptMapError) {
    // The decoder's or restore's English says what broke: for the developer's log.
    console.warn('journey-maps stored map unreadable', error.detail);
    return refusal({ code: 'CORRUPT', said: error.said });
  }
  if (error instanceof MapTooLargeError) return refusal({ code: 'TOO_LARGE', said: error.said });
  const adapter = fromConfluence(error);
  if (adapter) return adapter;
  if (error instanceof RestoreError) {
    console.warn('journey-maps stored map unreadable', error.message);
    return refusal({
      code: 'CORRUPT',
      said: msg('errors.server.corruptDetail', { detail: error.said }),
    });
  }
  if (isDomainError(error)) {
    // The domain's English names the rule for the log; the person reads a catalogue sentence.
    console.info('journey-maps invalid change', error.message);
    return refusal({
      code: 'INVALID_INPUT',
      said: msg('errors.server.invalidChange'),
      field: error.path || undefined,
    });
  }
  // Unexpected: log for the developer (Forge logs), answer without internals.
  console.error('journey-maps resolver failed', error);
  return refusal({ code: 'SERVER_ERROR', said: msg('errors.server.unexpected') });
}

/** `error` with its message in `t`'s language (errors without a key are left as they are). */
export function inLanguage(error: ResolverError, t: Translate): ResolverError {
  if (!error.key) return error;
  return { ...error, message: render({ key: error.key, params: error.params }, t) };
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
