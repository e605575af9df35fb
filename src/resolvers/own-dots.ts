/**
 * Dot voting's server-side rule: a person places and takes back only their own dots. The voter
 * named in a `session/castDot` op must be the account the resolver runs for (from Forge's
 * context, not from the payload), so no client can vote on someone else's behalf.
 */
import type { Op } from '../domain/operations/op-types';
import { ResolverFailure } from './result';
import { msg } from '../domain/i18n/message';

/** Throws FORBIDDEN when any dot-voting op names a voter other than `accountId`. */
export function assertOwnDots(ops: readonly Op[], accountId: string | null): void {
  const at = ops.findIndex((op) => op?.type === 'session/castDot' && op.voter !== accountId);
  if (at < 0) return;
  throw new ResolverFailure('FORBIDDEN', msg('errors.server.ownDotsOnly'), `ops.${at}.voter`);
}
