/** Fault injection: canned 409/429/500 answers and added latency, for resilience tests. */

/** One injected fault: the next `count` matching requests fail with `status`. */
export type FaultSpec = {
  /** 409 imitates a version conflict (another writer won), answered before the write is done. */
  status: 409 | 429 | 500;
  count: number;
  retryAfterSeconds?: number;
  match?: { method?: string; pathPrefix?: string };
  /**
   * Carry the request out first, then answer with `status`: the write committed but its answer
   * was lost (a timeout, a dropped connection, a function killed right after the PUT).
   */
  afterCommit?: boolean;
};

/** Controls for injected faults. */
export type Faults = {
  inject(spec: FaultSpec): void;
  latency(ms: number): void;
  clear(): void;
};

/** The fault controller with the hooks `handle()` needs. */
export class FaultController implements Faults {
  private queue: FaultSpec[] = [];
  private latencyMs = 0;

  /** Queues a fault. */
  inject(spec: FaultSpec): void {
    if (spec.count > 0) this.queue.push({ ...spec });
  }

  /** Delays every request by `ms`. */
  latency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  /** Removes all faults and latency. */
  clear(): void {
    this.queue = [];
    this.latencyMs = 0;
  }

  /** Waits the configured latency. */
  async delay(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
  }

  /** Consumes and returns the first fault matching this request, if any. */
  take(method: string, path: string): FaultSpec | undefined {
    const i = this.queue.findIndex(
      (f) =>
        (!f.match?.method || f.match.method.toUpperCase() === method.toUpperCase()) &&
        (!f.match?.pathPrefix || path.startsWith(f.match.pathPrefix)),
    );
    const fault = this.queue[i];
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.queue.splice(i, 1);
    return fault;
  }
}
