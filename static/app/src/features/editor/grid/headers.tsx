/**
 * Column and row headers: stages (spanning their steps), steps and lanes. Each can be renamed
 * in place (Enter or F2), dragged, moved with Alt+arrow keys, and opened in the details panel.
 */
import { memo, useRef, useState } from 'react';
import type { Track } from './decision-tracks';
import { DecisionTrackView } from './decision-track-view';
import type { Channel, Lane, Stage, Step } from '@domain/model/schema';
import { useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { LANE_INFO, MOMENT_GLYPH } from '../labels';
import { useT } from '../../../i18n';
import { useUi } from '../ui-state';
import { useDragItem } from './use-drag-item';

type Pos = { row: number; colStart: number; colEnd: number };

function posAttrs(p: Pos) {
  return {
    'data-pos': `${p.row}:${p.colStart}`,
    'data-col-start': p.colStart,
    'data-col-end': p.colEnd,
    'aria-colindex': p.colStart + 1,
  };
}

/** Header of a stage spanning its steps. */
/** A header's name: read-only text, or an inline editor while renaming (Enter or F2). */
function HeaderName(props: {
  label: string;
  value: string;
  className: string;
  rows?: number;
  canEdit: boolean;
  renaming: boolean;
  onRename: (name: string) => void;
  /** Called when renaming ends, to hand focus back to the header cell. */
  onDone: () => void;
}) {
  return (
    <InlineText
      label={props.label}
      value={props.value}
      readOnly={!props.canEdit}
      autoFocus={props.renaming}
      tabIndex={props.renaming ? 0 : -1}
      className={props.className}
      rows={props.rows}
      onCommit={props.onRename}
      onDone={() => {
        if (props.renaming) props.onDone();
      }}
    />
  );
}

export const StageHeader = memo(function StageHeader(props: {
  stage: Stage;
  index: number;
  span: number;
  stageCount: number;
  canEdit: boolean;
  pos: Pos;
}) {
  const ref = useRef<HTMLTableCellElement>(null);
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const { store, newId, announce } = useServices();
  useDragItem(ref, { type: 'stage', id: props.stage.id }, props.canEdit && !renaming);
  const move = (delta: number) => {
    const toIndex = props.index + delta;
    if (toIndex < 0 || toIndex >= props.stageCount) return;
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'stage/move', id: props.stage.id, toIndex }],
    });
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
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'step/add', id, stageId: props.stage.id, name: t('editor.header.newStep') }],
    });
    announce(t('editor.header.stepAdded', { name: props.stage.name }));
  };
  return (
    <th
      ref={ref}
      scope="colgroup"
      role="columnheader"
      colSpan={props.span}
      tabIndex={-1}
      {...posAttrs(props.pos)}
      aria-label={t('editor.header.stageLabel', { n: props.index + 1, name: props.stage.name })}
      className="stage-header"
      data-stage-id={props.stage.id}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || !props.canEdit) return;
        if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
          e.preventDefault();
          e.stopPropagation();
          move(e.key === 'ArrowLeft' ? -1 : 1);
        } else if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          setRenaming(true);
        }
      }}
    >
      <div className="header-row">
        <HeaderName
          label={t('editor.header.stageName')}
          value={props.stage.name}
          className="stage-name"
          canEdit={props.canEdit}
          renaming={renaming}
          onRename={(name) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'stage/rename', id: props.stage.id, name }],
            })
          }
          onDone={() => {
            setRenaming(false);
            ref.current?.focus();
          }}
        />
        {props.canEdit && (
          <span className="header-actions">
            <button
              type="button"
              tabIndex={-1}
              className="icon-button"
              aria-label={t('editor.header.moveStageLeft', { name: props.stage.name })}
              disabled={props.index === 0}
              onClick={() => move(-1)}
            >
              ‹
            </button>
            <button
              type="button"
              tabIndex={-1}
              className="icon-button"
              aria-label={t('editor.header.moveStageRight', { name: props.stage.name })}
              disabled={props.index === props.stageCount - 1}
              onClick={() => move(1)}
            >
              ›
            </button>
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
  pos: Pos;
  /** Where Alt+Left / Alt+Right take this step, or null at the ends of the journey. */
  moveLeft: { stageId: string; toIndex: number } | null;
  moveRight: { stageId: string; toIndex: number } | null;
}) {
  const ref = useRef<HTMLTableCellElement>(null);
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const { store, announce } = useServices();
  const ui = useUi();
  const { step } = props;
  useDragItem(
    ref,
    { type: 'step', id: step.id, stageId: step.stageId },
    props.canEdit && !renaming,
  );
  const move = (to: { stageId: string; toIndex: number } | null) => {
    if (!to) return;
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'step/move', id: step.id, ...to }],
    });
    announce(t('editor.header.stepMoved', { name: step.name }));
  };
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
      ref={ref}
      scope="col"
      role="columnheader"
      tabIndex={-1}
      {...posAttrs(props.pos)}
      aria-label={ariaLabel}
      className={`step-header kind-${step.kind}`}
      data-step-id={step.id}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (props.canEdit && e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
          e.preventDefault();
          e.stopPropagation();
          move(e.key === 'ArrowLeft' ? props.moveLeft : props.moveRight);
        } else if (props.canEdit && (e.key === 'Enter' || e.key === 'F2')) {
          e.preventDefault();
          setRenaming(true);
        } else if (e.key === 'i') {
          ui.selection.set({ kind: 'step', id: step.id });
        }
      }}
    >
      {props.track && <DecisionTrackView track={props.track} />}
      {props.pathLabel && <div className="path-label">↳ {props.pathLabel}</div>}
      <div className="header-row">
        <span className={`step-kind kind-${step.kind}`} title={kindWord}>
          {step.kind === 'question' ? '?' : step.kind === 'decision' ? '◆' : '▶'}
          <span className="visually-hidden">{kindWord}</span>
        </span>
        <HeaderName
          label={t('editor.step.nameLabel')}
          value={step.name}
          className="step-name"
          rows={2}
          canEdit={props.canEdit}
          renaming={renaming}
          onRename={(name) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'step/rename', id: step.id, name }],
            })
          }
          onDone={() => {
            setRenaming(false);
            ref.current?.focus();
          }}
        />
        <button
          type="button"
          tabIndex={-1}
          className="icon-button"
          aria-label={t('editor.header.stepDetails', { name: step.name })}
          onClick={() => ui.selection.set({ kind: 'step', id: step.id })}
        >
          ⋯
        </button>
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
  const ref = useRef<HTMLTableCellElement>(null);
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const { store, announce } = useServices();
  const ui = useUi();
  const { lane } = props;
  useDragItem(ref, { type: 'lane', id: lane.id, zone: lane.zone }, props.canEdit && !renaming);
  const typeWord = t(`editor.laneType.${lane.type}`);
  const move = (toIndex: number | null) => {
    if (toIndex === null) return;
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'lane/move', id: lane.id, toIndex }],
    });
    announce(
      toIndex < props.laneIndex
        ? t('editor.header.laneMovedUp', { name: lane.name })
        : t('editor.header.laneMovedDown', { name: lane.name }),
    );
  };
  return (
    <th
      ref={ref}
      scope="row"
      role="rowheader"
      tabIndex={-1}
      data-pos={`${props.row}:0`}
      aria-colindex={1}
      data-col-start={0}
      data-col-end={0}
      aria-label={
        lane.zone === 'onstage'
          ? t('editor.header.laneOnstage', { name: lane.name })
          : t('editor.header.laneBackstage', { name: lane.name })
      }
      className={`lane-header lane-${lane.type}`}
      data-lane-id={lane.id}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (props.canEdit && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          e.preventDefault();
          e.stopPropagation();
          move(e.key === 'ArrowUp' ? props.upIndex : props.downIndex);
        } else if (props.canEdit && (e.key === 'Enter' || e.key === 'F2')) {
          e.preventDefault();
          setRenaming(true);
        } else if (e.key === 'i') {
          ui.selection.set({ kind: 'lane', id: lane.id });
        }
      }}
    >
      <HeaderName
        label={t('editor.lane.nameLabel')}
        value={lane.name}
        className="lane-name"
        rows={2}
        canEdit={props.canEdit}
        renaming={renaming}
        onRename={(name) =>
          store.dispatch({
            type: 'edit',
            ops: [{ type: 'lane/rename', id: lane.id, name }],
          })
        }
        onDone={() => {
          setRenaming(false);
          ref.current?.focus();
        }}
      />
      <div className="lane-meta">
        {lane.name !== LANE_INFO[lane.type].name && lane.name !== typeWord && (
          <span className="lane-type">{typeWord}</span>
        )}
        {props.canEdit && (
          <span className="header-actions">
            <button
              type="button"
              tabIndex={-1}
              className="icon-button"
              aria-label={t('editor.header.moveLaneUp', { name: lane.name })}
              disabled={props.upIndex === null}
              onClick={() => move(props.upIndex)}
            >
              ↑
            </button>
            <button
              type="button"
              tabIndex={-1}
              className="icon-button"
              aria-label={t('editor.header.moveLaneDown', { name: lane.name })}
              disabled={props.downIndex === null}
              onClick={() => move(props.downIndex)}
            >
              ↓
            </button>
            <button
              type="button"
              tabIndex={-1}
              className="icon-button"
              aria-label={t('editor.header.laneOptions', { name: lane.name })}
              onClick={() => ui.selection.set({ kind: 'lane', id: lane.id })}
            >
              ⋯
            </button>
          </span>
        )}
      </div>
    </th>
  );
});
