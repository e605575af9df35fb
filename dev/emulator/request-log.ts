/** The request log: what was called, by whom, and how it ended (for call-budget tests). */
import type { Principal } from './types';

/** One logged request. */
export type LogEntry = {
  method: string;
  path: string;
  query: string;
  route: string;
  status: number;
  principal: string;
  at: string;
};

/** Read/clear access to the log. */
export type RequestLog = {
  entries(): LogEntry[];
  clear(): void;
  count(route?: string): number;
};

/** Formats a principal for the log (`user:<id>`, `app`, `anonymous`). */
export function principalLabel(p: Principal): string {
  return p.kind === 'user' ? `user:${p.accountId}` : p.kind;
}

/** An in-memory request log. */
export class MemoryRequestLog implements RequestLog {
  private list: LogEntry[] = [];

  /** Appends an entry. */
  add(entry: LogEntry): void {
    this.list.push(entry);
    if (this.list.length > 50_000) this.list.splice(0, 10_000);
  }

  /** A copy of all entries. */
  entries(): LogEntry[] {
    return [...this.list];
  }

  /** Drops all entries. */
  clear(): void {
    this.list = [];
  }

  /** Number of entries (for one route name when given; faults count too). */
  count(route?: string): number {
    return route ? this.list.filter((e) => e.route === route).length : this.list.length;
  }
}
