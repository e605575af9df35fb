/**
 * Installs the ONE `__bridge` dispatcher before anything imports `@forge/bridge` (its modules
 * capture `callBridge` at import time); each test world swaps the handler behind it.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

type BridgeHandler = (cmd: string, payload: unknown) => Promise<unknown>;

const unset: BridgeHandler = (cmd) =>
  Promise.reject(new Error(`No component world is running (bridge command "${cmd}").`));
let current: BridgeHandler = unset;

declare global {
  var __bridge: { callBridge: BridgeHandler } | undefined;
  var __componentBridge: { use(handler: BridgeHandler | null): void } | undefined;
}

globalThis.__bridge = { callBridge: (cmd, payload) => current(cmd, payload) };
globalThis.__componentBridge = {
  use(handler) {
    current = handler ?? unset;
  },
};

afterEach(() => {
  cleanup();
  // Each test is a new frame: no context or map/load left started by the last one (0057).
  delete (globalThis as { __jmEarly?: unknown }).__jmEarly;
});
