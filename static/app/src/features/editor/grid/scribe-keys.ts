/**
 * The keys of scribe mode (pure): what a keydown in a focused cell or its draft means, and which
 * lane Tab / Shift+Tab lead to.
 */
import type { Lane } from '@domain/model/schema';
import { LANE_INFO } from '../labels';

/** The key facts scribe mode looks at. */
export type ScribeKey = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

/** What a key does in scribe mode. */
export type ScribeAction =
  | { kind: 'start'; text: string }
  | { kind: 'commit' }
  | { kind: 'cancel' }
  | { kind: 'lane'; dir: 1 | -1 }
  | null;

/**
 * The action of a key: on a focused cell (`drafting` false) a printable character starts a
 * draft; in the draft Enter commits and Escape cancels (Shift+Enter stays a new line); Tab and
 * Shift+Tab go to the next / previous lane in both. Shortcuts (Ctrl, Cmd, Alt) are left alone.
 */
export function scribeAction(e: ScribeKey, drafting: boolean): ScribeAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Tab') return { kind: 'lane', dir: e.shiftKey ? -1 : 1 };
  if (drafting) {
    if (e.key === 'Enter' && !e.shiftKey) return { kind: 'commit' };
    if (e.key === 'Escape') return { kind: 'cancel' };
    return null;
  }
  // A space on a cell is not text yet (and Space picks a card up elsewhere in the grid).
  if (e.key.length === 1 && e.key !== ' ') return { kind: 'start', text: e.key };
  return null;
}

/** The index in `rows` of the next lane (in `dir`) that holds cards, or null at the edge. */
export function nextCardLane(rows: readonly Lane[], from: number, dir: 1 | -1): number | null {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) {
    const lane = rows[i];
    if (lane && LANE_INFO[lane.type].cardKind !== null) return i;
  }
  return null;
}
