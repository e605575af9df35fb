/**
 * Keeps one macro's map in step with the server: sends pending ops in batches
 * (`{baseVersion, ops}`), receives other people's saves live on the map's Realtime channel
 * (applies their ops when they follow our version, else fetches the ops since our version, or
 * loads past the op log's horizon), falls back to a slow poll while Realtime is not available, merges remote changes under the pending ops,
 * retries failures with backoff, and mirrors unsent ops to storage so nothing is lost on a reload.
 */
import type { MapAddress } from '@contract';
import type { Transport } from '../../../bridge/transport';
import type { LiveChannels } from '../../../bridge/live';
import { parseMapEvent } from '@domain/live/map-event';
import type { MapEvent } from '@domain/live/map-event';
import type { Op } from '@domain/operations/op-types';
import type { EditorStore } from './editor-store';
import { unsentOps } from './editor-state';
import type { PendingStore } from './pending-store';

/** Time and visibility, injected so tests drive them. */
export type SyncEnvironment = {
  setTimer: (fn: () => void, ms: number) => () => void;
  isHidden: () => boolean;
  onVisibilityChange: (fn: () => void) => () => void;
  now: () => Date;
  /** A fresh `map/apply` batch id (default: a random UUID). */
  newBatchId?: () => string;
};

/** Tunables (ms). */
export type SyncTiming = {
  /** The poll without a Realtime channel (tests, and engines built without `live`). */
  pollMs: number;
  /** The poll while Realtime is not live (decision 0028: 30–60 s). */
  fallbackPollMs: number;
  /** Batching while changes keep coming: at most one save per this many ms. */
  debounceMs: number;
  /**
   * The first change after a pause goes out after this short idle; 0 = in a microtask, so the
   * ops one gesture dispatches in one task still go together (decision 0045).
   */
  quickMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
};

/** Defaults: live edits arrive as events; without them, a poll every 45 s. */
export const DEFAULT_TIMING: SyncTiming = {
  pollMs: 3_000,
  fallbackPollMs: 45_000,
  debounceMs: 250,
  quickMs: 0,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 30_000,
};

/** A subscribe token of the map's channel: `expiresAt` in epoch seconds, `version` read then. */
export type LiveToken = { token: string; expiresAt: number; version: number };

/**
 * The map's Realtime channel. `token` asks the backend for the channel's subscribe token
 * (decision 0052: only the server can publish on it), with the version it read; a token is used
 * again for every subscribe until a minute before it expires.
 */
export type LiveConfig = {
  channels: LiveChannels;
  channel: string;
  token?: () => Promise<LiveToken | null>;
};

/** A held token is asked for again this long before it expires. */
const TOKEN_MARGIN_MS = 60_000;

/** Failed reconnects after a drop before the state says "Not live". */
const RECONNECTS_BEFORE_OFF = 3;

/** Codes worth retrying as they are; the others need the person (or a reload) to act. */
const RETRYABLE = new Set(['SERVER_ERROR', 'RATE_LIMITED', 'CONFLICT']);

/** Drives saving and live updates for one store. */
export class SyncEngine {
  private readonly store: EditorStore;
  private readonly transport: Transport;
  private readonly address: MapAddress;
  private readonly pendingStore: PendingStore;
  private readonly env: SyncEnvironment;
  private readonly timing: SyncTiming;
  private cancelFlush: (() => void) | null = null;
  private cancelPoll: (() => void) | null = null;
  private unwatchVisibility: (() => void) | null = null;
  private sending = false;
  private polling = false;
  private stopped = true;
  private lastPersisted: unknown = null;
  private lastMarker: string | null = null;
  private readonly live: LiveConfig | null;
  private unsubscribeLive: (() => void) | null = null;
  private cancelReconnect: (() => void) | null = null;
  private reconnects = 0;
  /**
   * The last subscribe token: reconnecting with it costs no invocation, so a viewer whose
   * Realtime is refused stays within the fallback's budget (≤ 2 invocations a minute).
   */
  private heldToken: LiveToken | null = null;
  private wasLive = false;
  private loadAgain = false;
  /** When the last batch was sent (ms), so a change after a pause goes out at once. */
  private lastSendAt = Number.NEGATIVE_INFINITY;

