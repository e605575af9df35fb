/**
 * A tiny external store around the editor reducer, read by React through
 * `useSyncExternalStore` so components subscribe to slices and only re-render on their change.
 */
import type { EditorAction, EditorState } from './editor-state';

/** Subscribe / read / dispatch for the editor state. */
export type EditorStore = {
  getState(): EditorState;
  dispatch(action: EditorAction): void;
  subscribe(listener: () => void): () => void;
};

/** Creates a store over a reducer and an initial state. */
export function createEditorStore(
  reducer: (state: EditorState, action: EditorAction) => EditorState,
  initial: EditorState,
): EditorStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
