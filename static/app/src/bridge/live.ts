/**
 * Forge Realtime through the real `@forge/bridge` (decision 0028): the app's channels use the
 * default scope (this macro module on this page) and carry the macro's localId in their name; the
 * map channel is subscribed with a token only the backend signs (decision 0052).
 */
import { realtime } from '@forge/bridge/realtime';

/** A subscription's callbacks: each payload, and a drop of the channel (then subscribe again). */
export type LiveHandlers = { onEvent(payload: unknown): void; onDrop(): void };

/** Publish/subscribe on named channels; injected so state code runs in tests without a bridge. */
export type LiveChannels = {
  /**
   * Resolves with the unsubscribe once the channel is open; rejects when it cannot open. `token`
   * (from the backend) names the token-secured channel of that name.
   */
  subscribe(channel: string, handlers: LiveHandlers, token?: string): Promise<() => void>;
  /** Best effort: false when the platform refused it (limit, unavailable). */
  publish(channel: string, payload: Record<string, unknown>): Promise<boolean>;
};

/** The real bridge's Realtime. */
export const bridgeLive: LiveChannels = {
  async subscribe(channel, handlers, token) {
    const onEvent = (payload: unknown, error?: unknown) => {
      if (error) handlers.onDrop();
      else handlers.onEvent(payload);
    };
    const sub = await realtime.subscribe(channel, onEvent, token ? { token } : undefined);
    return () => void sub.unsubscribe().catch(() => undefined);
  },
  async publish(channel, payload) {
    try {
      // The docs: "The payload must be a string, so make sure to stringify any objects"; the
      // receivers parse text (domain/live/channel-message.ts).
      const res = await realtime.publish(channel, JSON.stringify(payload));
      return !res?.errors?.length;
    } catch {
      return false;
    }
  },
};
