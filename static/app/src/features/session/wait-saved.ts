/** Waits until the editor has no unsent or in-flight ops (the write-up must see the latest map). */
import type { EditorStore } from '../editor/state/editor-store';
import type { SyncEngine } from '../editor/state/sync-engine';

/** Flushes and waits; true when everything is saved, false when it gave up. */
export async function waitUntilSaved(args: {
  store: EditorStore;
  engine: Pick<SyncEngine, 'flush'>;
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}): Promise<boolean> {
  const { store, engine } = args;
  const sleep = args.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const attempts = args.attempts ?? 40;
  for (let n = 0; n < attempts; n++) {
    const s = store.getState();
    if (s.pending.length === 0 && s.inflight.length === 0) return true;
    if (!s.capabilities.canEdit) return false;
    await engine.flush();
    const after = store.getState();
    if (after.pending.length === 0 && after.inflight.length === 0) return true;
    await sleep(args.delayMs ?? 150);
  }
  return false;
}
