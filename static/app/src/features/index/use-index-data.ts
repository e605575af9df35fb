/**
 * Loads every map of the space through `index/list`, following the cursor (1,000 pages per
 * call) and showing what arrived so far while the rest loads.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IndexEntry, ResolverError } from '@contract';
import { call } from '../../bridge/client';

/** What the screen knows about the space's maps. */
export type IndexData = {
  entries: IndexEntry[];
  /** True until the last page has arrived. */
  loading: boolean;
  error: ResolverError | null;
  hiddenMaps: number;
  reload: () => void;
};

/** The space's maps, loaded page by page. */
export function useIndexData(spaceKey: string | null): IndexData {
  const [entries, setEntries] = useState<IndexEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ResolverError | null>(null);
  const [hiddenMaps, setHiddenMaps] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const run = useRef(0);

  useEffect(() => {
    const id = ++run.current;
    const live = (): boolean => run.current === id;
    setEntries([]);
    setHiddenMaps(0);
    setError(null);
    setLoading(true);
    if (!spaceKey) {
      setError({ code: 'NOT_FOUND', message: 'This page is not inside a Confluence space.' });
      setLoading(false);
      return;
    }
    void (async () => {
      let cursor: string | undefined;
      do {
        const result = await call('index/list', { spaceKey, ...(cursor ? { cursor } : {}) });
        if (!live()) return;
        if (!result.ok) {
          setError(result.error);
          break;
        }
        const page = result.data;
        setEntries((prev) => [...prev, ...page.entries]);
        setHiddenMaps((prev) => prev + page.hiddenMaps);
        cursor = page.cursor;
      } while (cursor);
      if (live()) setLoading(false);
    })();
    return () => {
      run.current++;
    };
  }, [spaceKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { entries, loading, error, hiddenMaps, reload };
}