  constructor(args: {
    store: EditorStore;
    transport: Transport;
    address: MapAddress;
    pendingStore: PendingStore;
    env: SyncEnvironment;
    timing?: Partial<SyncTiming>;
    /** The map's Realtime channel; without it the engine polls every `pollMs`. */
    live?: LiveConfig;
  }) {
    this.store = args.store;
    this.transport = args.transport;
    this.address = args.address;
    this.pendingStore = args.pendingStore;
    this.env = args.env;
    this.timing = { ...DEFAULT_TIMING, ...args.timing };
    this.live = args.live ?? null;
    // Subscribed now, before any component: the store calls its listeners in order, so a new
    // edit's send is queued ahead of the re-render it causes (the request leaves first).
    this.store.subscribe(() => {
      if (!this.stopped) this.onChange();
    });
  }

  /** Starts persisting, sending and polling. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unwatchVisibility = this.env.onVisibilityChange(() => {
      if (!this.env.isHidden()) {
        void this.pollNow();
        this.scheduleFlush(0);
      }
    });
    this.onChange();
    this.schedulePoll();
    if (this.live) void this.connect();
    else this.store.dispatch({ type: 'live', state: 'off' });
  }

  /** Stops timers and listeners; unsent ops stay in storage. */
  stop(): void {
    this.stopped = true;
    this.cancelFlush?.();
    this.cancelPoll?.();
    this.cancelReconnect?.();
    this.unwatchVisibility?.();
    this.unsubscribeLive?.();
    this.cancelFlush = this.cancelPoll = this.unwatchVisibility = null;
    this.cancelReconnect = this.unsubscribeLive = null;
  }

  /** Opens the map's channel; on success catches up once by version, on failure retries. */
  private async connect(): Promise<void> {
    const live = this.live;
    if (!live || this.stopped) return;
    let unsubscribe: () => void;
    let readVersion = 0;
    let reused = false;
    try {
      let token: LiveToken | null | undefined;
      if (live.token) {
        reused = this.tokenStillGood();
        token = reused ? this.heldToken : await live.token();
        // No token (refused, or Realtime unavailable): the same as a channel that cannot open.
        if (!token) return this.connectFailed();
        this.heldToken = token;
      }
      // A held token's version is old: the version is asked again once the channel is open.
      readVersion = reused ? 0 : (token?.version ?? 0);
      unsubscribe = await live.channels.subscribe(
        live.channel,
        {
          onEvent: (payload) => this.onLiveEvent(payload),
          onDrop: () => this.onLiveDrop(),
        },
        token?.token,
      );
    } catch {
      return this.connectFailed();
    }
    if (this.stopped) {
      unsubscribe();
      return;
    }
    this.unsubscribeLive = unsubscribe;
    const caughtUp = this.wasLive;
    this.wasLive = true;
    this.reconnects = 0;
    this.store.dispatch({ type: 'live', state: 'live' });
    // Saves made while the channel was down (or before it opened) arrive by version.
    const behind = readVersion > this.store.getState().version;
    if (caughtUp || behind) void this.catchUp({ force: false, probe: false });
    else if (reused) void this.catchUp({ force: false, probe: true });
  }

  /** Whether the held token lives past the margin (a reconnect then needs no invocation). */
  private tokenStillGood(): boolean {
    const held = this.heldToken;
    return !!held && held.expiresAt * 1000 - this.env.now().getTime() > TOKEN_MARGIN_MS;
  }

  /** The channel could not be opened: "Reconnecting…" for a while after being live, then off. */
  private connectFailed(): void {
    this.reconnects++;
    const state = this.wasLive && this.reconnects < RECONNECTS_BEFORE_OFF ? 'reconnecting' : 'off';
    this.store.dispatch({ type: 'live', state });
    this.scheduleReconnect();
  }

  private onLiveDrop(): void {
    this.unsubscribeLive = null;
    if (this.stopped) return;
    this.store.dispatch({ type: 'live', state: 'reconnecting' });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.cancelReconnect?.();
    const ms = Math.min(
      this.timing.reconnectMaxMs,
      this.timing.reconnectBaseMs * 2 ** Math.max(0, this.reconnects - 1),
    );
    this.cancelReconnect = this.env.setTimer(() => {
      this.cancelReconnect = null;
      void this.connect();
    }, ms);
  }

