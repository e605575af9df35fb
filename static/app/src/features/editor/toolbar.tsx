/**
 * The editor's toolbar: undo / redo, add stage / step / lane, hidden lanes, zoom and fit, the
 * validated share, and the save status.
 */
import { useMemo, useState } from 'react';
import type { LaneType } from '@domain/model/schema';
import { useCanEdit, useEditor, useServices } from './editor-context';
import { validatedPercent } from './insights';
import { LANE_INFO, LANE_TYPE_LABEL } from './labels';
import { ExchangeEntry } from '../exchange/exchange-entry';
import { SyncStatus } from './sync-status';
import { ScribeToggle } from './grid/scribe-toggle';
import { FutureEntry } from '../future/future-entry';
import { PlayToolbarEntry } from '../play/play-toolbar-entry';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useUi } from './ui-state';
import { useValue } from './value-store';

/** Every lane type, in the model's order (LANE_INFO lists each once). */
const ADDABLE = Object.keys(LANE_INFO) as LaneType[];

/** The toolbar above the grid. */
export function Toolbar(props: { onFit: () => void }) {
  const canEdit = useCanEdit();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const validated = useEditor((s) => validatedPercent(s.map));
  const cardCount = useEditor((s) => s.map.cards.length);
  const lanes = useEditor((s) => s.map.lanes);
  const hidden = useMemo(() => lanes.filter((l) => l.hidden), [lanes]);
  const lastStage = useEditor((s) => s.map.stages.at(-1) ?? null);
  const { store, newId, announce } = useServices();
  const ui = useUi();
  // The lazily loaded features' buttons follow the grid's first paint (their chunks load then).
  const later = useAfterFirstPaint();
  const zoom = useValue(ui.zoom, (z) => z);
  const [laneType, setLaneType] = useState<LaneType>('text');
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

  const addStage = () => {
    const id = newId('stage');
    const stepId = newId('step');
    store.dispatch({
      type: 'edit',
      ops: [
        { type: 'stage/add', id, name: 'New stage' },
        { type: 'step/add', id: stepId, stageId: id, name: 'New step' },
      ],
      label: 'Add stage',
    });
    announce('Stage added at the end of the journey, with one step.');
  };
  const addStep = () => {
    if (!lastStage) return;
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'step/add', id: newId('step'), stageId: lastStage.id, name: 'New step' }],
      label: 'Add step',
    });
    announce(`Step added at the end of ${lastStage.name}.`);
  };
  const addLane = () => {
    const info = LANE_INFO[laneType];
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'lane/add', id: newId('lane'), laneType, name: info.name, zone: info.zone }],
      label: 'Add lane',
    });
    announce(
      `${info.name} lane added ${info.zone === 'backstage' ? 'below' : 'above'} the line of visibility.`,
    );
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Map tools">
      {canEdit && (
        <div className="toolbar-group">
          <button
            type="button"
            aria-keyshortcuts="Control+Z Meta+Z"
            title={`Undo (${mod}+Z)`}
            disabled={!canUndo}
            onClick={() => store.dispatch({ type: 'undo' })}
          >
            <span aria-hidden="true">↶</span> Undo
          </button>
          <button
            type="button"
            aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z"
            title={`Redo (Shift+${mod}+Z)`}
            disabled={!canRedo}
            onClick={() => store.dispatch({ type: 'redo' })}
          >
            <span aria-hidden="true">↷</span> Redo
          </button>
        </div>
      )}
      {canEdit && (
        <div className="toolbar-group">
          <button type="button" onClick={addStage}>
            <span aria-hidden="true">+</span> Add stage
          </button>
          <button type="button" onClick={addStep} disabled={!lastStage}>
            <span aria-hidden="true">+</span> Add step
          </button>
          <label className="visually-hidden" htmlFor="lane-type">
            Type of lane to add
          </label>
          <select
            id="lane-type"
            value={laneType}
            onChange={(e) => setLaneType(e.target.value as LaneType)}
          >
            {ADDABLE.map((t) => (
              <option key={t} value={t}>
                {LANE_TYPE_LABEL[t]}
              </option>
            ))}
          </select>
          <button type="button" onClick={addLane}>
            <span aria-hidden="true">+</span> Add lane
          </button>
          {hidden.length > 0 && (
            <details className="menu">
              <summary>Hidden lanes ({hidden.length})</summary>
              <ul>
                {hidden.map((l) => (
                  <li key={l.id}>
                    <button
                      type="button"
                      onClick={() => {
                        store.dispatch({
                          type: 'edit',
                          ops: [{ type: 'lane/setHidden', id: l.id, hidden: false }],
                          label: 'Show lane',
                        });
                        announce(`Lane ${l.name} shown.`);
                      }}
                    >
                      Show {l.name}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <div className="toolbar-group">
        <button
          type="button"
          aria-label="Zoom out"
          onClick={() => ui.zoom.set(Math.max(0.4, round(zoom - 0.1)))}
        >
          −
        </button>
        <span className="zoom-level" aria-live="off">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          aria-label="Zoom in"
          onClick={() => ui.zoom.set(Math.min(1.6, round(zoom + 0.1)))}
        >
          +
        </button>
        <button type="button" onClick={props.onFit}>
          Fit
        </button>
      </div>
      <ScribeToggle />
      <div
        className="toolbar-group evidence-share"
        title="Cards whose evidence is validated rather than an assumption"
      >
        <span className="meter" aria-hidden="true">
          <span style={{ width: `${validated}%` }} />
        </span>
        <span>
          {validated}% validated <span className="subtle">({cardCount} cards)</span>
        </span>
      </div>
      {later && (
        <>
          <ExchangeEntry />
          <FutureEntry />
          <PlayToolbarEntry />
        </>
      )}
      <div className="toolbar-group push-right">
        <SyncStatus />
      </div>
    </div>
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
