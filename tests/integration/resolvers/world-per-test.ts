/** The usual lifecycle of an integration file: a fresh world for each test, closed after it. */
import { afterEach, beforeEach } from 'vitest';
import type { World } from './harness';
import { createWorld } from './harness';

/** Creates a world before each test (handed to `use`) and closes it after the test. */
export function worldPerTest(use: (world: World) => void): void {
  let current: World | undefined;
  beforeEach(async () => {
    current = await createWorld();
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}