  /** Someone's committed save: applied when it follows our version, else loaded. */
  private onLiveEvent(payload: unknown): void {
    const event = parseMapEvent(payload);
    if (!event || this.stopped) return;
    const state = this.store.getState();
    if (event.batchId === state.inflightId || event.version <= state.version) return;
    const out = state.inflight.length > 0 && !state.inflightHeld;
    if (out) return; // the save's answer carries the newer map
    if (event.version === state.version + 1 && event.ops !== null) {
      this.store.dispatch(remoteOpsAction(event, event.ops as Op[]));
      return;
    }
    // A missed save (or ops too big to send): the ops since our version, from the map's log.
    void this.catchUp({ force: false, probe: false });
  }

  /** Sends what is pending now (the "Retry" button, going back online). */
  retryNow(): void {
    this.scheduleFlush(0);
  }

  /** Sends pending ops until none are left or a call fails. Resolves when idle. */
  async flush(): Promise<void> {
    if (this.sending || this.stopped) return;
    this.cancelFlush?.();
    this.cancelFlush = null;
    this.sending = true;
    try {
      while (!this.stopped) {
        const before = this.store.getState();
        const waiting = before.pending.length > 0 || before.inflightHeld;
        if (!waiting || !before.capabilities.canEdit) return;
        // A held batch (its last send failed) is resent with its own id; a new one gets a new id.
        this.store.dispatch({ type: 'sendStart', batchId: this.newBatchId() });
        this.lastSendAt = this.env.now().getTime();
        const batch = this.store.getState();
        if (!batch.inflightId || !batch.inflight.length) return;
        const res = await this.transport.call('map/apply', {
          ...this.address,
          baseVersion: batch.inflightBase,
          batchId: batch.inflightId,
          ops: batch.inflight,
        });
        if (this.stopped) return;
        if (res.ok) {
          const answer = {
            type: 'sendOk',
            version: res.data.version,
            dropped: res.data.dropped,
            overwritten: res.data.overwritten,
            at: this.env.now().getTime(),
          } as const;
          if (res.data.map) {
            this.store.dispatch({ ...answer, map: res.data.map });
          } else if (this.store.getState().version === batch.inflightBase) {
            // The usual small answer: the change since our base (decision 0028).
            this.store.dispatch({ ...answer, change: res.data.change });
          }
          // Otherwise our base moved while the batch was held: the change does not apply to it.
          // The same batch is sent again; a resend is answered with the whole map.
          continue;
        }
        const retryable = RETRYABLE.has(res.error.code);
        this.store.dispatch({ type: 'sendFailed', message: res.error.message, retryable });
        if (res.error.code === 'FORBIDDEN') await this.pollNow(true);
        if (retryable) this.scheduleFlush(this.backoff(this.store.getState().failures));
        return;
      }
    } finally {
      this.sending = false;
    }
  }

  /** The slow poll (and a tab shown again): asks the version first, catches up when newer. */
  async pollNow(force = false): Promise<void> {
    return this.catchUp({ force, probe: true });
  }

  /**
   * Catches up with the server: the saves since our version from the map's op log
   * (`map/opsSince`, one small call), or the whole map when the log does not reach back that
   * far (or `force`). `probe` asks `map/version` first (an idle poll then costs one tiny call).
   */
  private async catchUp(opts: { force: boolean; probe: boolean }): Promise<void> {
    const { force } = opts;
    if (this.stopped) return;
    if (this.polling) {
      this.loadAgain ||= force;
      return;
    }
    this.polling = true;
    try {
      const known = this.store.getState().version;
      if (!force && opts.probe) {
        const v = await this.transport.call('map/version', this.address);
        if (!v.ok || v.data.version <= known) return;
      }
      if (!force) {
        const res = await this.transport.call('map/opsSince', {
          ...this.address,
          sinceVersion: known,
        });
        if (!res.ok || res.data.version <= known || this.stopped) return;
        if (this.sending) return; // the save's answer carries the newer map anyway
        if (res.data.saves) {
          this.store.dispatch({
            type: 'remoteSaves',
            fromVersion: known,
            saves: res.data.saves,
            at: this.env.now().getTime(),
          });
          // Applied unless our version moved meanwhile (an event, a held batch): then load.
          if (this.store.getState().version >= res.data.version) return;
        }
      }
      if (this.sending) return; // the save's answer carries the newer map anyway
      const loaded = await this.transport.call('map/load', this.address);
      if (this.stopped || !loaded.ok || !loaded.data.map || this.sending) return;
      this.store.dispatch({
        type: 'remote',
        map: loaded.data.map,
        version: loaded.data.version,
        capabilities: loaded.data.capabilities,
        at: this.env.now().getTime(),
      });
    } finally {
      this.polling = false;
      if (this.loadAgain) {
        this.loadAgain = false;
        void this.pollNow(true);
      }
    }
  }

