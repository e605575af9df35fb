/**
 * The map resolvers: load, create, apply (operations, with rebase on conflict) and version.
 * Thin: validate the payload, call the Confluence map store and the pure domain, shape the result.
 */
import { ConflictError, NotFoundError } from '../confluence/errors';
import { changedSince, fieldsOverlap } from '../confluence/map-history';
import type { StoredMap } from '../confluence/map-store';
import { readMap, readMapFromProperties, saveMap } from '../confluence/map-store';
import { withSyncedSummary, withWriteUpRef } from '../confluence/summary-store';
import { contentOf } from '../confluence/content-ref';
import { mapPropertyKey } from '../domain/codec';
import type { Op } from '../domain/operations/op-types';
import type { DroppedOp, ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, draftAware, mapLocationFor } from './context';
import { applyOps, diffFields, mapFromTemplate } from './domain-ports';
import { cacheKey, dropCached, getCached, putCached } from './map-cache';
import { applyPayloadSchema, createPayloadSchema, mapAddressSchema } from './payload-schemas';
import { assertOwnDots } from './own-dots';
import { ResolverFailure, guard } from './result';

const READ_ONLY_REASON =
  'You can view this page but not edit it, so the journey map is read-only. Ask the page owner or a space admin for edit access.';

function keyOf(rc: ResolverContext, at: { pageId: string; localId: string }): string {
  return cacheKey({ installContext: rc.installContext, ...at });
}

/**
 * `map/load`: one REST call; never writes. A macro may also load the map its own map links to
 * (the comparison view), which costs one read of its own map and one lookup of the other.
 */
export async function loadMapResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/load'>> {
  return guard(async () => {
    const address = mapAddressSchema.parse(payload);
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address, linkedRead: true });
    const state = await draftAware(rc, client.getPageState(contentOf(at)));
    const stored = readMapFromProperties(state.properties, at.localId);
    putCached(keyOf(rc, at), stored);
    return {
      map: stored.map && withWriteUpRef(stored.map, { ...stored, localId: at.localId }),
      version: stored.version,
      capabilities: state.canEdit
        ? { canEdit: true }
        : { canEdit: false, reason: READ_ONLY_REASON },
      repairs: stored.repairs,
    };
  });
}

/** `map/version`: the head property's version only (one GET filtered by key). */
export async function mapVersionResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/version'>> {
  return guard(async () => {
    const address = mapAddressSchema.parse(payload);
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address, linkedRead: true });
    const head = await client.getPropertyByKey(contentOf(at), mapPropertyKey(at.localId));
    return { version: head?.version ?? 0 };
  });
}

/** `map/create`: writes a new map from a template; refuses when one exists. */
export async function createMapResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/create'>> {
  return guard(async () => {
    const input = createPayloadSchema.parse(payload);
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address: input });
    const previous = await draftAware(rc, readMap(client, at));
    if (previous.head) {
      throw new ResolverFailure(
        'ALREADY_EXISTS',
        'This macro already has a journey map. Reload the page to see it.',
      );
    }
    const map = mapFromTemplate({
      template: input.template,
      title: input.title,
      now: rc.deps.now(),
      newId: rc.deps.newId,
    });
    let saved: StoredMap;
    try {
      saved = await saveMap({
        client,
        at,
        previous,
        map,
        changed: ['*'],
        generation: rc.deps.newId(),
      });
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new ResolverFailure(
          'ALREADY_EXISTS',
          'Someone else created a journey map here at the same moment. Reload the page to see it.',
        );
      }
      throw error;
    }
    putCached(
      keyOf(rc, at),
      await withSyncedSummary({ client, content: contentOf(at), saved, deps: rc.deps }),
    );
    return { map, version: saved.version };
  });
}

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

/**
 * `map/apply`: applies the ops to the latest stored map and saves `version + 1`; on a conflict
 * re-reads and re-applies (bounded, with jitter). Ops whose target is gone are dropped.
 */
export async function applyMapResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/apply'>> {
  return guard(async () => {
    const input = applyPayloadSchema.parse(payload);
    const ops = input.ops as unknown as Op[];
    const forged = ops.findIndex((op) => op?.type === 'map/setWriteUp');
    if (forged >= 0) {
      // Only `writeup/generate` records the write-up page; a client could otherwise point the
      // map at any page and have the next generate overwrite it.
      throw new ResolverFailure(
        'INVALID_INPUT',
        'The write-up link is set by "Generate write-up", not by editing the map.',
        `ops.${forged}`,
      );
    }
    assertOwnDots(ops, rc.accountId);
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address: input });
    const key = keyOf(rc, at);

    const cached = getCached(key);
    // A cache older than what the client saw would only cost a conflict: read instead.
    let latest = cached && cached.version >= input.baseVersion ? cached : await readMap(client, at);
    let fromCache = latest === cached;

    for (let attempt = 1; ; attempt++) {
      if (!latest.map) {
        throw new ResolverFailure(
          'NOT_FOUND',
          'This journey map does not exist (any more). Reload the page; you can start a new map from a template.',
        );
      }
      const applied = applyOps(latest.map, ops);
      const dropped: DroppedOp[] = applied.dropped;
      const ours = diffFields(latest.map, applied.map);
      const rebased = latest.version !== input.baseVersion;
      if (ours.length === 0) {
        // Nothing to write (every op dropped or a no-op): answer the latest map, no REST call.
        return {
          map: withWriteUpRef(latest.map, { ...latest, localId: at.localId }),
          version: latest.version,
          dropped,
          rebased,
          overwritten: [],
        };
      }
      const next = { ...applied.map, updatedAt: rc.deps.now().toISOString() };
      try {
        const saved = await saveMap({
          client,
          at,
          previous: latest,
          map: next,
          changed: ours,
          generation: rc.deps.newId(),
          ops,
        });
        const current = await withSyncedSummary({
          client,
          content: contentOf(at),
          saved,
          deps: rc.deps,
        });
        putCached(key, current);
        return {
          map: withWriteUpRef(next, { ...current, localId: at.localId }),
          version: saved.version,
          dropped,
          rebased,
          overwritten: overwrittenFields({ latest, baseVersion: input.baseVersion, ours }),
        };
      } catch (error) {
        const retryable =
          error instanceof ConflictError || (fromCache && error instanceof NotFoundError);
        dropCached(key);
        if (!retryable || attempt >= rc.deps.maxApplyAttempts) throw error;
        // Jittered backoff so two colliding writers do not collide again.
        await rc.deps.sleep(Math.round((50 + rc.deps.random() * 150) * attempt));
        latest = await readMap(client, at);
        fromCache = false;
      }
    }
  });
}
