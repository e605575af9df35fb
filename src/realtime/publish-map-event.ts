/**
 * Publishes a committed save on the map's Forge Realtime channel (decision 0028). The default
 * scope (this module on this content) plus the localId in the channel name address exactly the
 * macro that saved. Publishing is best effort: the save is already committed, and a viewer who
 * misses the event catches up by version (its reconnect check or the slow poll).
 */
import { publish } from '@forge/realtime';
import type { MapEvent } from '../domain/live/map-event';
import { mapChannelName, mapEvent } from '../domain/live/map-event';

/** What a publish attempt gave: `ok`, or why not (kept for logs and tests; never thrown). */
export type PublishOutcome = { ok: true } | { ok: false; reason: string };

/** Publishes `{version, batchId, author, ops}` for a save of `localId`'s map. */
export async function publishMapEvent(args: {
  localId: string;
  event: Omit<MapEvent, 'kind'>;
}): Promise<PublishOutcome> {
  try {
    const result = await publish(mapChannelName(args.localId), mapEvent(args.event));
    const errors: unknown = result.errors;
    if (Array.isArray(errors) && errors.length) {
      const messages = errors.map((e: unknown) => String((e as { message?: unknown }).message));
      return { ok: false, reason: messages.join('; ') };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
