/**
 * Fields of a step: name, kind (action / question / decision), moment of truth, channels,
 * the labelled paths of a decision, the path the step belongs to, delete.
 */
import type { JourneyMap, Moment, Step, StepKind } from '@domain/model/schema';
import { useCanEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { MOMENT, STEP_KIND_LABEL, keysOf } from '../labels';
import { ConfirmButton } from '../confirm-button';
import { DecisionPaths } from './decision-paths';

/** Step fields. */
export function StepDetails({
  step,
  map,
  onDeleted,
}: {
  step: Step;
  map: JourneyMap;
  onDeleted: () => void;
}) {
  const canEdit = useCanEdit();
  const { store, announce } = useServices();
  const disabled = !canEdit;
  const edit = (ops: Parameters<typeof store.dispatch>[0]) => store.dispatch(ops);
  const stepCards = map.cards.filter((c) => c.stepId === step.id).length;
  const allPaths = map.steps.flatMap((s) => s.paths.map((p) => ({ step: s, path: p })));
  return (
    <div className="details-body">
      <div className="field">
        <span className="field-label">Name</span>
        <InlineText
          label="Step name"
          value={step.name}
          readOnly={!canEdit}
          onCommit={(name) =>
            edit({
              type: 'edit',
              ops: [{ type: 'step/rename', id: step.id, name }],
              label: 'Rename step',
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="step-kind">Kind</label>
        <select
          id="step-kind"
          disabled={disabled}
          value={step.kind}
          onChange={(e) =>
            edit({
              type: 'edit',
              ops: [{ type: 'step/setKind', id: step.id, kind: e.target.value as StepKind }],
              label: 'Change step kind',
            })
          }
        >
          {keysOf(STEP_KIND_LABEL).map((k) => (
            <option key={k} value={k}>
              {STEP_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="step-moment">Moment of truth</label>
        <select
          id="step-moment"
          disabled={disabled}
          value={step.moment ?? ''}
          onChange={(e) =>
            edit({
              type: 'edit',
              ops: [
                {
                  type: 'step/setMoment',
                  id: step.id,
                  moment: (e.target.value || null) as Moment | null,
                },
              ],
              label: 'Change moment',
            })
          }
        >
          <option value="">None</option>
          {keysOf(MOMENT).map((m) => (
            <option key={m} value={m}>
              {MOMENT[m].glyph} {MOMENT[m].label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Channels</legend>
        <div className="checks">
          {map.channels.map((ch) => (
            <label key={ch.id}>
              <input
                type="checkbox"
                disabled={disabled}
                checked={step.channels.includes(ch.id)}
                onChange={(e) =>
                  edit({
                    type: 'edit',
                    ops: [
                      {
                        type: 'step/setChannels',
                        id: step.id,
                        channels: e.target.checked
                          ? [...step.channels, ch.id]
                          : step.channels.filter((c) => c !== ch.id),
                      },
                    ],
                    label: 'Change channels',
                  })
                }
              />{' '}
              <abbr title={ch.name}>{ch.initials}</abbr> {ch.name}
            </label>
          ))}
        </div>
      </fieldset>
      {step.kind === 'decision' && <DecisionPaths step={step} />}
      <div className="field">
        <label htmlFor="step-path">On path</label>
        <select
          id="step-path"
          disabled={disabled}
          value={step.pathId ?? ''}
          onChange={(e) =>
            edit({
              type: 'edit',
              ops: [{ type: 'step/setPath', id: step.id, pathId: e.target.value || null }],
              label: 'Change path',
            })
          }
        >
          <option value="">Main journey</option>
          {allPaths
            .filter((x) => x.step.id !== step.id)
            .map((x) => (
              <option key={x.path.id} value={x.path.id}>
                {x.step.name}: {x.path.label}
              </option>
            ))}
        </select>
      </div>
      {canEdit && (
        <ConfirmButton
          className="danger-button"
          label="Delete step"
          confirmLabel="Delete"
          question={
            stepCards
              ? `Delete "${step.name}" and its ${stepCards} cards? You can undo this.`
              : null
          }
          onConfirm={() => {
            edit({
              type: 'edit',
              ops: [{ type: 'step/delete', id: step.id }],
              label: 'Delete step',
            });
            announce('Step deleted. Press Control Z to undo.');
            onDeleted();
          }}
        />
      )}
    </div>
  );
}
