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
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { RealtimeService } from '../forge-runtime/install';
import type { FrameRef } from './frame-token';

/** Forge's documented limit: operations (subscribe, publish, sign) per second per installation. */
export const REALTIME_OPS_PER_SECOND = 50;

/** Context properties `contextOverrides` may name in Confluence. */
const OVERRIDES = new Set(['content', 'space']);

/**
 * How long a signed Realtime token lives here. Forge documents `expiresAt` (epoch seconds) but
 * not the lifetime: unverified; an hour locally, and tests shorten it.
 */
export const REALTIME_TOKEN_TTL_SECONDS = 3600;

/** What a Realtime token may be used for (`signRealtimeToken`'s `permissions`). */
export type TokenUse = 'subscribe' | 'publish';

/** A verified token's claims, or why it is refused. */
export type TokenCheck = { ok: true; claims: unknown } | { ok: false; reason: string };

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
  claims?: unknown,
): string {
  return `${scopeKey(ref, channel, isGlobal, contextOverrides)}${claimsPart(claims)}`;
}

function scopeKey(
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

/**
 * A token's claims secure the channel on top of its context (Forge: "added on top of the
 * Atlassian app context"): the same name with other claims, or none, is another channel.
 */
function claimsPart(claims: unknown): string {
  return claims === undefined ? '' : `#claims:${canonicalJson(claims)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
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
  private readonly secret = randomBytes(32);
  /** Events published since start (for budgets). */
  published = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly tokenTtlSeconds: number = REALTIME_TOKEN_TTL_SECONDS,
  ) {}

  /**
   * `signRealtimeToken`: a JWT (HS256 with this installation's secret) naming the channel, the
   * claims, the permissions (none = both) and `exp`; `expiresAt` in epoch seconds, as Forge says.
   */
  signToken(args: { channel: string; claims: unknown; permissions?: readonly TokenUse[] }): {
    jwt: string;
    expiresAt: number;
  } {
    const expiresAt = Math.floor(this.now() / 1000) + this.tokenTtlSeconds;
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64(
      JSON.stringify({
        channel: { name: args.channel },
        claims: args.claims,
        ...(args.permissions ? { permissions: [...args.permissions] } : {}),
        exp: expiresAt,
      }),
    );
    return { jwt: `${header}.${body}.${this.mac(`${header}.${body}`)}`, expiresAt };
  }

  /** Checks a token for `use` on `channel`: signed here, unexpired, for this name, permitted. */
  checkToken(token: unknown, channel: string, use: TokenUse): TokenCheck {
    if (typeof token !== 'string' || token.length > 16 * 1024) {
      return { ok: false, reason: 'INVALID_TOKEN' };
    }
    const [header = '', body = '', sig = ''] = token.split('.');
    const given = Buffer.from(sig, 'base64url');
    const expected = Buffer.from(this.mac(`${header}.${body}`), 'base64url');
    if (token.split('.').length !== 3 || given.length !== expected.length) {
      return { ok: false, reason: 'INVALID_TOKEN' };
    }
    if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'INVALID_TOKEN' };
    // Signed here, so it parses; the type says what `signToken` wrote.
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      channel?: { name?: unknown };
      claims?: unknown;
      permissions?: unknown;
      exp?: unknown;
    };
    if (typeof claims.exp !== 'number' || this.now() / 1000 >= claims.exp) {
      return { ok: false, reason: 'TOKEN_EXPIRED' };
    }
    if (claims.channel?.name !== channel) return { ok: false, reason: 'CHANNEL_NAME_MISMATCH' };
    const permissions = claims.permissions;
    if (Array.isArray(permissions) && !permissions.includes(use)) {
      return { ok: false, reason: 'MISSING_PERMISSION' };
    }
    return { ok: true, claims: claims.claims ?? null };
  }

  /**
   * The channel key a frame's subscribe or publish reaches, or why it is refused: its scope, plus
   * the claims of its token when it brings one (a token it may not use for this is refused).
   */
  frameKey(args: {
    ref: FrameRef;
    channel: string;
    isGlobal: boolean;
    overrides?: readonly string[];
    token?: unknown;
    use: TokenUse;
  }): { ok: true; key: string } | { ok: false; reason: string } {
    const { ref, channel, isGlobal, overrides } = args;
    if (args.token === undefined || args.token === null || args.token === '') {
      return { ok: true, key: channelKey(ref, channel, isGlobal, overrides) };
    }
    const check = this.checkToken(args.token, channel, args.use);
    if (!check.ok) return check;
    return { ok: true, key: channelKey(ref, channel, isGlobal, overrides, check.claims) };
  }

  private mac(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }

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
      if (typeof query === 'string' && query.includes('signRealtimeToken')) return this.sign(vars);
      if (typeof query !== 'string' || !query.includes('publishRealtimeChannel')) {
        return graphQlError('Only publishRealtimeChannel and signRealtimeToken are emulated.');
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
      let claims: unknown;
      if (vars.token !== undefined && vars.token !== null) {
        const check = this.checkToken(vars.token, vars.name, 'publish');
        if (!check.ok) return graphQlError(check.reason);
        claims = check.claims;
      }
      let overrides: unknown;
      if (typeof vars.context === 'string') {
        overrides = (JSON.parse(vars.context) as { contextOverrides?: unknown }).contextOverrides;
      }
      const invalid = overridesError(overrides);
      if (invalid) return graphQlError(invalid);
      const key =
        isGlobal || !ref
          ? `global:${vars.name}${claimsPart(claims)}`
          : channelKey(ref, vars.name, false, overrides as string[] | undefined, claims);
      const event = this.publish(key, vars.payload);
      if (!event) return new Response(null, { status: 429, statusText: 'Too Many Requests' });
      return Response.json({ data: { ecosystem: { publishRealtimeChannel: event } } });
    };
  }

  /** `signRealtimeToken`'s GraphQL mutation (counts as one operation, as Forge counts it). */
  private sign(vars: Record<string, unknown>): Response {
    const { channelName, claims, permissions } = vars;
    if (typeof channelName !== 'string' || channelName === '') {
      return graphQlError('A channel name is required.');
    }
    if (claims === undefined) return graphQlError('Claims are required.');
    const uses: unknown[] | undefined = Array.isArray(permissions) ? permissions : undefined;
    const valid = (u: unknown): u is TokenUse => u === 'subscribe' || u === 'publish';
    if (permissions != null && (!uses || uses.length === 0 || !uses.every(valid))) {
      return graphQlError('permissions must be a non-empty list of "subscribe" and "publish".');
    }
    if (!this.take()) return new Response(null, { status: 429, statusText: 'Too Many Requests' });
    const token = this.signToken({
      channel: channelName,
      claims,
      ...(uses ? { permissions: uses.filter(valid) } : {}),
    });
    return Response.json({
      data: { ecosystem: { signRealtimeToken: { forgeRealtimeToken: token, success: true } } },
    });
  }
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function graphQlError(message: string): Response {
  return Response.json({ data: null, errors: [{ message }] });
}
