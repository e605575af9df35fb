/**
 * Channel ops. Deleting a channel clears it from every step and card; `channel/restore` (its
 * inverse) puts the channel back at its position together with those references.
 */
import { z } from 'zod';

import { cleanText, isRecord } from '../../model/restore-values';
import type { Channel } from '../../model/schema';
import { channelSchema, SHORT_TEXT_MAX } from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import { done, drop, indexOfId, insertClamped, removeAt, textOf, withEntity } from '../helpers';
import { clearedRefsSchema, opId, position } from '../op-fields';
import { clearRefs, restoreRefs } from '../refs';
import type { JourneyMap } from '../../model/schema';

const channelInput = z
  .object({ id: z.string(), name: z.string(), initials: z.string() })
  .describe('invalid channel');

/** A channel from an op, cleaned; null when malformed. */
function admitChannel(value: unknown): Channel | null {
  if (!isRecord(value)) return null;
  const initials = typeof value.initials === 'string' ? cleanText(value.initials, 3).trim() : '';
  const parsed = channelSchema.safeParse({
    id: value.id,
    name: textOf(value.name, SHORT_TEXT_MAX),
    initials,
  });
  return parsed.success ? parsed.data : null;
}

/** Adds a channel at `index` (the end when undefined), restoring `refs` when given. */
function addChannel(
  map: JourneyMap,
  input: { channel: unknown; index?: number; refs?: z.output<typeof clearedRefsSchema> },
): ApplyResult {
  const channel = admitChannel(input.channel);
  if (channel === null) return drop(map, 'invalid channel');
  if (indexOfId(map.channels, channel.id) >= 0) return drop(map, 'channel id already exists');
  const added = { ...map, channels: insertClamped(map.channels, input.index, channel) };
  return done(restoreRefs(added, input.refs), [{ type: 'channel/delete', id: channel.id }]);
}

/** `channel/add`. */
export const channelAdd = defineOp({
  type: 'channel/add',
  fields: { channel: channelInput },
  apply: (map, op): ApplyResult => addChannel(map, { channel: op.channel }),
});

/** `channel/restore`: the inverse of `channel/delete`. */
export const channelRestore = defineOp({
  type: 'channel/restore',
  fields: { channel: channelInput, index: position, refs: clearedRefsSchema },
  apply: (map, op): ApplyResult => addChannel(map, op),
});

/** `channel/edit`: name and initials. */
export const channelEdit = defineOp({
  type: 'channel/edit',
  fields: { id: opId, name: z.string().optional(), initials: z.string().optional() },
  apply: (map, op): ApplyResult =>
    withEntity(map, { key: 'channels', id: op.id, what: 'channel' }, (channel, _at, update) => {
      const edited = admitChannel({
        id: channel.id,
        name: op.name ?? channel.name,
        initials: op.initials ?? channel.initials,
      });
      if (edited === null) return drop(map, 'name must be text and initials 1–3 characters');
      return update(edited, {
        type: 'channel/edit',
        id: channel.id,
        name: channel.name,
        initials: channel.initials,
      });
    }),
});

/** `channel/delete`; undone by `channel/restore`. */
export const channelDelete = defineOp({
  type: 'channel/delete',
  fields: { id: opId },
  apply: (map, op): ApplyResult =>
    withEntity(map, { key: 'channels', id: op.id, what: 'channel' }, (channel, at) => {
      const cleared = clearRefs(map, { channelIds: new Set([channel.id]) });
      return done({ ...cleared.map, channels: removeAt(map.channels, at) }, [
        { type: 'channel/restore', channel, index: at, refs: cleared.refs },
      ]);
    }),
});

/** The channel ops. */
export const channelOps = [channelAdd, channelEdit, channelDelete, channelRestore] as const;
