/** The linked work's statuses for the editor's map (see work-status-store.ts). */
import { useSyncExternalStore } from 'react';
import type { WorkStatuses } from '@contract';
import { useServices } from '../editor-context';
import type { WorkStatusStore } from './work-status-store';
import { workStatusStore } from './work-status-store';

/** The store and its current value. */
export function useWorkStatuses(): { statuses: WorkStatuses | null; store: WorkStatusStore } {
  const { transport, address } = useServices();
  const store = workStatusStore(transport, address);
  const statuses = useSyncExternalStore(store.subscribe, store.get);
  return { statuses, store };
}
