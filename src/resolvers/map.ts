/**
 * The map resolvers: load, create, apply (operations, with rebase on conflict) and version.
 * Thin: validate the payload, resolve the address, call the map store or a use case
 * (src/application), shape the result.
 * Every answer that carries map content was read as the caller in the same invocation: nothing
 * is kept across invocations (docs/decisions/0014-no-cross-invocation-cache.md).
 */
import { replaceMap } from '../application/replace-map';
import type { SavedEdits } from '../application/save-edits';
import { saveEdits } from '../application/save-edits';
import { UseCaseFailure } from '../application/failure';
import { readMap, readMapFromProperties } from '../confluence/map-store';
import { withWriteUpRef } from '../confluence/summary-store';
import { contentOf } from '../confluence/content-ref';
import { MAP_JSON_MAX_BYTES, jsonByteLength, mapPropertyKey, packMap } from '../domain/codec';
import type { Op } from '../domain/operations/op-types';
import { createFromTemplate } from '../domain/templates';
import type { Result, ResultOf } from './contract';
import type { ResolverContext } from './context';
import { clientFor, draftAware, mapLocationFor } from './context';
import { applyPayloadSchema, createPayloadSchema, mapAddressSchema } from './payload-schemas';
import { assertOwnDots } from './own-dots';
import { checkRestoredPhotos } from './photo-verify';
import { ResolverFailure, guard } from './result';
import { mapEventPublisher } from '../realtime/publish-map-event';
import { door, mapDoor } from './door';
import { translatorFor } from './i18n';
import { msg, render } from '../domain/i18n/message';
import type { Message } from '../domain/i18n/message';

const READ_ONLY_REASON = msg('errors.server.readOnly');

const ALREADY_THERE = msg('errors.server.mapExists');
const CREATED_MEANWHILE = msg('errors.server.mapCreatedMeanwhile');

/** Largest packed map `map/load` answers (a Forge answer is at most 5 MB). */
const PACKED_MAX_CHARS = 4_500_000;

function tooLargeReason(cards: number, bytes: number): Message {
  return msg('errors.server.tooLargeReadOnly', {
    cards: cards.toLocaleString('en-US'),
    size: (bytes / 1_000_000).toFixed(1),
    limit: (MAP_JSON_MAX_BYTES / 1_000_000).toFixed(1),
  });
}

/**
 * `map/load`: one REST call; never writes. A macro may also load the map its own map links to
 * (the comparison view), which costs one read of its own map and one lookup of the other.
 */
export const loadMapResolver = door('map/load', mapAddressSchema, async (rc, address) => {
  const client = clientFor(rc);
  const at = await mapLocationFor({ rc, client, address, linkedRead: true });
  const state = await draftAware(rc, client.getPageState(contentOf(at)));
  const stored = readMapFromProperties(state.properties, at.localId);
  const map = stored.map && withWriteUpRef(stored.map, { ...stored, localId: at.localId });
  const bytes = map ? jsonByteLength(map) : 0;
  if (map && bytes > MAP_JSON_MAX_BYTES) {
    // Too big to answer as JSON (an older version or a REST client wrote it): packed, read-only.
    const packed = packMap(map);
    if (packed.length > PACKED_MAX_CHARS) {
      throw new ResolverFailure(
        'TOO_LARGE',
        msg('errors.server.tooLargeToLoad', { reason: tooLargeReason(map.cards.length, bytes) }),
      );
    }
    return {
      map: null,
      packed,
      version: stored.version,
      capabilities: {
        canEdit: false,
        reason: render(tooLargeReason(map.cards.length, bytes), await translatorFor(rc.locale)),
      },
      repairs: stored.repairs,
    };
  }
  return {
    map,
    version: stored.version,
    capabilities: state.canEdit
      ? { canEdit: true }
      : { canEdit: false, reason: render(READ_ONLY_REASON, await translatorFor(rc.locale)) },
    repairs: stored.repairs,
  };
});

/** `map/version`: the head property's version only (one GET filtered by key). */
export const mapVersionResolver = door('map/version', mapAddressSchema, async (rc, address) => {
  const client = clientFor(rc);
  const at = await mapLocationFor({ rc, client, address, linkedRead: true });
  const head = await client.getPropertyByKey(contentOf(at), mapPropertyKey(at.localId));
  return { version: head?.version ?? 0 };
});

