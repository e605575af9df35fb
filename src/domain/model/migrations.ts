/**
 * Schema migrations, run by `restore()` on raw stored JSON before validation.
 *
 * Schema v1 is the prototype's shape. It differs from v2 (schema.ts) in exactly three ways:
 *  1. lanes had no `zone`: v2 derives it from the lane `type` (LANE_TYPE_INFO; unknown types
 *     become on-stage and are then repaired like any other bad lane);
 *  2. sentiment was one map-level record, `sentiment: { [stepId]: number }`, instead of
 *     `steps[].sentiment`: v2 moves each value onto its step (missing → null) and drops the record;
 *  3. the session had no `agenda` and no `analysis`: v2 adds the empty ones of `createSession()`.
 * Everything else (and every limit) is as in v2. Migrations only move data; the repairs that
 * follow (clamping a sentiment of 5, say) are reported by `restore()` as usual.
 */
import { createSession, LANE_TYPE_INFO } from './factories';
import { isRecord, own } from './restore-values';
import { SCHEMA_VERSION } from './schema';

/** A raw stored document (already known to be an object). */
export type RawDoc = Record<string, unknown>;

/** v1 → v2: lane zones, sentiment onto steps, session agenda and analysis. */
export function migrateV1ToV2(doc: RawDoc): RawDoc {
  const { sentiment: rawSentiment, ...rest } = doc;
  const sentiment = isRecord(rawSentiment) ? rawSentiment : {};
  const lanes = Array.isArray(rest.lanes)
    ? rest.lanes.map((lane: unknown) => {
        if (!isRecord(lane) || own(lane, 'zone') !== undefined) return lane;
        const type = own(lane, 'type');
        const info =
          typeof type === 'string' && Object.prototype.hasOwnProperty.call(LANE_TYPE_INFO, type)
            ? LANE_TYPE_INFO[type as keyof typeof LANE_TYPE_INFO]
            : undefined;
        return { ...lane, zone: info?.zone ?? 'onstage' };
      })
    : rest.lanes;
  const steps = Array.isArray(rest.steps)
    ? rest.steps.map((step: unknown) => {
        if (!isRecord(step) || own(step, 'sentiment') !== undefined) return step;
        const id = own(step, 'id');
        const value = typeof id === 'string' ? own(sentiment, id) : undefined;
        return { ...step, sentiment: value ?? null };
      })
    : rest.steps;
  const defaults = createSession();
  const session = isRecord(rest.session)
    ? {
        ...rest.session,
        agenda: own(rest.session, 'agenda') ?? defaults.agenda,
        analysis: own(rest.session, 'analysis') ?? defaults.analysis,
      }
    : rest.session;
  return { ...rest, schemaVersion: 2, lanes, steps, session };
}

/** Migration from version `n` to `n + 1`, by `n`. */
export const MIGRATIONS: Readonly<Record<number, (doc: RawDoc) => RawDoc>> = {
  1: migrateV1ToV2,
};

/** Runs every migration from `fromVersion` up to the current schema version. */
export function migrate(doc: RawDoc, fromVersion: number): RawDoc {
  let current = doc;
  for (let v = fromVersion; v < SCHEMA_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (step === undefined) throw new Error(`no migration from schema ${v}`);
    current = step(current);
  }
  return current;
}
