/**
 * Decision branches as tracks (issue 15): after a decision step, each of its paths is a parallel
 * track across the step columns that follow; the steps on a path sit on its track, and the first
 * step on no path is where the tracks rejoin. Pure: one pass over the columns in journey order.
 */
import type { Column } from './grid-model';

/** The tracks a step column draws. */
export type Track = {
  /** The open decision's paths, in order (track i is drawn at height i). */
  paths: readonly { id: string; label: string }[];
  /** fork: the decision step; on: a step on track `active`; rejoin: the tracks meet again. */
  role: 'fork' | 'on' | 'rejoin';
  /** The track this step is on (role 'on'), else -1. */
  active: number;
  /** True on the first step of a run on a track (where its label is written). */
  starts: boolean;
};

/** Track of each column (same order as `columns`); null where no decision is open. */
export function decisionTracks(columns: readonly Column[]): (Track | null)[] {
  let open: Track['paths'] | null = null;
  let last = -1;
  return columns.map((col) => {
    if (col.kind !== 'step') return null;
    const { step } = col;
    if (step.kind === 'decision' && step.paths.length > 0) {
      open = step.paths.map((p) => ({ id: p.id, label: p.label }));
      last = -1;
      return { paths: open, role: 'fork', active: -1, starts: false };
    }
    if (!open) return null;
    const at = step.pathId ? open.findIndex((p) => p.id === step.pathId) : -1;
    if (at === -1) {
      const paths = open;
      open = null;
      return { paths, role: 'rejoin', active: -1, starts: false };
    }
    const starts = at !== last;
    last = at;
    return { paths: open, role: 'on', active: at, starts };
  });
}
