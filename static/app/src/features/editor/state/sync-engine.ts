/**
 * Keeps one macro's map in step with the server: sends pending ops in batches
 * (`{baseVersion, ops}`), polls `map/version` every few seconds while the tab is visible, merges
 * remote changes under the pending ops, retries failures with backoff, and mirrors unsent ops
 * to storage so nothing is lost on a reload.
 */
import type { MapAddress } from '@contract';
import type { Transport } from '../../../bridge/transport';
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
  pollMs: number;
  debounceMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
};

/** Defaults: edits by others appear within 3 s + one round trip. */
export const DEFAULT_TIMING: SyncTiming = {
  pollMs: 3_000,
  debounceMs: 250,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
};

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
  private unsubscribe: (() => void) | null = null;
  private unwatchVisibility: (() => void) | null = null;
  private sending = false;
  private polling = false;
  private stopped = true;
  private lastPersisted: unknown = null;
  private lastMarker: string | null = null;

  constructor(args: {
    store: EditorStore;
    transport: Transport;
    address: MapAddress;
    pendingStore: PendingStore;
    env: SyncEnvironment;
    timing?: Partial<SyncTiming>;
  }) {
    this.store = args.store;
    this.transport = args.transport;
    this.address = args.address;
    this.pendingStore = args.pendingStore;
    this.env = args.env;
    this.timing = { ...DEFAULT_TIMING, ...args.timing };
  }

  /** Starts persisting, sending and polling. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.store.subscribe(() => this.onChange());
    this.unwatchVisibility = this.env.onVisibilityChange(() => {
      if (!this.env.isHidden()) {
        void this.pollNow();
        this.scheduleFlush(0);
      }
    });
    this.onChange();
    this.schedulePoll();
  }

  /** Stops timers and listeners; unsent ops stay in storage. */
  stop(): void {
    this.stopped = true;
    this.cancelFlush?.();
    this.cancelPoll?.();
    this.unsubscribe?.();
    this.unwatchVisibility?.();
    this.cancelFlush = this.cancelPoll = this.unsubscribe = this.unwatchVisibility = null;
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
          this.store.dispatch({
            type: 'sendOk',
            map: res.data.map,
            version: res.data.version,
            dropped: res.data.dropped,
            overwritten: res.data.overwritten,
          });
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

  /** Asks for the server's version and merges a newer map in. */
  async pollNow(force = false): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      const known = this.store.getState().version;
      if (!force) {
        const v = await this.transport.call('map/version', this.address);
        if (!v.ok || v.data.version <= known) return;
      }
      if (this.sending) return; // the save's answer carries the newer map anyway
      const loaded = await this.transport.call('map/load', this.address);
      if (this.stopped || !loaded.ok || !loaded.data.map || this.sending) return;
      this.store.dispatch({
        type: 'remote',
        map: loaded.data.map,
        version: loaded.data.version,
        capabilities: loaded.data.capabilities,
      });
    } finally {
      this.polling = false;
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
      this.scheduleFlush(state.failures ? this.backoff(state.failures) : this.timing.debounceMs);
    }
  }

  private scheduleFlush(ms: number): void {
    if (this.stopped) return;
    this.cancelFlush?.();
    this.cancelFlush = this.env.setTimer(() => {
      this.cancelFlush = null;
      void this.flush();
    }, ms);
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.cancelPoll = this.env.setTimer(() => {
      const run = this.env.isHidden() ? Promise.resolve() : this.pollNow();
      void run.finally(() => this.schedulePoll());
    }, this.timing.pollMs);
  }

  private backoff(failures: number): number {
    const exp = this.timing.retryBaseMs * 2 ** Math.max(0, failures - 1);
    return Math.min(this.timing.retryMaxMs, exp);
  }
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
