/**
 * `map/opsSince`: the saves after a version, read as the user from the op log in the map's head
 * (one GET of the head property, like `map/version`), so a client that missed a Realtime event
 * catches up without loading the whole map (decision 0040). Past the log's horizon it answers
 * `saves: null` and the client loads.
 */
import { contentOf } from '../confluence/content-ref';
import { mapPropertyKey } from '../domain/codec';
import { opsSince } from '../domain/live/ops-since';
import type { Op } from '../domain/operations/op-types';
import { mapDoor } from './door';
import { opsSincePayloadSchema } from './payload-schemas';

/** `map/opsSince` (see the file comment). */
export const mapOpsSinceResolver = mapDoor(
  'map/opsSince',
  opsSincePayloadSchema,
  async ({ input, client, at }) => {
    const head = await client.getPropertyByKey(contentOf(at), mapPropertyKey(at.localId));
    const version = head?.version ?? 0;
    const saves = head
      ? opsSince({ headValue: head.value, headVersion: version, since: input.sinceVersion })
      : input.sinceVersion === 0
        ? []
        : null;
    // The logged ops are the ones this app's server applied; the client's apply drops any
    // malformed one (as for Realtime events), so they are passed on as ops.
    return {
      version,
      saves: saves && saves.map((s) => ({ ...s, ops: s.ops as Op[] })),
    };
  },
);
