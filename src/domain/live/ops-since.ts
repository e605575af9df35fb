/**
 * The saves after a given version, read from a map's head (issue 16, decisions 0040 and 0045).
 * A chunked head logs every batch saved since its base generation, oldest first; each save of
 * the head is one property version and either appends exactly one batch or writes a new base
 * with an empty log. So the log's batches are the versions `headVersion - log.length + 1 ..
 * headVersion`. An inline head keeps a tail of its latest saves with their versions. A client at
 * any of those versions (or just before the oldest) catches up from them; before that (the
 * horizon) only a full load can. Each save says who made it and, when the head's batch log still
 * remembers its answer, which fields it overwrote, so a conflict found on catch-up is told like
 * one that arrived live.
 */
import { readBatchLog } from '../codec/batch-log';
import { parseHead } from '../codec/map-codec';
import { readSaveTail } from '../codec/save-tail';

/**
 * One save as logged: the version it made, its ops (untrusted JSON), the map's `updatedAt`, who
 * saved (account id; null when not logged) and the fields it overwrote (null when not known).
 */
export type LoggedSave = {
  version: number;
  ops: unknown[];
  updatedAt: string | null;
  author: string | null;
  overwritten: string[] | null;
};

type Logged = { version: number; ops: unknown[]; updatedAt: string | null; by?: string };

/** The head's logged saves with their versions, oldest first; null when it logs none. */
function loggedSaves(headValue: unknown, headVersion: number): Logged[] | null {
  const head = parseHead(headValue);
  if (!head) return null;
  if (head.encoding === 'deflate-chunks') {
    const log = head.log ?? [];
    const base = headVersion - log.length;
    if (base < 0) return null;
    return log.map((b, i) => ({ ...b, version: base + 1 + i }));
  }
  const tail = readSaveTail(headValue);
  if (tail.at(-1)?.v !== headVersion) return null;
  return tail.map((s) => ({
    version: s.v,
    ops: s.ops,
    updatedAt: s.at,
    ...(s.by ? { by: s.by } : {}),
  }));
}

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
  const logged = loggedSaves(args.headValue, headVersion);
  const first = logged?.[0];
  if (!logged || !first || since < first.version - 1) return null;
  const answers = readBatchLog(args.headValue);
  return logged
    .filter((s) => s.version > since)
    .map((s) => {
      const answer = answers.find((a) => a.v === s.version);
      return {
        version: s.version,
        ops: s.ops,
        updatedAt: s.updatedAt,
        author: s.by ?? null,
        overwritten: answer ? (answer.o ?? []) : null,
      };
    });
}
