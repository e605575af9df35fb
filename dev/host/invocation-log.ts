/**
 * The function invocations the host ran (the bridge's `invoke`), by resolver key: what Forge
 * bills per call, so budgets count them (bench live suite, e2e) beside the emulator's REST log.
 */

/** One invocation: the resolver key and when it started (ms since epoch). */
export type Invocation = { key: string; at: number };

/** An in-memory log of invocations, newest last (bounded). */
export class InvocationLog {
  private list: Invocation[] = [];

  /** Records one invocation of `key`. */
  add(key: string, at = Date.now()): void {
    this.list.push({ key, at });
    if (this.list.length > 50_000) this.list.splice(0, 10_000);
  }

  /** A copy of all entries (optionally only one key's). */
  entries(key?: string): Invocation[] {
    return key === undefined ? [...this.list] : this.list.filter((e) => e.key === key);
  }

  /** Drops all entries. */
  clear(): void {
    this.list = [];
  }
}
