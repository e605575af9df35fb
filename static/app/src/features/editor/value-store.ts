/**
 * A minimal observable value for UI-only state (selection, keyboard move, zoom) that must not
 * live in the editor reducer, so changing it never re-renders the whole grid.
 */
import { useSyncExternalStore } from 'react';

/** An observable value. */
export type ValueStore<T> = {
  get: () => T;
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
};

/** Creates an observable value. */
export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a derived slice of a value store; re-renders only when the slice changes. */
export function useValue<T, S>(store: ValueStore<T>, select: (value: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
