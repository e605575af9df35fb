/**
 * Forge Realtime, locally: `realtime.subscribe/publish` channels fanned out over Server-Sent
 * Events. Channels are scoped like Forge's: to the frame's content (or space) unless global.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FrameRef } from './frame-token';

/** The channel key of a frame's channel. */
export function channelKey(ref: FrameRef, channel: string, isGlobal: boolean): string {
  if (isGlobal) return `global:${channel}`;
  const content = ref.extension.content as { id?: unknown } | undefined;
  const space = ref.extension.space as { id?: unknown } | undefined;
  const scope =
    typeof content?.id === 'string'
      ? `content:${content.id}`
      : `space:${typeof space?.id === 'string' ? space.id : '?'}`;
  return `${scope}:${channel}`;
}

/** In-memory subscribers per channel key. */
export class RealtimeHub {
  private readonly subscribers = new Map<string, Set<ServerResponse>>();

  /** Turns `res` into an SSE stream of the channel until the browser disconnects. */
  subscribe(res: ServerResponse, key: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': subscribed\n\n');
    let set = this.subscribers.get(key);
    if (!set) {
      set = new Set();
      this.subscribers.set(key, set);
    }
    set.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      set.delete(res);
      if (set.size === 0) this.subscribers.delete(key);
    });
  }

  /** Sends a payload to every subscriber of the channel. */
  publish(key: string, payload: unknown): { eventId: string; eventTimestamp: string } {
    const event = { eventId: randomUUID(), eventTimestamp: new Date().toISOString() };
    const data = JSON.stringify({ payload });
    for (const res of this.subscribers.get(key) ?? []) res.write(`data: ${data}\n\n`);
    return event;
  }
}
