/**
 * Shared fixtures for the UI state tests: real template maps, a fake resolver server that runs
 * the real domain ops, manual timers and an in-memory storage.
 */
import type { JourneyMap } from '../../../src/domain/model/schema';
import { applyAll } from '../../../src/domain/operations/apply';
import type { Op } from '../../../src/domain/operations/op-types';
import { createFromTemplate } from '../../../src/domain/templates';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../src/resolvers/contract';
import type { Transport } from '../../../static/app/src/bridge/transport';
import type { KeyValueStorage } from '../../../static/app/src/features/editor/state/pending-store';
import type { SyncEnvironment } from '../../../static/app/src/features/editor/state/sync-engine';

/** A worked-example map with deterministic ids. */
export function workedExample(): JourneyMap {
  let n = 0;
  return createFromTemplate({
    template: 'worked-example',
    newId: () => `id${++n}`,
    today: '2026-01-15',
  });
}

/** The first lane of a type and the first step, for building ops. */
export function firstCell(map: JourneyMap, laneType: JourneyMap['lanes'][number]['type']) {
  const lane = map.lanes.find((l) => l.type === laneType);
  const step = map.steps[0];
  if (!lane || !step) throw new Error('template without lanes or steps');
  return { lane, step };
}

/** A fake resolver backend over the real `applyAll`, with failure injection. */
export class FakeServer implements Transport {
  map: JourneyMap;
  version = 1;
  calls: { key: ResolverKey; payload: unknown }[] = [];
  /** Answers the next `map/apply` calls with this error code, then works again. */
  failApply: { code: 'SERVER_ERROR' | 'FORBIDDEN' | 'INVALID_INPUT'; times: number } | null = null;
  /** The next `map/apply` calls are applied, then answered SERVER_ERROR (the answer is lost). */
  loseAnswers = 0;
  /** Batch ids applied, with their version: a resend is answered, not applied (as the server). */
  private batches = new Map<string, number>();
  /** The op log (as a chunked head keeps it): every save after `logBase`, oldest first. */
  log: { version: number; ops: Op[]; updatedAt: string | null }[] = [];
  logBase = 1;

  constructor(map: JourneyMap) {
    this.map = map;
  }

  /** Another person's edit, straight on the server. */
  remoteEdit(ops: Parameters<typeof applyAll>[1]): void {
    this.map = applyAll(this.map, ops).map;
    this.version += 1;
    this.log.push({ version: this.version, ops: [...ops], updatedAt: this.map.updatedAt });
  }

  /** A save that wrote a new base: the log starts again here (older versions must load). */
  compact(): void {
    this.log = [];
    this.logBase = this.version;
  }

  call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
    this.calls.push({ key, payload: structuredClone(payload) });
    return Promise.resolve(this.answer(key, payload) as ResultOf<K>);
  }

  private answer(key: ResolverKey, payload: unknown): unknown {
    switch (key) {
      case 'map/load':
        return {
          ok: true,
          data: {
            map: this.map,
            version: this.version,
            capabilities: { canEdit: true },
            repairs: [],
          },
        };
      case 'map/version':
        return { ok: true, data: { version: this.version } };
      case 'map/opsSince': {
        const { sinceVersion } = payload as PayloadOf<'map/opsSince'>;
        const reaches = sinceVersion >= this.logBase && sinceVersion <= this.version;
        const saves = reaches ? this.log.filter((s) => s.version > sinceVersion) : null;
        return { ok: true, data: { version: this.version, saves } };
      }
      case 'map/apply': {
        if (this.failApply && this.failApply.times > 0) {
          this.failApply.times -= 1;
          return { ok: false, error: { code: this.failApply.code, message: 'injected failure' } };
        }
        const { ops, batchId, baseVersion } = payload as PayloadOf<'map/apply'>;
        // As the server: the change since the base when nobody saved in between, else the map.
        const rebased = baseVersion !== this.version;
        if (this.batches.has(batchId)) {
          return {
            ok: true,
            data: {
              map: this.map,
              change: null,
              version: this.version,
              dropped: [],
              rebased: false,
              overwritten: [],
            },
          };
        }
        const result = applyAll(this.map, ops);
        this.map = result.map;
        this.version += 1;
        const kept = keptOps(ops, result.dropped);
        this.log.push({ version: this.version, ops: kept, updatedAt: this.map.updatedAt });
        this.batches.set(batchId, this.version);
        if (this.loseAnswers > 0) {
          this.loseAnswers -= 1;
          return { ok: false, error: { code: 'SERVER_ERROR', message: 'answer lost' } };
        }
        return {
          ok: true,
          data: {
            ...(rebased
              ? { map: this.map, change: null }
              : { map: null, change: { ops: keptOps(ops, result.dropped), updatedAt: null } }),
            version: this.version,
            dropped: result.dropped,
            rebased,
            overwritten: [],
          },
        };
      }
      default:
        return { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${key}` } };
    }
  }
}

/** The ops of a batch that were applied (as the server's `change` lists them). */
function keptOps(ops: Op[], dropped: { index: number }[]): Op[] {
  const gone = new Set(dropped.map((d) => d.index));
  return ops.filter((_, i) => !gone.has(i));
}

/** Timers advanced by hand. */
export class ManualEnv implements SyncEnvironment {
  time = 0;
  hidden = false;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  private visibility = new Set<() => void>();

  setTimer(fn: () => void, ms: number): () => void {
    const id = ++this.seq;
    this.timers.push({ at: this.time + ms, fn, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }
  isHidden(): boolean {
    return this.hidden;
  }
  onVisibilityChange(fn: () => void): () => void {
    this.visibility.add(fn);
    return () => this.visibility.delete(fn);
  }
  now(): Date {
    return new Date(Date.UTC(2026, 0, 15) + this.time);
  }
  /** Runs due timers up to `ms` from now, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
    await settle();
  }
  /** Number of scheduled timers. */
  pending(): number {
    return this.timers.length;
  }
}

/** In-memory Web Storage. */
export class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
