/**
 * A door to a lazily loaded chunk: a component that renders nothing until the chunk has arrived,
 * so what sits behind it stays out of the macro's initial JS.
 */
import { Suspense, lazy, type ComponentType } from 'react';

/** A prop-less component that loads `load`'s component on first render (no fallback shown). */
export function lazyDoor(load: () => Promise<ComponentType>): ComponentType {
  const Behind = lazy(() => load().then((component) => ({ default: component })));
  return function LazyDoor() {
    return (
      <Suspense fallback={null}>
        <Behind />
      </Suspense>
    );
  };
}
