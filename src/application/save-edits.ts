/**
 * Save edits (`map/apply`): reads the map as the caller, applies the ops to it and saves
 * `version + 1`; on a conflict re-reads and re-applies (bounded, with jitter). Ops whose target
 * is gone are dropped. A batch already applied (its id is in the head's batch log, sent by the
 * same person) is not applied again: the resend is answered like the first time, with the
 * latest map. Each answer also says, when it can exactly, which ops turn the caller's map at
 * `baseVersion` into the answered one (`change`), so `map/apply` need not send the whole map.
 * The caller has checked the payload and the address (docs/ARCHITECTURE.md).
 */
import type { ConfluenceClient } from '../confluence/client';
import { contentOf } from '../confluence/content-ref';
import { ConflictError } from '../confluence/errors';
import { changedSince, fieldsOverlap } from '../confluence/map-history';
import type { MapLocation, StoredMap } from '../confluence/map-store';
import { readMap, saveMap } from '../confluence/map-store';
import { withSyncedSummary, withWriteUpRef } from '../confluence/summary-store';
import { batchEntry, findBatch, sameJson } from '../domain/codec';
import type { JourneyMap } from '../domain/model/schema';
import { applyAll, changedFields } from '../domain/operations';
import type { DroppedOp } from '../domain/operations/apply';
import type { Op } from '../domain/operations/op-types';
import type { UseCaseDeps } from './deps';
import { UseCaseFailure } from './failure';
import { assertVoteAuthority, recordVoteOwner } from './vote-authority';
import { msg } from '../domain/i18n/message';

/** What a save of edits answers (the `map/apply` result). */
export type SavedEdits = {
  map: JourneyMap;
  version: number;
  dropped: DroppedOp[];
  rebased: boolean;
  overwritten: string[];
  /**
   * The ops (as applied) and save time that turn the caller's map at `baseVersion` into `map`;
   * null when they cannot say it exactly (someone else saved in between, a resend).
   */
  change: { ops: Op[]; updatedAt: string | null } | null;
};

/** A save and, when it wrote a new version, the ops it applied (for the live event). */
export type SaveOutcome = SavedEdits & {
  committed: { ops: Op[]; updatedAt: string | null } | null;
};

/**
 * A save just committed (the head is written): what others need to follow it. `exact` says
 * whether its ops turn the map at the batch's base into the saved one (else viewers load).
 */
export type CommittedSave = {
  version: number;
  ops: Op[];
  updatedAt: string | null;
  overwritten: string[];
  exact: boolean;
};

/** Fields of this save that someone else changed after `baseVersion` (see map-history.ts). */
function overwrittenFields(args: {
  latest: StoredMap;
  baseVersion: number;
  ours: string[];
}): string[] {
  if (args.latest.version <= args.baseVersion) return [];
  const theirs = changedSince(args.latest.history, args.baseVersion, args.latest.version);
  // History too short to tell: every field we changed may have been someone else's edit.
  if (theirs === null) return [...args.ours];
  return args.ours.filter((f) => [...theirs].some((t) => t === '*' || fieldsOverlap(f, t)));
}

/** The ops of a batch that were applied (dropped ones left out). */
function keptOps(ops: Op[], dropped: DroppedOp[]): Op[] {
  if (!dropped.length) return ops;
  const gone = new Set(dropped.map((d) => d.index));
  return ops.filter((_, i) => !gone.has(i));
}

/**
 * The change from `before` (the caller's map at its base) to `after` when replaying `ops` on it
 * gives exactly `after`; null otherwise (then the whole map is answered).
 */
function exactChange(args: {
  before: JourneyMap;
  ops: Op[];
  after: JourneyMap;
}): SavedEdits['change'] {
  const { before, ops, after } = args;
  const replayed = { ...applyAll(before, ops).map, updatedAt: after.updatedAt };
  return sameJson(replayed, after) ? { ops, updatedAt: after.updatedAt } : null;
}

