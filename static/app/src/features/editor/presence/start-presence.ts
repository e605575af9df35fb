/**
 * Starts this viewer's presence once their name is known (context account id → Confluence
 * profile); returns the stop, which says "left" (also sent when the page is hidden for good).
 */
import { translateNow } from '../../../i18n/i18n-context';
import { bridgeLive, getContext, userProfile } from '../../../bridge/client';
import { browserEnvironment } from '../state/sync-engine';
import type { ValueStore } from '../value-store';
import { PresenceChannel } from './presence-channel';

/** The presence channel name of a macro's map. */
export function presenceChannelName(localId: string): string {
  return `journey-map-presence-${localId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Starts presence for the open editor; the returned function stops it. */
export function startPresence(args: {
  presence: ValueStore<PresenceChannel | null>;
  localId: string;
}): () => void {
  let channel: PresenceChannel | null = null;
  let stopped = false;
  const leave = () => channel?.stop();
  const onVisibility = () => channel?.setVisible(document.visibilityState !== 'hidden');
  void (async () => {
    const context = await getContext().catch(() => null);
    const accountId = typeof context?.accountId === 'string' ? context.accountId : null;
    if (!accountId || stopped) return; // anonymous viewers are not shown
    const profile = await userProfile(accountId);
    if (stopped) return;
    channel = new PresenceChannel({
      channels: bridgeLive,
      channel: presenceChannelName(args.localId),
      self: {
        tab: crypto.randomUUID(),
        accountId,
        // Presence messages need a name: without a profile, “someone” in this person's language.
        name: profile?.displayName ?? translateNow('editor.presence.someone'),
        avatar: profile?.avatar ?? null,
      },
      env: browserEnvironment,
      lookup: userProfile,
    });
    channel.start();
    args.presence.set(channel);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
  })();
  return () => {
    stopped = true;
    window.removeEventListener('pagehide', leave);
    document.removeEventListener('visibilitychange', onVisibility);
    leave();
    args.presence.set(null);
  };
}
