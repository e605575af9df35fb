/**
 * CQL's view of content properties, which on a real site lags behind writes: Confluence indexes
 * a content property asynchronously, so a page whose summary was just written is found by CQL
 * only seconds later. With a lag of 0 (the default in tests) search reads the store directly;
 * with a lag, a property write becomes searchable `lagMs` (wall-clock) after it was made, and
 * until then search sees the value indexed before (or none, for a new property).
 */

type Pending = { value: unknown; dueAt: number };

/** The delayed property index of one emulator. */
export class SearchIndex {
  private lagMs: number;
  /** Values search sees, per `ownerId|key`, for properties written through the API with a lag. */
  private readonly indexed = new Map<string, { value: unknown }>();
  private readonly pending = new Map<string, Pending[]>();

  constructor(
    lagMs = 0,
    private readonly clock: () => number = Date.now,
  ) {
    this.lagMs = Math.max(0, lagMs);
  }

  /** The indexing delay in milliseconds (0: searchable at once). */
  get lag(): number {
    return this.lagMs;
  }

  /** Changes the delay; what is pending keeps its due time. */
  setLag(ms: number): void {
    this.lagMs = Math.max(0, ms);
  }

  /** Records a write (`undefined`: deleted) made through the REST API. */
  changed(ownerId: string, key: string, value: unknown, previous: unknown): void {
    if (this.lagMs === 0 && !this.pending.size) return;
    const k = `${ownerId}|${key}`;
    // The first write seen with a lag: search still has what was there before it.
    if (!this.indexed.has(k)) this.indexed.set(k, { value: previous });
    const list = this.pending.get(k) ?? [];
    list.push({ value, dueAt: this.clock() + this.lagMs });
    this.pending.set(k, list);
  }

  /** What search sees for a property whose stored value is `stored`. */
  valueOf(ownerId: string, key: string, stored: unknown): unknown {
    const k = `${ownerId}|${key}`;
    const list = this.pending.get(k);
    if (list) {
      const now = this.clock();
      while (list.length > 0 && (list[0]?.dueAt ?? Infinity) <= now) {
        this.indexed.set(k, { value: list.shift()?.value });
      }
      if (list.length === 0) this.pending.delete(k);
    }
    const seen = this.indexed.get(k);
    if (!seen) return stored;
    if (!this.pending.has(k)) this.indexed.delete(k);
    return seen.value;
  }

  /** Forgets everything pending (reset). */
  clear(): void {
    this.indexed.clear();
    this.pending.clear();
  }
}
