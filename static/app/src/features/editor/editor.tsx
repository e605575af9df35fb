/**
 * The editor of one map: toolbar, read-only notice, save notes, scope bar, back-story, the
 * grid and the details panel (the panels above the grid mount right after its first paint). Global keys: Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useEditor, useServices } from './editor-context';
import { DetailsPanel } from './details/details-panel';
import { JourneyGrid } from './grid/journey-grid';
import { ScribeContext } from './grid/scribe-state';
import { BackStoryPanel } from './panels/back-story-panel';
import { SessionEntry } from '../session/session-entry';
import { PlayAreaEntry } from '../play/play-area-entry';
import { ScopeBar } from './panels/scope-bar';
import { SyncNotes } from './sync-status';
import { DraftKeeper } from './draft-keeper';
import { Toolbar } from './toolbar';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useUi } from './ui-state';
import { createValueStore } from './value-store';

/** The map editor (read-only when the viewer cannot edit the page). */
export function Editor() {
  const canEdit = useEditor((s) => s.capabilities.canEdit);
  const reason = useEditor((s) => s.capabilities.reason);
  const hasSteps = useEditor((s) => s.map.stages.length > 0);
  const { store } = useServices();
  const ui = useUi();
  const root = useRef<HTMLDivElement>(null);
  const panels = useAfterFirstPaint();
  const scribe = useMemo(() => createValueStore(false), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const t = e.target as HTMLElement | null;
      // Native undo inside text fields stays native.
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.dispatch({ type: 'undo' });
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.dispatch({ type: 'redo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const fit = () => {
    const scroller = root.current?.querySelector<HTMLElement>('.grid-scroller');
    const table = root.current?.querySelector<HTMLElement>('.journey-grid');
    if (!scroller || !table) return;
    const natural = table.offsetWidth;
    const zoom = Math.max(
      0.4,
      Math.min(1, Math.floor(((scroller.clientWidth - 4) / natural) * 100) / 100),
    );
    ui.zoom.set(zoom);
  };

  return (
    <ScribeContext.Provider value={scribe}>
      <div className="editor" ref={root}>
        <Toolbar onFit={fit} />
        {!canEdit && (
          <p className="banner is-readonly" role="note">
            <strong>Read-only.</strong> {reason ?? 'You can view this map but not edit this page.'}
          </p>
        )}
        <SyncNotes />
        <DraftKeeper />
        {panels && (
          <>
            <ScopeBar />
            <BackStoryPanel />
            <SessionEntry />
            <PlayAreaEntry />
          </>
        )}
        <div className="grid-area">
          {hasSteps ? (
            <JourneyGrid />
          ) : (
            <p className="empty-grid">
              {canEdit
                ? 'No stages yet. Use “Add stage” to start the journey.'
                : 'This map has no stages yet.'}
            </p>
          )}
          <DetailsPanel />
        </div>
      </div>
    </ScribeContext.Provider>
  );
}
