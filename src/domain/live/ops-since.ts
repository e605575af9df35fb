/**
 * The saves after a given version, read from a chunked map's head (issue 16, decision 0040).
 * A chunked head logs every batch saved since its base generation, oldest first; each save of
 * the head is one property version and either appends exactly one batch or writes a new base
 * with an empty log. So the log's batches are the versions `headVersion - log.length + 1 ..
 * headVersion`, and a client at any of those versions (or at the base) can catch up from them.
 * Before the base (the horizon), or for an inline head (no log), only a full load can.
 */
import { parseHead } from '../codec/map-codec';

/** One save as logged: the version it made, its ops (untrusted JSON) and the map's `updatedAt`. */
export type LoggedSave = { version: number; ops: unknown[]; updatedAt: string | null };

/**
 * The saves after `since` up to `headVersion`, oldest first ([] when `since` is the head's
 * version); null when the log does not reach back to `since` (then the client loads the map).
 */
export function opsSince(args: {
  headValue: unknown;
  headVersion: number;
  since: number;
}): LoggedSave[] | null {
  const { headVersion, since } = args;
  if (since === headVersion) return [];
  if (since > headVersion || since < 0) return null;
  const head = parseHead(args.headValue);
  if (!head || head.encoding !== 'deflate-chunks') return null;
  const log = head.log ?? [];
  const base = headVersion - log.length;
  if (base < 0 || since < base) return null;
  return log.slice(since - base).map((batch, i) => ({
    version: since + 1 + i,
    ops: batch.ops,
    updatedAt: batch.updatedAt,
  }));
}
