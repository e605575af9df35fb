/**
 * Forge Realtime, locally: channels fanned out over Server-Sent Events, with Forge's rules
 * (docs/decisions/0028): a channel is scoped to the module AND the content it runs in (or to
 * what `contextOverrides` name, which must match on both sides), global channels are one name per
 * installation, and subscribe + publish together may run 50 operations per second per
 * installation. The browser half is `subscribeRealtimeChannel`/`publishRealtimeChannel` in the
 * injected bridge; the backend half is `@forge/realtime`'s GraphQL POST, which the Forge runtime
 * (`dev/forge-runtime/install.ts`) hands to {@link RealtimeHub.service}.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RealtimeService } from '../forge-runtime/install';
import type { FrameRef } from './frame-token';

/** Forge's documented limit: operations (subscribe, publish, sign) per second per installation. */
export const REALTIME_OPS_PER_SECOND = 50;

/** Context properties `contextOverrides` may name in Confluence. */
const OVERRIDES = new Set(['content', 'space']);

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '?';
}

/**
 * The channel key of a frame's channel: global by name; else the module and its content (a
 * space page: its space), or exactly the overridden context properties.
 */
export function channelKey(
  ref: FrameRef,
  channel: string,
  isGlobal: boolean,
  contextOverrides?: readonly string[],
): string {
  if (isGlobal || (contextOverrides && contextOverrides.length === 0)) return `global:${channel}`;
  if (contextOverrides) {
    const parts = [...new Set(contextOverrides)]
      .sort()
      .map((p) => `${p}:${idOf(ref.extension[p])}`);
    return `${parts.join('|')}:${channel}`;
  }
  const content = ref.extension.content;
  const scope = content ? `content:${idOf(content)}` : `space:${idOf(ref.extension.space)}`;
  return `module:${ref.moduleKey}|${scope}:${channel}`;
}

/** Why an override list is refused (null: valid). */
export function overridesError(overrides: unknown): string | null {
  if (overrides === undefined) return null;
  if (!Array.isArray(overrides)) return 'contextOverrides must be an array.';
  const list: unknown[] = overrides;
  const bad = list.find((o) => typeof o !== 'string' || !OVERRIDES.has(o));
  return bad === undefined ? null : `Unknown context override ${JSON.stringify(bad)}.`;
}

type Subscriber = { send: (data: string) => void; close: () => void };

/** In-memory channels of one installation, with the rate limit and a switch to drop them. */
export class RealtimeHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly recentOps: number[] = [];
  private refuseUntil = 0;
  /** Events published since start (for budgets). */
  published = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one operation; false when the installation is over its per-second limit. */
  private take(): boolean {
    const t = this.now();
    while (this.recentOps.length && (this.recentOps[0] ?? 0) <= t - 1000) this.recentOps.shift();
    if (this.recentOps.length >= REALTIME_OPS_PER_SECOND) return false;
    this.recentOps.push(t);
    return true;
  }

  /** Turns `res` into an SSE stream of the channel until the browser disconnects. */
  subscribe(res: ServerResponse, key: string): void {
    if (this.now() < this.refuseUntil) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('Realtime is unavailable.');
      return;
    }
    if (!this.take()) {
      res.writeHead(429, { 'content-type': 'text/plain' }).end('Too Many Requests');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': subscribed\n\n');
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
    const remove = this.add(key, {
      send: (data) => res.write(`data: ${data}\n\n`),
      close: () => res.end(),
    });
    res.on('close', () => {
      clearInterval(heartbeat);
      remove();
    });
  }

  /** An in-process subscriber (tests, bench): `fn` gets each payload; returns the unsubscribe. */
  tap(key: string, fn: (payload: unknown) => void, onClose?: () => void): () => void {
    return this.add(key, {
      send: (data) => fn((JSON.parse(data) as { payload: unknown }).payload),
      close: () => onClose?.(),
    });
  }

  private add(key: string, sub: Subscriber): () => void {
    let set = this.subscribers.get(key);
    if (!set) {
      set = new Set();
      this.subscribers.set(key, set);
    }
    const own = set;
    own.add(sub);
    return () => {
      own.delete(sub);
      if (own.size === 0 && this.subscribers.get(key) === own) this.subscribers.delete(key);
    };
  }

  /** Sends a payload to every subscriber of the channel; null when over the limit. */
  publish(key: string, payload: unknown): { eventId: string; eventTimestamp: string } | null {
    if (!this.take()) return null;
    this.published++;
    const event = { eventId: randomUUID(), eventTimestamp: new Date(this.now()).toISOString() };
    const data = JSON.stringify({ payload });
    for (const sub of [...(this.subscribers.get(key) ?? [])]) sub.send(data);
    return event;
  }

  /** Subscribers of a channel key (tests, presence checks). */
  subscriberCount(key?: string): number {
    if (key !== undefined) return this.subscribers.get(key)?.size ?? 0;
    return [...this.subscribers.values()].reduce((n, s) => n + s.size, 0);
  }

  /**
   * Drops every open channel, as a network blip or a platform restart does, and refuses new
   * subscriptions for `refuseMs` (so a client shows "Reconnecting" before it is back).
   */
  dropAll(refuseMs = 0): number {
    this.refuseUntil = this.now() + refuseMs;
    let n = 0;
    for (const set of this.subscribers.values()) {
      for (const sub of [...set]) {
        sub.close();
        n++;
      }
    }
    this.subscribers.clear();
    return n;
  }

  /**
   * The backend half (`@forge/realtime` publish): the context token is the calling frame's
   * signed ref, so a function publishes only into the scope of the module that invoked it.
   */
  service(verify: (token: string | null) => FrameRef | null): RealtimeService {
    return ({ contextToken, body }) => {
      const vars = (body as { variables?: Record<string, unknown> } | null)?.variables ?? {};
      const query = (body as { query?: unknown } | null)?.query;
      if (typeof query !== 'string' || !query.includes('publishRealtimeChannel')) {
        return graphQlError('Only publishRealtimeChannel is emulated (no signRealtimeToken).');
      }
      const isGlobal = vars.isGlobal === true;
      const ref = verify(contextToken);
      if (!ref && !isGlobal) {
        // Forge: backend publish without global works only in functions called from the UI.
        return graphQlError('A context token is required to publish to a non-global channel.');
      }
      if (typeof vars.name !== 'string' || vars.name === '' || typeof vars.payload !== 'string') {
        return graphQlError('Channel name and payload are required.');
      }
      if (vars.token !== undefined && vars.token !== null) {
        return graphQlError('Realtime tokens are not emulated locally.');
      }
      let overrides: unknown;
      if (typeof vars.context === 'string') {
        overrides = (JSON.parse(vars.context) as { contextOverrides?: unknown }).contextOverrides;
      }
      const invalid = overridesError(overrides);
      if (invalid) return graphQlError(invalid);
      const key =
        isGlobal || !ref
          ? `global:${vars.name}`
          : channelKey(ref, vars.name, false, overrides as string[] | undefined);
      const event = this.publish(key, vars.payload);
      if (!event) return new Response(null, { status: 429, statusText: 'Too Many Requests' });
      return Response.json({ data: { ecosystem: { publishRealtimeChannel: event } } });
    };
  }
}

function graphQlError(message: string): Response {
  return Response.json({ data: null, errors: [{ message }] });
}
