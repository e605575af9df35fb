/** Loads `page/maps` for the page a page-level module is on. */
import { useEffect, useState } from 'react';
import type { PageMaps, ResolverError } from '@contract';
import { call } from '../../bridge/client';

/** Loading, the page's maps, or the error to show. */
export type PageMapsState =
  | { status: 'loading' }
  | { status: 'ready'; data: PageMaps }
  | { status: 'error'; error: ResolverError };

/** The page's maps, read once when the module opens. */
export function usePageMaps(pageId: string): PageMapsState {
  const [state, setState] = useState<PageMapsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void call('page/maps', { pageId }).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { status: 'ready', data: result.data }
          : { status: 'error', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [pageId]);
  return state;
}
