/**
 * Column and row headers: stages (spanning their steps), steps and lanes. Each can be renamed
 * in place (Enter or F2), dragged, moved with Alt+arrow keys, and opened in the details panel.
 */
import { memo } from 'react';
import type { Track } from './decision-tracks';
import { DecisionTrackView } from './decision-track-view';
import type { Channel, Lane, Stage, Step } from '@domain/model/schema';
import { useEdit, useServices } from '../editor-context';
import { LANE_INFO, MOMENT_GLYPH } from '../labels';
import { useT } from '../../../i18n';
import { useUi } from '../ui-state';
import type { CellPlace } from './cell-pos';
import { cellPos } from './cell-pos';
import { HeaderButton, HeaderName, headerKeys, useHeader } from './header-parts';

/** Header of a stage spanning its steps. */
export const StageHeader = memo(function StageHeader(props: {
  stage: Stage;
  index: number;
  span: number;
  stageCount: number;
  canEdit: boolean;
  pos: CellPlace;
}) {
  const t = useT();
  const { newId, announce } = useServices();
  const edit = useEdit();
  const header = useHeader({ type: 'stage', id: props.stage.id }, props.canEdit);
  const move = (delta: number) => {
    const toIndex = props.index + delta;
    if (toIndex < 0 || toIndex >= props.stageCount) return;
    edit([{ type: 'stage/move', id: props.stage.id, toIndex }]);
    announce(
      t('editor.header.stageMoved', {
        name: props.stage.name,
        position: toIndex + 1,
        count: props.stageCount,
      }),
    );
  };
  const addStep = () => {
    const id = newId('step');
    edit([{ type: 'step/add', id, stageId: props.stage.id, name: t('editor.header.newStep') }]);
    announce(t('editor.header.stepAdded', { name: props.stage.name }));
  };
  return (
    <th
      ref={header.ref}
      scope="colgroup"
      role="columnheader"
      colSpan={props.span}
      tabIndex={-1}
      {...cellPos(props.pos)}
      aria-label={t('editor.header.stageLabel', { n: props.index + 1, name: props.stage.name })}
      className="stage-header"
      data-stage-id={props.stage.id}
      onKeyDown={headerKeys({
        header,
        keys: ['ArrowLeft', 'ArrowRight'],
        move: (backward) => move(backward ? -1 : 1),
      })}
    >
      <div className="header-row">
        <HeaderName header={header} value={props.stage.name} />
        {props.canEdit && (
          <span className="header-actions">
            <HeaderButton
              label={t('editor.header.moveStageLeft', { name: props.stage.name })}
              glyph="‹"
              disabled={props.index === 0}
              onClick={() => move(-1)}
            />
            <HeaderButton
              label={t('editor.header.moveStageRight', { name: props.stage.name })}
              glyph="›"
              disabled={props.index === props.stageCount - 1}
              onClick={() => move(1)}
            />
            <button
              type="button"
              tabIndex={-1}
              className="subtle-button"
              aria-label={t('editor.header.addStepTo', { name: props.stage.name })}
              title={t('editor.header.addStep')}
              onClick={addStep}
            >
              {t('editor.header.addStepButton')}
            </button>
          </span>
        )}
      </div>
    </th>
  );
});

