/**
 * Public surface of the operations: apply, the op definitions, undo/redo history and the field
 * diff the server records with each save.
 */
export { apply, applyAll } from './apply';
export type { ApplyAllResult, ApplyResult, DroppedOp } from './apply';
export { changedFields } from './changed-fields';
export { defineOp } from './define-op';
export type { OpDefinition } from './define-op';
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
export { definitionOf, OP_DEFINITIONS, OP_TYPES, opSchema } from './registry';
