/**
 * The statuses of the Jira work the listed maps link: ONE `jira/spaceStatuses` call (one JQL
 * search) for the whole index once every page of maps has arrived, and again on `refresh`.
 */
import { useEffect, useMemo, useState } from 'react';
import type { WorkStatuses } from '@contract';
import type { WorkStatus } from '@domain/work-items/work-status';
import { call } from '../../bridge/client';
import type { IndexRow } from './index-model';
import { workKeysOf } from './index-model';

/** What the index knows of its maps' work. */
export type IndexWork = {
  statuses: WorkStatuses | null;
  byKey: ReadonlyMap<string, WorkStatus>;
};

/** Loads the statuses when `ready` (all maps listed); `attempt` asks again. */
export function useIndexWork(args: {
  spaceKey: string | null;
  rows: readonly IndexRow[];
  ready: boolean;
  attempt: number;
}): IndexWork {
  const keys = useMemo(() => workKeysOf(args.rows).join(' '), [args.rows]);
  const [statuses, setStatuses] = useState<WorkStatuses | null>(null);
  const { spaceKey, ready, attempt } = args;
  useEffect(() => {
    if (!spaceKey || !ready || !keys) return;
    let live = true;
    void call('jira/spaceStatuses', { spaceKey, keys: keys.split(' ') }).then((res) => {
      if (live) setStatuses(res.ok ? res.data : { available: false, reason: res.error.message });
    });
    return () => {
      live = false;
    };
  }, [spaceKey, ready, keys, attempt]);
  const byKey = useMemo(
    () => new Map(statuses?.available ? statuses.items.map((s) => [s.key, s]) : []),
    [statuses],
  );
  return { statuses: keys ? statuses : null, byKey };
}
