/**
 * A use case's refusal, raised on purpose with a contract code and a message a person can act
 * on: a catalogue key with its values (decision 0047), translated at the resolver door; the
 * `Error.message` is its English text, for logs. `src/resolvers/result.ts` turns it into the error envelope; the application layer never
 * imports the resolvers, so the codes it may use are listed here.
 */
import { inEnglish } from '../domain/i18n/english';
import type { Message } from '../domain/i18n/message';

/** The contract codes a use case refuses with (a subset of the contract's `ErrorCode`). */
export type FailureCode =
  'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'TOO_LARGE' | 'ALREADY_EXISTS';

/** A use case's typed refusal; nothing was written when it is thrown. */
export class UseCaseFailure extends Error {
  override readonly name = 'UseCaseFailure';
  constructor(
    readonly code: FailureCode,
    readonly said: Message,
    readonly field?: string,
  ) {
    super(inEnglish(said));
  }
}
