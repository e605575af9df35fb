/**
 * Publishes a committed save on the map's Forge Realtime channel (decision 0028). The default
 * scope (this module on this content) plus the localId in the channel name address exactly the
 * macro that saved; the channel's token claims keep browsers from publishing on it (decision
 * 0052). Publishing is best effort: the save is already committed, and a viewer who misses the
 * event catches up by version (its reconnect check or the slow poll).
 */
import { publish } from '@forge/realtime';
import type { MapEvent } from '../domain/live/map-event';
import { mapChannelName, mapEvent } from '../domain/live/map-event';
import { signMapChannelToken } from './map-channel-token';

/** What a publish attempt gave: `ok`, or why not (kept for logs and tests; never thrown). */
export type PublishOutcome = { ok: true } | { ok: false; reason: string };

/**
 * A publisher of `localId`'s saves: it starts signing the channel's publish token now, so the
 * signing runs while the save reads, applies and writes, and the event leaves right after the
 * head is written.
 */
export function mapEventPublisher(
  localId: string,
): (event: Omit<MapEvent, 'kind'>) => Promise<PublishOutcome> {
  const channel = mapChannelName(localId);
  const signing = signMapChannelToken({ channel, localId, use: 'publish' }).catch(() => null);
  return async (event) => {
    try {
      const signed = await signing;
      if (!signed) return { ok: false, reason: 'could not sign a publish token' };
      const result = await publish(channel, mapEvent(event), { token: signed.token });
      const errors: unknown = result.errors;
      if (Array.isArray(errors) && errors.length) {
        const messages = errors.map((e: unknown) => String((e as { message?: unknown }).message));
        return { ok: false, reason: messages.join('; ') };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}