  private newBatchId(): string {
    return this.env.newBatchId?.() ?? globalThis.crypto.randomUUID();
  }

  private onChange(): void {
    const state = this.store.getState();
    const unsent = unsentOps(state);
    // Persist on every change of the unsent queue or its batch (same ⇒ nothing to write).
    const marker = unsent.length ? `${state.inflightId ?? ''}` : null;
    const changed = unsent !== this.lastPersisted || marker !== this.lastMarker;
    if (changed && !(unsent.length === 0 && this.lastPersisted === null)) {
      this.lastPersisted = unsent.length ? unsent : null;
      this.lastMarker = marker;
      if (unsent.length) {
        const batch =
          state.inflightId && state.inflight.length
            ? { id: state.inflightId, count: state.inflight.length }
            : undefined;
        this.pendingStore.save({
          baseVersion: state.inflight.length
            ? state.inflightBase
            : (state.pendingBase ?? state.version),
          ops: unsent,
          savedAt: this.env.now().toISOString(),
          ...(batch ? { batch } : {}),
        });
      } else {
        this.pendingStore.clear();
      }
    }
    const waiting = state.pending.length > 0 || state.inflightHeld;
    if (waiting && !this.sending && !this.cancelFlush && state.phase !== 'blocked') {
      this.scheduleFlush(state.failures ? this.backoff(state.failures) : this.idleBeforeSend());
    }
  }

  /**
   * A discrete change after a pause is sent almost at once (edit → visible to others fast); a
   * burst of changes (typing card after card) is batched into one save per `debounceMs`.
   */
  private idleBeforeSend(): number {
    const since = this.env.now().getTime() - this.lastSendAt;
    return since >= this.timing.debounceMs ? this.timing.quickMs : this.timing.debounceMs;
  }

  private scheduleFlush(ms: number): void {
    if (this.stopped) return;
    this.cancelFlush?.();
    const run = () => {
      this.cancelFlush = null;
      void this.flush();
    };
    if (ms > 0) {
      this.cancelFlush = this.env.setTimer(run, ms);
      return;
    }
    // No timer: a timer waits behind the re-render and, on a busy machine, longer.
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) run();
    });
    this.cancelFlush = () => {
      cancelled = true;
    };
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    // With a live channel nothing is polled (an idle viewer costs no invocation).
    const ms = this.live ? this.timing.fallbackPollMs : this.timing.pollMs;
    this.cancelPoll = this.env.setTimer(() => {
      const idle = this.env.isHidden() || this.store.getState().live === 'live';
      const run = idle ? Promise.resolve() : this.pollNow();
      void run.finally(() => this.schedulePoll());
    }, ms);
  }

  private backoff(failures: number): number {
    const exp = this.timing.retryBaseMs * 2 ** Math.max(0, failures - 1);
    return Math.min(this.timing.retryMaxMs, exp);
  }
}

function remoteOpsAction(event: MapEvent, ops: Op[]) {
  return {
    type: 'remoteOps' as const,
    version: event.version,
    ops,
    author: event.author,
    overwritten: event.overwritten,
    ...(event.updatedAt !== undefined ? { updatedAt: event.updatedAt } : {}),
  };
}

/** The browser's timers and page visibility. */
export const browserEnvironment: SyncEnvironment = {
  setTimer(fn, ms) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  onVisibilityChange(fn) {
    if (typeof document === 'undefined') return () => undefined;
    document.addEventListener('visibilitychange', fn);
    window.addEventListener('online', fn);
    return () => {
      document.removeEventListener('visibilitychange', fn);
      window.removeEventListener('online', fn);
    };
  },
  now: () => new Date(),
  newBatchId: () => crypto.randomUUID(),
};
