/**
 * The editor of one map. On top, pinned: the toolbar, the messages (read-only notice, save
 * notes) and the facilitator's bar; then the summary line (scope, back-story and session folded,
 * issue 15), then the grid and the details panel. The page view has a fixed height from the first
 * frame (no layout shift) and the grid scrolls inside it; focus mode (decision 0026) gives the
 * grid the whole screen. What is not the grid mounts right after its first paint. Global keys:
 * Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Alt+Shift+F focus mode.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useEditor, useServices } from './editor-context';
import { DetailsPanel } from './details/details-panel';
import { JourneyGrid } from './grid/journey-grid';
import { ScribeContext } from './grid/scribe-state';
import { SessionEntry } from '../session/session-entry';
import { PlayAreaEntry } from '../play/play-area-entry';
import { MapSummary } from './panels/map-summary';
import { useFocusKeys, useFocusToggle } from './focus-mode';
import { applyFit } from './fit';
import { SyncNotes } from './sync-status';
import { DraftKeeper } from './draft-keeper';
import { Toolbar } from './toolbar';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useGridLead } from './first-paint/use-grid-lead';
import { useUi } from './ui-state';
import { createValueStore } from './value-store';
import { useT } from '../../i18n';

/** Focuses the grid's roving tab stop (the skip link's target). */
function focusGrid(root: HTMLElement | null): void {
  const grid = root?.querySelector<HTMLElement>('[role="grid"]');
  (grid?.querySelector<HTMLElement>('[tabindex="0"]') ?? grid)?.focus();
}

/** The map editor (read-only when the viewer cannot edit the page). */
export function Editor() {
  const t = useT();
  const canEdit = useEditor((s) => s.capabilities.canEdit);
  const reason = useEditor((s) => s.capabilities.reason);
  const hasSteps = useEditor((s) => s.map.stages.length > 0);
  const { store, announce } = useServices();
  const ui = useUi();
  const root = useRef<HTMLDivElement>(null);
  const panels = useAfterFirstPaint();
  const scribe = useMemo(() => createValueStore(false), []);
  // The page view keeps the grid where the read-only first paint drew it.
  const leadContent = useRef<HTMLDivElement>(null);
  const topContent = useRef<HTMLDivElement>(null);
  const lead = useGridLead({
    content: leadContent,
    toolbar: topContent,
    enabled: ui.view === 'page',
  });

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

  const toggleFocus = useFocusToggle();
  useFocusKeys(toggleFocus, ui.view);

  const fit = () => {
    const scroller = root.current?.querySelector<HTMLElement>('.grid-scroller');
    const table = root.current?.querySelector<HTMLElement>('.journey-grid');
    if (!scroller || !table) return;
    void applyFit({ scroller, table, getZoom: ui.zoom.get, setZoom: ui.zoom.set }).then((z) =>
      announce(t('editor.fitAnnounced', { percent: Math.round(z * 100) })),
    );
  };

  return (
    <ScribeContext.Provider value={scribe}>
      <div className={`editor view-${ui.view}`} ref={root}>
        <a
          className="skip-link"
          href="#journey-grid"
          onClick={(e) => {
            e.preventDefault();
            focusGrid(root.current);
          }}
        >
          {t('editor.skipToGrid')}
        </a>
        <div className="grid-lead" style={lead ? { minHeight: lead.lead } : undefined}>
          <div className="grid-lead-content" ref={leadContent}>
            <div className="editor-top" style={lead ? { minHeight: lead.toolbar } : undefined}>
              <div className="editor-top-content" ref={topContent}>
                <Toolbar onFit={fit} onFocusMode={toggleFocus} />
                {!canEdit && (
                  <p className="banner is-readonly" role="note">
                    <strong>{t('editor.readOnly')}</strong> {reason ?? t('editor.readOnlyReason')}
                  </p>
                )}
                <SyncNotes />
                <DraftKeeper />
                {panels && <PlayAreaEntry />}
              </div>
            </div>
            {panels ? (
              <MapSummary session={<SessionEntry />} />
            ) : (
              <div className="map-summary" aria-hidden="true" />
            )}
          </div>
        </div>
        <div className="grid-area">
          {hasSteps ? (
            <JourneyGrid />
          ) : (
            <p className="empty-grid">
              {canEdit ? t('editor.noStagesEditor') : t('editor.noStagesViewer')}
            </p>
          )}
          <DetailsPanel />
        </div>
      </div>
    </ScribeContext.Provider>
  );
}
