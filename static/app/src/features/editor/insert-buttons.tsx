/** Add a stage, a step or a lane of a chosen type, and show hidden lanes again. */
import { useMemo, useState } from 'react';
import { focusCreated } from './focus-created';
import type { LaneType } from '@domain/model/schema';
import { useEditor, useServices } from './editor-context';
import { LANE_INFO, LANE_TYPE_LABEL } from './labels';

/** Every lane type, in the model's order (LANE_INFO lists each once). */
const ADDABLE = Object.keys(LANE_INFO) as LaneType[];

/** The toolbar's insert group (shown to editors). */
export function InsertButtons() {
  const lanes = useEditor((s) => s.map.lanes);
  const hidden = useMemo(() => lanes.filter((l) => l.hidden), [lanes]);
  const lastStage = useEditor((s) => s.map.stages.at(-1) ?? null);
  const { store, newId, announce } = useServices();
  const [laneType, setLaneType] = useState<LaneType>('text');

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
    focusCreated(`[data-stage-id="${CSS.escape(id)}"]`, { toEnd: 'right' });
  };
  const addStep = () => {
    if (!lastStage) return;
    const id = newId('step');
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'step/add', id, stageId: lastStage.id, name: 'New step' }],
      label: 'Add step',
    });
    announce(`Step added at the end of ${lastStage.name}.`);
    focusCreated(`[data-step-id="${CSS.escape(id)}"]`, { toEnd: 'right' });
  };
  const addLane = () => {
    const info = LANE_INFO[laneType];
    const id = newId('lane');
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'lane/add', id, laneType, name: info.name, zone: info.zone }],
      label: 'Add lane',
    });
    announce(
      `${info.name} lane added ${info.zone === 'backstage' ? 'below' : 'above'} the line of visibility.`,
    );
    focusCreated(`[data-lane-id="${CSS.escape(id)}"]`);
  };

  return (
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
  );
}
