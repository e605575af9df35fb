/**
 * Loads every map of the space through `index/list`, following the cursor (1,000 pages per
 * call) and showing what arrived so far while the rest loads.
 */
import { useCallback, useEffect, useState } from 'react';
import type { IndexEntry, ResolverError } from '@contract';
import { call } from '../../bridge/client';
import { translateNow } from '../../i18n/i18n-context';

/** What the screen knows about the space's maps. */
export type IndexData = {
  entries: IndexEntry[];
  /** True until the last page has arrived. */
  loading: boolean;
  error: ResolverError | null;
  hiddenMaps: number;
  /** When the entries last changed: one clock reading per page keeps relative times steady. */
  at: Date;
  reload: () => void;
};

// What one load (one space, one attempt) has received so far.
type Loaded = Omit<IndexData, 'reload'> & { key: string };

/** The space page outside a space (the message in the person's language). */
const notInSpace = (): ResolverError => ({
  code: 'NOT_FOUND',
  message: translateNow('index.notInSpace'),
});

function started(key: string): Loaded {
  return { key, entries: [], loading: true, error: null, hiddenMaps: 0, at: new Date(0) };
}

/** The space's maps, loaded page by page. */
export function useIndexData(spaceKey: string | null): IndexData {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}:${spaceKey ?? ''}`;
  const [loaded, setLoaded] = useState<Loaded>(() => started(key));

  useEffect(() => {
    if (!spaceKey) return;
    let live = true;
    // Updates land on this load's state; a state left from an earlier load starts over.
    const update = (change: (l: Loaded) => Partial<Loaded>) =>
      setLoaded((prev) => {
        const base = prev.key === key ? prev : started(key);
        return { ...base, ...change(base) };
      });
    void (async () => {
      let cursor: string | undefined;
      do {
        const result = await call('index/list', { spaceKey, ...(cursor ? { cursor } : {}) });
        if (!live) return;
        if (!result.ok) {
          update(() => ({ error: result.error, loading: false }));
          return;
        }
        const page = result.data;
        update((l) => ({
          entries: [...l.entries, ...page.entries],
          hiddenMaps: l.hiddenMaps + page.hiddenMaps,
          at: new Date(),
        }));
        cursor = page.cursor;
      } while (cursor);
      update(() => ({ loading: false }));
    })();
    return () => {
      live = false;
    };
  }, [spaceKey, key]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  if (!spaceKey) return { ...started(key), loading: false, error: notInSpace(), reload };
  const current = loaded.key === key ? loaded : started(key);
  return {
    entries: current.entries,
    loading: current.loading,
    error: current.error,
    hiddenMaps: current.hiddenMaps,
    at: current.at,
    reload,
  };
}
