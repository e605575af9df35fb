/**
 * The map channel is secured by a token (decision 0052): Forge lets any browser in a module's
 * context publish on that context's channels, so a channel everyone's client trusts must carry
 * claims only the backend can sign. Browsers get a subscribe-only token; each save's publish
 * signs a publish-only one. Same name and claims on both sides: one channel.
 */
import { signRealtimeToken } from '@forge/realtime';
import { sanitizeLocalId } from '../domain/codec/property-keys';

/** A signed Realtime token and when it expires (epoch seconds, as Forge says). */
export type ChannelToken = { token: string; expiresAt: number };

/** The claims of a macro's map channel (the same for every signer and use). */
export function mapChannelClaims(localId: string): Record<string, string> {
  return { app: 'journey-maps', channel: 'map', map: sanitizeLocalId(localId) };
}

/**
 * A token for `use` on the map channel named `channel` of `localId`'s map; null when Forge
 * refused to sign (limit, unavailable): the caller decides what that means.
 */
export async function signMapChannelToken(args: {
  channel: string;
  localId: string;
  use: 'subscribe' | 'publish';
}): Promise<ChannelToken | null> {
  const signed = await signRealtimeToken(args.channel, mapChannelClaims(args.localId), [args.use]);
  if (typeof signed.token !== 'string' || typeof signed.expiresAt !== 'number') return null;
  return { token: signed.token, expiresAt: signed.expiresAt };
}