/** `map/create`: writes a new map from a template; refuses when one exists. */
export const createMapResolver = mapDoor(
  'map/create',
  createPayloadSchema,
  async ({ rc, input, client, at }) => {
    const previous = await draftAware(rc, readMap(client, at));
    if (previous.head) throw new ResolverFailure('ALREADY_EXISTS', ALREADY_THERE);
    const map = createFromTemplate({
      template: input.template,
      ...(input.title !== undefined ? { title: input.title } : {}),
      newId: rc.deps.newId,
      today: rc.deps.now().toISOString().slice(0, 10),
    });
    const onConflict = new UseCaseFailure('ALREADY_EXISTS', CREATED_MEANWHILE);
    const saved = await replaceMap({ client, at, previous, map, deps: rc.deps, onConflict });
    return { map, version: saved.version };
  },
);

/**
 * `map/apply`: checks the payload and the address, then the use case `saveEdits` applies the ops
 * to the map read as the caller and saves them (src/application/save-edits.ts).
 */
export async function applyMapResolver(
  rc: ResolverContext,
  payload: unknown,
): Promise<ResultOf<'map/apply'>> {
  const res = await applyMap(rc, payload, { server: false });
  if (!res.ok) return res;
  // Small answer: the change since the caller's base; the whole map only when none says it.
  const { map, change, ...rest } = res.data;
  return { ok: true, data: change ? { ...rest, change, map: null } : { ...rest, change, map } };
}

/**
 * `map/apply` for ops only the server may make after checking them itself (a verified photo from
 * `photos/register`); never reachable from a client payload.
 */
export async function applyServerOps(
  rc: ResolverContext,
  payload: unknown,
): Promise<Result<SavedEdits>> {
  return applyMap(rc, payload, { server: true });
}

async function applyMap(
  rc: ResolverContext,
  payload: unknown,
  opts: { server: boolean },
): Promise<Result<SavedEdits>> {
  return guard(async () => {
    const input = applyPayloadSchema.parse(payload);
    const sent: Op[] = input.ops;
    const unverified = opts.server ? -1 : sent.findIndex((op) => op?.type === 'session/addPhoto');
    if (unverified >= 0) {
      // A photo joins the map only after the server checked its bytes (photos/register).
      throw new ResolverFailure(
        'INVALID_INPUT',
        msg('errors.server.photosByUpload'),
        `ops.${unverified}`,
      );
    }
    const forged = sent.findIndex((op) => op?.type === 'map/setWriteUp');
    if (forged >= 0) {
      // Only `writeup/generate` records the write-up page; a client could otherwise point the
      // map at any page and have the next generate overwrite it.
      throw new ResolverFailure(
        'INVALID_INPUT',
        msg('errors.server.writeUpLinkByGenerate'),
        `ops.${forged}`,
      );
    }
    assertOwnDots(sent, rc.accountId);
    const client = clientFor(rc);
    const at = await mapLocationFor({ rc, client, address: input });
    const publishSave = mapEventPublisher(at.localId);
    // An undo of a photo removal names an attachment: its bytes are checked again, as the user,
    // like a new photo (photos/register), so a forged restore cannot list an unchecked file.
    const ops = opts.server
      ? sent
      : await checkRestoredPhotos({ client, pageId: at.pageId, ops: sent });
    const { committed: _committed, ...answer } = await saveEdits({
      client,
      at,
      ops,
      baseVersion: input.baseVersion,
      batchId: input.batchId,
      accountId: rc.accountId,
      deps: rc.deps,
      // Everyone else with this macro open sees the save as soon as it is committed (best
      // effort: never fails it).
      onCommitted: (save) =>
        publishSave({
          version: save.version,
          batchId: input.batchId,
          author: rc.accountId ?? '',
          // No exact change on a plain save: the server added what the ops do not say (such as
          // who runs a vote), so viewers load the map rather than apply ops that would miss it.
          ops: save.exact ? save.ops : null,
          overwritten: save.overwritten,
          updatedAt: save.updatedAt,
        }),
    });
    return answer;
  });
}
