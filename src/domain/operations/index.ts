/**
 * Public surface of the operations: apply, undo/redo history and rebase.
 */
export { apply, applyAll } from './apply';
export type { ApplyAllResult, ApplyResult, DroppedOp } from './apply';
export { cardCellIndex } from './apply-cards';
export {
  canRedo,
  canUndo,
  coalesceKey,
  COALESCE_WINDOW_MS,
  createHistory,
  record,
  redo,
  undo,
} from './history';
export type { History, HistoryEntry } from './history';
export type * from './op-types';
export { changedFields, reapply, rebase } from './rebase';
export type { RebaseResult } from './rebase';
