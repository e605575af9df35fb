/**
 * `map/liveToken`: the subscribe-only token of a macro's map channel (decision 0052), given after
 * the map's head was read as the user (one GET, like `map/version`), so only someone who can view
 * the map can listen; the version read lets the client catch up on saves made before it
 * subscribed. Only the backend can sign, and no browser gets a token that may publish.
 */
import { contentOf } from '../confluence/content-ref';
import { mapPropertyKey } from '../domain/codec';
import { msg } from '../domain/i18n/message';
import { mapChannelName } from '../domain/live/map-event';
import { signMapChannelToken } from '../realtime/map-channel-token';
import { mapDoor } from './door';
import { mapAddressSchema } from './payload-schemas';
import { ResolverFailure } from './result';

/** `map/liveToken` (see the file comment). */
export const mapLiveTokenResolver = mapDoor(
  'map/liveToken',
  mapAddressSchema,
  async ({ client, at }) => {
    const head = await client.getPropertyByKey(contentOf(at), mapPropertyKey(at.localId));
    const channel = mapChannelName(at.localId);
    const signed = await signMapChannelToken({ channel, localId: at.localId, use: 'subscribe' });
    if (!signed) throw new ResolverFailure('SERVER_ERROR', msg('errors.server.liveUnavailable'));
    return { ...signed, version: head?.version ?? 0 };
  },
);
