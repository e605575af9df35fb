/**
 * Unsent ops survive a reload: they are kept in localStorage per person and macro instance until
 * the server confirms them (on a shared browser the next person never sends someone else's ops
 * as their own).
 */
import type { Op } from '@domain/operations/op-types';

/**
 * What is kept for one macro instance. `batch`: the first `count` ops were sent as batch `id`
 * (maybe applied, the answer lost); after a reload they are resent with that id, as they were.
 */
export type StoredPending = {
  baseVersion: number;
  ops: Op[];
  savedAt: string;
  batch?: { id: string; count: number };
};

/** Key-value storage with the subset of the Web Storage API used here. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads and writes the unsent ops of one map. */
export type PendingStore = {
  load: () => StoredPending | null;
  save: (value: StoredPending) => boolean;
  clear: () => void;
};

/** The storage key of one person's unsent ops in a macro instance. */
export function pendingKey(args: { accountId: string; pageId: string; localId: string }): string {
  return `cjm:pending:${args.accountId}:${args.pageId}:${args.localId}`;
}

/** A pending store over Web Storage; a full or missing storage degrades to memory only. */
export function createPendingStore(args: {
  storage: KeyValueStorage | null;
  /** Whose ops: the viewer (`anonymous` without one). */
  accountId: string;
  pageId: string;
  localId: string;
}): PendingStore {
  const key = pendingKey(args);
  const storage = args.storage;
  return {
    load() {
      if (!storage) return null;
      try {
        const raw = storage.getItem(key);
        if (!raw) return null;
        const parsed: unknown = JSON.parse(raw);
        return isStoredPending(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(value) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Storage can be unavailable in sandboxed frames; nothing left to clear then.
      }
    },
  };
}

/** The browser's localStorage, or null where the frame may not use it. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

// Ops are re-validated by the server (zod) before they touch the map; here only the envelope.
function isStoredPending(value: unknown): value is StoredPending {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredPending>;
  const batch = v.batch;
  return (
    (batch === undefined ||
      (typeof batch === 'object' &&
        batch !== null &&
        typeof batch.id === 'string' &&
        /^[A-Za-z0-9_-]{8,64}$/.test(batch.id) &&
        Number.isInteger(batch.count))) &&
    typeof v.baseVersion === 'number' &&
    Array.isArray(v.ops) &&
    v.ops.every((op) => typeof op === 'object' && op !== null && typeof op.type === 'string')
  );
}
