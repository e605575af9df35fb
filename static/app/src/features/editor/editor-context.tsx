/**
 * What every editor component reaches through context: the store, the sync engine, id
 * generation and the live-region announcer. Components read slices with `useEditor`.
 */
import type { DraftStore } from './state/draft-store';
import type { PresenceChannel } from './presence/presence-channel';
import type { ValueStore } from './value-store';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Op } from '@domain/operations/op-types';
import type { MapAddress, PhotoInfo } from '@contract';
import type { Transport } from '../../bridge/transport';
import type { EditorState } from './state/editor-state';
import type { EditorStore } from './state/editor-store';
import type { SyncEngine } from './state/sync-engine';

/** The editor's shared services. */
export type EditorServices = {
  store: EditorStore;
  engine: SyncEngine;
  newId: (prefix: string) => string;
  announce: (message: string) => void;
  /** Image attachments of the page (persona photo picker). */
  listPhotos: () => Promise<PhotoInfo[]>;
  /** An object URL for an attachment, or null when it cannot be fetched. */
  photoUrl: (photo: PhotoInfo) => Promise<string | null>;
  /** Today as `YYYY-MM-DD` in the viewer's zone. */
  today: () => string;
  /** The macro instance being edited (session photos, write-up). */
  address: MapAddress;
  /** The resolver transport (write-up generation). */
  transport: Transport;
  /** Text being typed, kept as typed (survives a reload; see draft-store.ts). */
  drafts: DraftStore;
  /** Who else has the map open (null until this viewer's name is known, or without Realtime). */
  presence: ValueStore<PresenceChannel | null>;
};

/** Context carrying the editor services. */
export const EditorContext = createContext<EditorServices | null>(null);

/** The editor services; throws outside an editor. */
export function useServices(): EditorServices {
  const services = useContext(EditorContext);
  if (!services) throw new Error('useServices outside <EditorContext>');
  return services;
}

/** Subscribes to one slice of the editor state (re-renders only when it changes). */
export function useEditor<T>(select: (state: EditorState) => T): T {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** A stable function that records an undoable edit. */
export function useEdit(): (ops: Op[]) => void {
  const { store } = useServices();
  return useCallback((ops: Op[]) => store.dispatch({ type: 'edit', ops }), [store]);
}

/** Whether the viewer may edit. */
export function useCanEdit(): boolean {
  return useEditor((s) => s.capabilities.canEdit);
}
