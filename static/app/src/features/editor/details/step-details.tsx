/**
 * Fields of a step: name, kind (action / question / decision), moment of truth, channels,
 * the labelled paths of a decision, the path the step belongs to, delete.
 */
import type { JourneyMap, Moment, Step, StepKind } from '@domain/model/schema';
import { useCanEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { MOMENT_GLYPH, STEP_KIND_LABEL, keysOf } from '../labels';
import { useT } from '../../../i18n';
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
  const t = useT();
  const canEdit = useCanEdit();
  const { store, announce } = useServices();
  const disabled = !canEdit;
  const edit = (ops: Parameters<typeof store.dispatch>[0]) => store.dispatch(ops);
  const stepCards = map.cards.filter((c) => c.stepId === step.id).length;
  const allPaths = map.steps.flatMap((s) => s.paths.map((p) => ({ step: s, path: p })));
  return (
    <div className="details-body">
      <div className="field">
        <span className="field-label">{t('editor.details.name')}</span>
        <InlineText
          label={t('editor.step.nameLabel')}
          value={step.name}
          readOnly={!canEdit}
          onCommit={(name) =>
            edit({
              type: 'edit',
              ops: [{ type: 'step/rename', id: step.id, name }],
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="step-kind">{t('editor.details.kind')}</label>
        <select
          id="step-kind"
          disabled={disabled}
          value={step.kind}
          onChange={(e) =>
            edit({
              type: 'edit',
              ops: [{ type: 'step/setKind', id: step.id, kind: e.target.value as StepKind }],
            })
          }
        >
          {keysOf(STEP_KIND_LABEL).map((k) => (
            <option key={k} value={k}>
              {t(`vocabulary.stepKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="step-moment">{t('editor.step.moment')}</label>
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
            })
          }
        >
          <option value="">{t('editor.step.none')}</option>
          {keysOf(MOMENT_GLYPH).map((m) => (
            <option key={m} value={m}>
              {MOMENT_GLYPH[m]} {t(`editor.moment.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('editor.details.channels')}</legend>
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
        <label htmlFor="step-path">{t('editor.step.onPath')}</label>
        <select
          id="step-path"
          disabled={disabled}
          value={step.pathId ?? ''}
          onChange={(e) =>
            edit({
              type: 'edit',
              ops: [{ type: 'step/setPath', id: step.id, pathId: e.target.value || null }],
            })
          }
        >
          <option value="">{t('editor.step.mainJourney')}</option>
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
          label={t('editor.step.delete')}
          confirmLabel={t('editor.details.confirmDelete')}
          question={
            stepCards
              ? t('editor.details.deleteQuestion', { name: step.name, count: stepCards })
              : null
          }
          onConfirm={() => {
            edit({
              type: 'edit',
              ops: [{ type: 'step/delete', id: step.id }],
            });
            announce(t('editor.step.deleted'));
            onDeleted();
          }}
        />
      )}
    </div>
  );
}
