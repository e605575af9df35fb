/**
 * The statuses of the map's linked Jira work, as this viewer sees them: ONE `jira/statuses` call
 * per load of the map (and after this viewer links or creates work). Kept in the browser only;
 * the backend keeps nothing between invocations.
 */
import type { MapAddress, WorkStatuses } from '@contract';
import type { WorkStatus } from '@domain/work-items';
import type { Transport } from '../../../bridge/transport';

/** A subscribable holder of the last answer. */
export type WorkStatusStore = {
  subscribe: (listener: () => void) => () => void;
  get: () => WorkStatuses | null;
  /** Asks again (after a create: the map with its link is saved before the answer). */
  refresh: () => void;
  /**
   * Adds statuses already read (a link's lookup): the link is not saved yet, so asking again
   * would not name it; nothing is merged into an answer that says Jira is unavailable.
   */
  merge: (items: readonly WorkStatus[]) => void;
};

const stores = new Map<string, WorkStatusStore>();

/** The store of one map (created, and loaded, on first use). */
export function workStatusStore(transport: Transport, address: MapAddress): WorkStatusStore {
  const id = `${address.pageId}/${address.localId}`;
  const existing = stores.get(id);
  if (existing) return existing;
  let value: WorkStatuses | null = null;
  const listeners = new Set<() => void>();
  const load = () => {
    void transport.call('jira/statuses', address).then((res) => {
      value = res.ok ? res.data : { available: false, reason: res.error.message };
      for (const l of listeners) l();
    });
  };
  const store: WorkStatusStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => value,
    refresh: load,
    merge(items) {
      if (value && !value.available) return;
      const keys = new Set(items.map((i) => i.key));
      const kept = value?.items.filter((i) => !keys.has(i.key)) ?? [];
      value = { available: true, items: [...kept, ...items] };
      for (const l of listeners) l();
    },
  };
  stores.set(id, store);
  load();
  return store;
}
