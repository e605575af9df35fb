/**
 * A tiny external store around the editor reducer, read by React through
 * `useSyncExternalStore` so components subscribe to slices and only re-render on their change.
 */
import type { EditorAction, EditorState } from './editor-state';

/** Subscribe / read / dispatch for the editor state. */
export type EditorStore = {
  getState: () => EditorState;
  dispatch: (action: EditorAction) => void;
  subscribe: (listener: () => void) => () => void;
};

/** Creates a store over a reducer and an initial state. */
export function createEditorStore(
  reducer: (state: EditorState, action: EditorAction) => EditorState,
  initial: EditorState,
  now: () => number = () => Date.now(),
): EditorStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      // Edits are stamped here so the reducer stays pure (typing coalesces by time).
      const stamped =
        action.type === 'edit' && action.at === undefined ? { ...action, at: now() } : action;
      const next = reducer(state, stamped);
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