/** Header of a step column. */
export const StepHeader = memo(function StepHeader(props: {
  step: Step;
  stageName: string;
  pathLabel: string | null;
  /** The decision tracks this column draws (null: no decision open here). */
  track: Track | null;
  channels: readonly Channel[];
  canEdit: boolean;
  pos: CellPlace;
  /** Where Alt+Left / Alt+Right take this step, or null at the ends of the journey. */
  moveLeft: { stageId: string; toIndex: number } | null;
  moveRight: { stageId: string; toIndex: number } | null;
}) {
  const t = useT();
  const { announce } = useServices();
  const edit = useEdit();
  const ui = useUi();
  const { step } = props;
  const header = useHeader({ type: 'step', id: step.id, stageId: step.stageId }, props.canEdit);
  const move = (to: { stageId: string; toIndex: number } | null) => {
    if (!to) return;
    edit([{ type: 'step/move', id: step.id, ...to }]);
    announce(t('editor.header.stepMoved', { name: step.name }));
  };
  const details = () => ui.selection.set({ kind: 'step', id: step.id });
  const kindWord = t(`vocabulary.stepKind.${step.kind}`);
  const momentWord = step.moment ? t(`editor.moment.${step.moment}`) : null;
  const ariaLabel = [
    t('editor.header.stepLabel', { name: step.name, kind: kindWord, stage: props.stageName }),
    momentWord,
    props.pathLabel ? t('editor.header.onPath', { path: props.pathLabel }) : null,
  ]
    .filter(Boolean)
    .join(t('editor.header.listSep'));
  const channelNames = step.channels
    .map((id) => props.channels.find((c) => c.id === id))
    .filter((c): c is Channel => Boolean(c));
  return (
    <th
      ref={header.ref}
      scope="col"
      role="columnheader"
      tabIndex={-1}
      {...cellPos(props.pos)}
      aria-label={ariaLabel}
      className={`step-header kind-${step.kind}`}
      data-step-id={step.id}
      onKeyDown={headerKeys({
        header,
        keys: ['ArrowLeft', 'ArrowRight'],
        move: (backward) => move(backward ? props.moveLeft : props.moveRight),
        info: details,
      })}
    >
      {props.track && <DecisionTrackView track={props.track} />}
      {props.pathLabel && <div className="path-label">↳ {props.pathLabel}</div>}
      <div className="header-row">
        <span className={`step-kind kind-${step.kind}`} title={kindWord}>
          {step.kind === 'question' ? '?' : step.kind === 'decision' ? '◆' : '▶'}
          <span className="visually-hidden">{kindWord}</span>
        </span>
        <HeaderName header={header} value={step.name} />
        <HeaderButton
          label={t('editor.header.stepDetails', { name: step.name })}
          glyph="⋯"
          onClick={details}
        />
      </div>
      <div className="step-meta">
        {step.moment && (
          <span className={`moment is-${step.moment}`}>
            {MOMENT_GLYPH[step.moment]} {momentWord}
          </span>
        )}
        {channelNames.map((c) => (
          <abbr key={c.id} className="channel-chip" title={c.name}>
            {c.initials}
          </abbr>
        ))}
        {step.kind === 'decision' && step.paths.length > 0 && (
          <span className="paths">
            {t('editor.header.paths', { paths: step.paths.map((p) => p.label).join(' / ') })}
          </span>
        )}
      </div>
    </th>
  );
});

/** Header of a lane row. */
export const LaneHeader = memo(function LaneHeader(props: {
  lane: Lane;
  laneIndex: number;
  /** Target indices in `map.lanes` for Alt+Up / Alt+Down within the zone. */
  upIndex: number | null;
  downIndex: number | null;
  canEdit: boolean;
  row: number;
}) {
  const t = useT();
  const { announce } = useServices();
  const edit = useEdit();
  const ui = useUi();
  const { lane } = props;
  const header = useHeader({ type: 'lane', id: lane.id, zone: lane.zone }, props.canEdit);
  const typeWord = t(`editor.laneType.${lane.type}`);
  const move = (toIndex: number | null) => {
    if (toIndex === null) return;
    edit([{ type: 'lane/move', id: lane.id, toIndex }]);
    announce(
      toIndex < props.laneIndex
        ? t('editor.header.laneMovedUp', { name: lane.name })
        : t('editor.header.laneMovedDown', { name: lane.name }),
    );
  };
  const details = () => ui.selection.set({ kind: 'lane', id: lane.id });
  return (
    <th
      ref={header.ref}
      scope="row"
      role="rowheader"
      tabIndex={-1}
      {...cellPos({ row: props.row, colStart: 0 })}
      aria-label={
        lane.zone === 'onstage'
          ? t('editor.header.laneOnstage', { name: lane.name })
          : t('editor.header.laneBackstage', { name: lane.name })
      }
      className={`lane-header lane-${lane.type}`}
      data-lane-id={lane.id}
      // Drawn by CSS above the first back-stage lane (editor.css), in the reader's language.
      data-visibility-label={
        lane.zone === 'onstage' ? undefined : t('editor.header.lineOfVisibility')
      }
      onKeyDown={headerKeys({
        header,
        keys: ['ArrowUp', 'ArrowDown'],
        move: (backward) => move(backward ? props.upIndex : props.downIndex),
        info: details,
      })}
    >
      <HeaderName header={header} value={lane.name} />
      <div className="lane-meta">
        {lane.name !== LANE_INFO[lane.type].name && lane.name !== typeWord && (
          <span className="lane-type">{typeWord}</span>
        )}
        {props.canEdit && (
          <span className="header-actions">
            <HeaderButton
              label={t('editor.header.moveLaneUp', { name: lane.name })}
              glyph="↑"
              disabled={props.upIndex === null}
              onClick={() => move(props.upIndex)}
            />
            <HeaderButton
              label={t('editor.header.moveLaneDown', { name: lane.name })}
              glyph="↓"
              disabled={props.downIndex === null}
              onClick={() => move(props.downIndex)}
            />
            <HeaderButton
              label={t('editor.header.laneOptions', { name: lane.name })}
              glyph="⋯"
              onClick={details}
            />
          </span>
        )}
      </div>
    </th>
  );
});
