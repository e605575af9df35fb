/**
 * Typed failures of the pure domain. Each kind is a class with a stable string `code`, a message a
 * person can act on, and the offending field path; `toJSON` leaves the stack out so nothing
 * internal reaches a user when an error is serialised.
 */
import type { Message } from './i18n/message';
import { msg } from './i18n/message';

/** What every domain error exposes to callers (and nothing more). */
export type DomainErrorShape = { code: string; message: string; path: string };

/** Base of all domain errors. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Field path the error is about (`''` = the whole document). */
  readonly path: string;

  protected constructor(message: string, path: string) {
    super(message);
    this.name = new.target.name;
    this.path = path;
  }

  /** The user-safe shape: code, message, path; never the stack. */
  toJSON(): DomainErrorShape {
    return { code: this.code, message: this.message, path: this.path };
  }
}

/** Codes a restore failure carries: unreadable data, or data written by a newer app version. */
export type RestoreErrorCode = 'CORRUPT' | 'UNSUPPORTED_VERSION';

/** A stored map that `restore()` cannot turn into a valid map without guessing. */
export class RestoreError extends DomainError {
  readonly code: RestoreErrorCode;
  /** Why the field at `path` was refused (English, for logs). */
  readonly reason: string;
  /** Where and why, as a catalogue message for people (decision 0050). */
  readonly said: Message;

  constructor(args: { path: string; reason: string; rule: Message; code?: RestoreErrorCode }) {
    const where = args.path === '' ? 'the map' : `"${args.path}"`;
    super(`The stored journey map cannot be read: ${where} ${args.reason}.`, args.path);
    this.code = args.code ?? 'CORRUPT';
    this.reason = args.reason;
    this.said =
      args.path === ''
        ? msg('errors.restore.whole', { rule: args.rule })
        : msg('errors.rule.at', { path: args.path, rule: args.rule });
  }

  /** The user-safe shape, with the reason. */
  override toJSON(): DomainErrorShape & { reason: string } {
    return { ...super.toJSON(), reason: this.reason };
  }
}

/** An operation whose input is malformed (as opposed to one whose target is gone). */
export class OpError extends DomainError {
  readonly code = 'INVALID_INPUT' as const;
  /** The op's `type`, or `''` when even that was unreadable. */
  readonly opType: string;

  constructor(args: { opType: string; path: string; reason: string }) {
    super(`Invalid change "${args.opType}": ${args.path || 'op'} ${args.reason}.`, args.path);
    this.opType = args.opType;
  }
}

/** True for any domain error (so callers can map it to a response without a stack). */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
