/**
 * A value store read one frame late: the grid pins the card being edited to its rendered window,
 * but a card starts and stops being edited in view, so the whole grid need not re-render inside
 * the frame of the key that did it (Enter's input-to-paint budget, docs/PERFORMANCE.md). The pin follows
 * right after that frame is painted.
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../after-next-paint';
import type { ValueStore } from '../value-store';

/** The store's current value, updated after the next paint instead of synchronously. */
export function useDeferredValueStore<T>(store: ValueStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    let cancel = (): void => {};
    const sync = () => {
      cancel();
      cancel = afterNextPaint(() => setValue(() => store.get()));
    };
    const unsubscribe = store.subscribe(sync);
    // A change between render and subscribing is picked up the same way, one frame late.
    sync();
    return () => {
      unsubscribe();
      cancel();
    };
  }, [store]);
  return value;
}