/** Applies a batch of ops to the stored map as the caller and saves it (see file comment). */
export async function saveEdits(args: {
  client: ConfluenceClient;
  at: MapLocation;
  ops: Op[];
  baseVersion: number;
  batchId: string;
  accountId: string | null;
  deps: UseCaseDeps;
  /**
   * Called once the save is committed, before the page summary is brought up to date (a second
   * write nobody else waits for), so others see the save as early as possible (issue 16).
   */
  onCommitted?: (save: CommittedSave) => Promise<unknown>;
}): Promise<SaveOutcome> {
  const { client, at, ops, deps } = args;
  const accountId = args.accountId ?? '';
  // Always read as the caller: the read is also the access check (decision 0014).
  let latest = await readMap(client, at);

  for (let attempt = 1; ; attempt++) {
    if (!latest.map) {
      throw new UseCaseFailure('NOT_FOUND', msg('errors.server.mapGone'));
    }
    const first = findBatch(latest.batches, { id: args.batchId, accountId });
    if (first) {
      // A resend (the first answer was lost): applied once already. A summary sync the first
      // call did not reach is done now (no call when the summary is up to date).
      const current = await withSyncedSummary({
        client,
        content: contentOf(at),
        saved: latest,
        deps,
      });
      return {
        map: withWriteUpRef(latest.map, { ...current, localId: at.localId }),
        version: latest.version,
        dropped: first.dropped,
        rebased: first.rebased,
        overwritten: first.overwritten,
        change: null,
        committed: null,
      };
    }
    assertVoteAuthority({ latest: latest.map, ops, accountId: args.accountId });
    const applied = applyAll(latest.map, ops);
    const after = recordVoteOwner({
      latest: latest.map,
      applied: applied.map,
      accountId: args.accountId,
    });
    const dropped = applied.dropped;
    const ours = changedFields(latest.map, after);
    const rebased = latest.version !== args.baseVersion;
    // The caller's map at its base, as `map/load` answered it (only known when not rebased).
    const before = withWriteUpRef(latest.map, { ...latest, localId: at.localId });
    if (ours.length === 0) {
      // Nothing to write (every op dropped or a no-op): the map as just read, as the caller.
      return {
        map: before,
        version: latest.version,
        dropped,
        rebased,
        overwritten: [],
        change: rebased ? null : { ops: [], updatedAt: before.updatedAt },
        committed: null,
      };
    }
    const next = { ...after, updatedAt: deps.now().toISOString() };
    const overwritten = overwrittenFields({ latest, baseVersion: args.baseVersion, ours });
    const version = latest.version + 1;
    try {
      const saved = await saveMap({
        client,
        at,
        previous: latest,
        map: next,
        changed: ours,
        generation: deps.newId(),
        ops,
        ...(args.accountId ? { author: args.accountId } : {}),
        batch: batchEntry({
          id: args.batchId,
          accountId,
          answer: { version, dropped, rebased, overwritten },
        }),
      });
      const kept = keptOps(ops, dropped);
      // Told first (whether the ops alone give the saved map, the store just checked), the
      // summary written meanwhile: both finish before the function answers.
      const told = args.onCommitted?.({
        version: saved.version,
        ops: kept,
        updatedAt: next.updatedAt,
        overwritten,
        exact: saved.replayable || rebased,
      });
      const early = withWriteUpRef(next, { ...saved, localId: at.localId });
      const change = rebased ? null : exactChange({ before, ops: kept, after: early });
      const current = await withSyncedSummary({
        client,
        content: contentOf(at),
        saved,
        deps,
      }).finally(() => told);
      await told;
      const answered = withWriteUpRef(next, { ...current, localId: at.localId });
      // The summary keeps the write-up records, so the ref (and the change) rarely differs.
      const same = answered.writeUp === early.writeUp;
      return {
        map: answered,
        version: saved.version,
        dropped,
        rebased,
        overwritten,
        change: same || rebased ? change : exactChange({ before, ops: kept, after: answered }),
        committed: { ops: kept, updatedAt: next.updatedAt },
      };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= deps.maxApplyAttempts) throw error;
      // Jittered backoff so two colliding writers do not collide again.
      await deps.sleep(Math.round((50 + deps.random() * 150) * attempt));
      latest = await readMap(client, at);
    }
  }
}
