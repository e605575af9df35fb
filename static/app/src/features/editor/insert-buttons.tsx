/** Add a stage, a step or a lane of a chosen type, and show hidden lanes again. */
import { useMemo, useState } from 'react';
import { focusCreated } from './focus-created';
import type { LaneType } from '@domain/model/schema';
import { useEditor, useServices } from './editor-context';
import { LANE_INFO } from './labels';
import { useT } from '../../i18n';

/** Every lane type, in the model's order (LANE_INFO lists each once). */
const ADDABLE = Object.keys(LANE_INFO) as LaneType[];

/** The toolbar's insert group (shown to editors). */
export function InsertButtons() {
  const lanes = useEditor((s) => s.map.lanes);
  const hidden = useMemo(() => lanes.filter((l) => l.hidden), [lanes]);
  const lastStage = useEditor((s) => s.map.stages.at(-1) ?? null);
  const t = useT();
  const { store, newId, announce } = useServices();
  const [laneType, setLaneType] = useState<LaneType>('text');

  const addStage = () => {
    const id = newId('stage');
    const stepId = newId('step');
    store.dispatch({
      type: 'edit',
      ops: [
        { type: 'stage/add', id, name: t('editor.insert.newStageName') },
        { type: 'step/add', id: stepId, stageId: id, name: t('editor.header.newStep') },
      ],
    });
    announce(t('editor.insert.stageAdded'));
    focusCreated(`[data-stage-id="${CSS.escape(id)}"]`, { toEnd: 'right' });
  };
  const addStep = () => {
    if (!lastStage) return;
    const id = newId('step');
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'step/add', id, stageId: lastStage.id, name: t('editor.header.newStep') }],
    });
    announce(t('editor.insert.stepAdded', { stage: lastStage.name }));
    focusCreated(`[data-step-id="${CSS.escape(id)}"]`, { toEnd: 'right' });
  };
  const addLane = () => {
    const info = { ...LANE_INFO[laneType], name: t(`editor.laneType.${laneType}`) };
    const id = newId('lane');
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'lane/add', id, laneType, name: info.name, zone: info.zone }],
    });
    announce(
      info.zone === 'backstage'
        ? t('editor.insert.laneAddedBelow', { name: info.name })
        : t('editor.insert.laneAddedAbove', { name: info.name }),
    );
    focusCreated(`[data-lane-id="${CSS.escape(id)}"]`);
  };

  return (
    <div className="toolbar-group">
      <button type="button" onClick={addStage}>
        <span aria-hidden="true">+</span> {t('editor.insert.addStage')}
      </button>
      <button type="button" onClick={addStep} disabled={!lastStage}>
        <span aria-hidden="true">+</span> {t('editor.insert.addStep')}
      </button>
      <label className="visually-hidden" htmlFor="lane-type">
        {t('editor.insert.laneType')}
      </label>
      <select
        id="lane-type"
        value={laneType}
        onChange={(e) => setLaneType(e.target.value as LaneType)}
      >
        {ADDABLE.map((type) => (
          <option key={type} value={type}>
            {t(`editor.laneType.${type}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={addLane}>
        <span aria-hidden="true">+</span> {t('editor.insert.addLane')}
      </button>
      {hidden.length > 0 && (
        <details className="menu">
          <summary>{t('editor.insert.hiddenLanes', { count: hidden.length })}</summary>
          <ul>
            {hidden.map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  onClick={() => {
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'lane/setHidden', id: l.id, hidden: false }],
                    });
                    announce(t('editor.insert.laneShown', { name: l.name }));
                  }}
                >
                  {t('editor.insert.show', { name: l.name })}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
