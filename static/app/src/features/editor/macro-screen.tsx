/**
 * The journey-map macro: loads the map of this macro instance, then shows the insert picker
 * (no map yet), the editor (read-only when the viewer cannot edit the page), or an error with
 * a next step. Owns the sync engine's lifetime.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JourneyMap } from '@domain/model/schema';
import type { MapAddress, TemplateId } from '@contract';
import { bridgeLive, fetchAttachmentUrl } from '../../bridge/client';
import { viewerAccount } from '../../bridge/early-start';
import { mapChannelName } from '@domain/live/map-event';
import type { Transport } from '../../bridge/transport';
import { useAnnouncer } from './announcer';
import { Editor } from './editor';
import type { EditorServices } from './editor-context';
import { EditorContext } from './editor-context';
import { afterNextPaint } from './after-next-paint';
import { earlyMapOf, loadDomainOps, takeEarlyMapLoad } from './early-load';
import { FirstPaintGrid } from './first-paint/first-paint-grid';
import { InsertPicker } from './insert-picker';
import type { ApplyAll } from './state/editor-state';
import { createEditorReducer, initialEditorState } from './state/editor-state';
import { createEditorStore } from './state/editor-store';
import { createIdGenerator } from './state/ids';
import { browserStorage, createPendingStore } from './state/pending-store';
import { createDraftStore } from './state/draft-store';
import type { PresenceChannel } from './presence/presence-channel';
import { startPresence } from './presence/start-presence';
import { createValueStore } from './value-store';
import { SyncEngine, browserEnvironment } from './state/sync-engine';
import type { Place, ViewMode } from './ui-state';
import { UiContext, createUiState } from './ui-state';
import { translateNow, useT } from '../../i18n';

type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'empty'; canEdit: boolean; reason?: string }
  | { kind: 'ready'; services: Omit<EditorServices, 'announce'> };

/** The macro screen for one macro instance. */
export function MacroScreen(props: {
  address: MapAddress;
  transport: Transport;
  /** 'focus' inside the focus-mode modal (decision 0026); the page view by default. */
  view?: ViewMode;
  startAt?: Place | null;
}) {
  const { address, transport } = props;
  const t = useT();
  const view = props.view ?? 'page';
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { region, announce } = useAnnouncer();
  const [ui] = useState(() => createUiState({ view, startAt: props.startAt ?? null }));
  const applyAllRef = useRef<ApplyAll | null>(null);
  // The map main.tsx already drew read-only (page view, first attempt only).
  const [early, setEarly] = useState(() => (view === 'page' ? earlyMapOf(address) : null));

  const start = useCallback(
    (
      applyAll: ApplyAll,
      map: Parameters<typeof initialEditorState>[0]['map'],
      version: number,
      capabilities: { canEdit: boolean; reason?: string },
      accountId: string,
    ) => {
      const stored = { storage: browserStorage(), accountId, ...address };
      const pendingStore = createPendingStore(stored);
      let initial;
      try {
        initial = initialEditorState({
          applyAll,
          map,
          version,
          capabilities,
          restored: pendingStore.load(),
        });
      } catch {
        pendingStore.clear();
        initial = initialEditorState({ applyAll, map, version, capabilities });
      }
      const store = createEditorStore(createEditorReducer(applyAll), initial);
      const engine = new SyncEngine({
        store,
        transport,
        address,
        pendingStore,
        env: browserEnvironment,
        live: {
          channels: bridgeLive,
          channel: mapChannelName(address.localId),
          token: async () => {
            const res = await transport.call('map/liveToken', address);
            return res.ok ? res.data : null;
          },
        },
      });
      setPhase({
        kind: 'ready',
        services: {
          store,
          engine,
          newId: createIdGenerator(),
          drafts: createDraftStore(stored),
          presence: createValueStore<PresenceChannel | null>(null),
          listPhotos: async () => {
            const res = await transport.call('photos/list', { pageId: address.pageId });
            return res.ok ? res.data.photos : [];
          },
          photoUrl: (p) => fetchAttachmentUrl(p.downloadPath),
          today: () => localDate(new Date()),
          address,
          transport,
        },
      });
    },
    [address, transport],
  );

  useEffect(() => {
    let alive = true;
    // The first attempt takes the call main.tsx started before React (early-load.ts).
    const load = takeEarlyMapLoad(address) ?? transport.call('map/load', address);
    // The first card needs the map only: in the page view it is drawn read-only (first paint)
    // before the domain-ops chunk is requested (decision 0038).
    const firstPaint = async (res: Awaited<typeof load>): Promise<void> => {
      if (view !== 'page' || !res.ok || !res.data.map) return;
      const drawn = { map: res.data.map, canEdit: res.data.capabilities.canEdit };
      setEarly((was) => was ?? drawn);
      await new Promise<void>((resolve) => afterNextPaint(resolve));
    };
    const account = viewerAccount();
    void load.then(async (res) => {
      await firstPaint(res);
      const applyAll = await loadDomainOps();
      const accountId = await account;
      if (!alive) return;
      performance.mark('cjm:map-loaded');
      applyAllRef.current = applyAll;
      if (!res.ok) {
        setPhase({ kind: 'error', message: res.error.message });
        return;
      }
      const { map, version, capabilities, repairs, packed } = res.data;
      if (!map && packed) {
        // Too big for the app to save: shown read-only (export still works).
        void loadUnpacker().then((unpack) => {
          if (!alive) return;
          const big = unpack(packed);
          if (big) start(applyAll, big, version, capabilities, accountId);
          else setPhase({ kind: 'error', message: translateNow('editor.load.unreadable') });
        });
        return;
      }
      if (!map) {
        setPhase({ kind: 'empty', canEdit: capabilities.canEdit, reason: capabilities.reason });
        return;
      }
      start(applyAll, map, version, capabilities, accountId);
      if (repairs.length) announce(translateNow('editor.load.repaired', { count: repairs.length }));
    });
    return () => {
      alive = false;
    };
  }, [address, transport, attempt, start, announce, view]);

  const engine = phase.kind === 'ready' ? phase.services.engine : null;
  useEffect(() => {
    if (!engine) return;
    engine.start();
    return () => engine.stop();
  }, [engine]);

  const presence = phase.kind === 'ready' ? phase.services.presence : null;
  useEffect(() => {
    if (!presence) return;
    return startPresence({ presence, localId: address.localId });
  }, [presence, address.localId]);

  const services = useMemo<EditorServices | null>(
    () => (phase.kind === 'ready' ? { ...phase.services, announce } : null),
    [phase, announce],
  );

  const create = async (template: TemplateId) => {
    const res = await transport.call('map/create', { ...address, template });
    if (!res.ok) return res.error.message;
    const applyAll = applyAllRef.current ?? (await loadDomainOps());
    const { map, version } = res.data;
    start(applyAll, map, version, { canEdit: true }, await viewerAccount());
    announce(t('editor.macro.created'));
    return null;
  };

  return (
    <main className={`macro view-${view}`}>
      {region}
      {phase.kind === 'loading' && (
        <p className={early ? 'visually-hidden' : 'loading'} role="status">
          {t('editor.macro.loading')}
        </p>
      )}
      {phase.kind === 'loading' && early && (
        // The read-only first paint main.tsx drew, kept until the editor replaces it.
        <FirstPaintGrid
          map={early.map}
          canEdit={early.canEdit}
          width={document.documentElement.clientWidth}
          height={window.innerHeight}
        />
      )}
      {phase.kind === 'error' && (
        <div className="banner is-error" role="alert">
          <p>
            <strong>{t('editor.macro.loadFailed')}</strong> {phase.message}
          </p>
          <button
            type="button"
            onClick={() => {
              setPhase({ kind: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            {t('editor.macro.tryAgain')}
          </button>
        </div>
      )}
      {phase.kind === 'empty' && (
        <InsertPicker canEdit={phase.canEdit} reason={phase.reason} onCreate={create} />
      )}
      {services && (
        <EditorContext.Provider value={services}>
          <UiContext.Provider value={ui}>
            <Editor />
          </UiContext.Provider>
        </EditorContext.Provider>
      )}
    </main>
  );
}

async function loadUnpacker(): Promise<(packed: string) => JourneyMap | null> {
  const mod = await import('./unpack-map');
  return mod.unpackLoadedMap;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
