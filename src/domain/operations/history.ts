/**
 * A pure undo/redo stack. Each entry holds the ops a local gesture applied and the ops that undo
 * them. Consecutive edits of the same text field (typing) coalesce into one entry; remote
 * (rebased) changes never enter the stack, since undo must only take back one's own work.
 */
import type { Op } from './op-types';

/** One undoable step. */
export type HistoryEntry = {
  /** Ops that redo the step. */
  ops: Op[];
  /** Ops that undo the step, in application order. */
  inverse: Op[];
  /** Text field the step edits, when it is a typing step that may coalesce. */
  key: string | null;
  /** When the step was (last) recorded, from the injected clock; null if unknown. */
  at: number | null;
};

/** The undo (`past`) and redo (`future`) stacks; the newest entry is last. */
export type History = { past: HistoryEntry[]; future: HistoryEntry[]; limit: number };

/** Typing pauses longer than this start a new undo step. */
export const COALESCE_WINDOW_MS = 1_500;

/** An empty history keeping at most `limit` undo steps. */
export function createHistory(limit = 100): History {
  return { past: [], future: [], limit };
}

/** The text field a single-op batch edits (e.g. `card/edit:c1:text`), or null. */
export function coalesceKey(ops: readonly Op[]): string | null {
  if (ops.length !== 1) return null;
  const op = ops[0];
  if (op === undefined) return null;
  const only = (patch: object): string | null => {
    const keys = Object.keys(patch).filter(
      (k) => (patch as Record<string, unknown>)[k] !== undefined,
    );
    return keys.length === 1 ? (keys[0] ?? null) : null;
  };
  switch (op.type) {
    case 'map/setTitle':
    case 'map/setOwningTeam':
      return op.type;
    case 'map/setScope':
    case 'persona/set':
    case 'session/setAnalysis': {
      const key = only(op.patch);
      return key === null ? null : `${op.type}:${key}`;
    }
    case 'backStory/set': {
      const key = only({ topGoal: op.topGoal, story: op.story });
      return key === null ? null : `${op.type}:${key}`;
    }
    case 'backStory/editSticky':
      return `${op.type}:${op.list}:${op.id}`;
    case 'stage/rename':
    case 'step/rename':
    case 'lane/rename':
      return `${op.type}:${op.id}`;
    case 'step/renamePath':
      return `${op.type}:${op.id}:${op.pathId}`;
    case 'card/edit': {
      const key = only(op.patch);
      if (key === 'text') return `${op.type}:${op.id}:text`;
      if (key === 'evidence' && op.patch.evidence && only(op.patch.evidence) === 'quote') {
        return `${op.type}:${op.id}:quote`;
      }
      return null;
    }
    case 'session/set':
      return op.notes !== undefined && op.date === undefined && op.votesPerPerson === undefined
        ? `${op.type}:notes`
        : null;
    case 'session/editPhoto':
      return op.caption !== undefined && op.stepId === undefined
        ? `${op.type}:${op.attachmentId}`
        : null;
    default:
      return null;
  }
}

/**
 * Records applied ops and their inverse. Remote changes and no-ops (empty inverse) are not
 * recorded. A typing step within `windowMs` of the previous one on the same field joins it:
 * redo keeps the newest ops, undo the oldest inverse (the text before typing began).
 */
export function record(
  history: History,
  entry: { ops: readonly Op[]; inverse: readonly Op[]; origin?: 'local' | 'remote'; at?: number },
  windowMs = COALESCE_WINDOW_MS,
): History {
  if (entry.origin === 'remote' || entry.inverse.length === 0) return history;
  const key = coalesceKey(entry.ops);
  const at = entry.at ?? null;
  const last = history.past[history.past.length - 1];
  const recent = last?.at == null || at === null || at - last.at <= windowMs;
  if (last !== undefined && key !== null && last.key === key && recent) {
    const merged: HistoryEntry = { ops: [...entry.ops], inverse: last.inverse, key, at };
    return { ...history, past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const next: HistoryEntry = { ops: [...entry.ops], inverse: [...entry.inverse], key, at };
  const past = [...history.past, next];
  return { ...history, past: past.slice(Math.max(0, past.length - history.limit)), future: [] };
}

/** The ops that undo the newest step, and the history after it; null when nothing to undo. */
export function undo(history: History): { history: History; ops: Op[] } | null {
  const last = history.past[history.past.length - 1];
  if (last === undefined) return null;
  // A step undone is closed: typing after an undo starts a new step.
  const closed = { ...last, key: null };
  return {
    history: { ...history, past: history.past.slice(0, -1), future: [...history.future, closed] },
    ops: last.inverse,
  };
}

/** The ops that redo the last undone step, and the history after it; null when nothing to redo. */
export function redo(history: History): { history: History; ops: Op[] } | null {
  const next = history.future[history.future.length - 1];
  if (next === undefined) return null;
  return {
    history: { ...history, past: [...history.past, next], future: history.future.slice(0, -1) },
    ops: next.ops,
  };
}

/** True when there is a step to undo. */
export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

/** True when there is a step to redo. */
export function canRedo(history: History): boolean {
  return history.future.length > 0;
}
