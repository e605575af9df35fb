/**
 * Fields of a step: name, kind (action / question / decision), moment of truth, channels,
 * the labelled paths of a decision, the path the step belongs to, delete.
 */
import type { Moment, Step, StepKind } from '@domain/model/schema';
import { useCanEdit, useEdit } from '../editor-context';
import { MOMENT_GLYPH, STEP_KIND_LABEL, keysOf } from '../labels';
import { useT } from '../../../i18n';
import { DecisionPaths } from './decision-paths';
import type { DetailsBodyProps } from './fields';
import { ChannelChecks, DeleteButton, SelectField, NameField } from './fields';

/** Step fields. */
export function StepDetails({ step, map, onDeleted }: DetailsBodyProps & { step: Step }) {
  const t = useT();
  const canEdit = useCanEdit();
  const edit = useEdit();
  const stepCards = map.cards.filter((c) => c.stepId === step.id).length;
  const allPaths = map.steps.flatMap((s) => s.paths.map((p) => ({ step: s, path: p })));
  return (
    <div className="details-body">
      <NameField of={{ type: 'step', id: step.id }} value={step.name} />
      <SelectField
        id="step-kind"
        label={t('editor.details.kind')}
        value={step.kind}
        onChange={(kind) => edit([{ type: 'step/setKind', id: step.id, kind: kind as StepKind }])}
      >
        {keysOf(STEP_KIND_LABEL).map((k) => (
          <option key={k} value={k}>
            {t(`vocabulary.stepKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="step-moment"
        label={t('editor.step.moment')}
        value={step.moment ?? ''}
        onChange={(moment) =>
          edit([{ type: 'step/setMoment', id: step.id, moment: (moment || null) as Moment | null }])
        }
      >
        <option value="">{t('editor.step.none')}</option>
        {keysOf(MOMENT_GLYPH).map((m) => (
          <option key={m} value={m}>
            {MOMENT_GLYPH[m]} {t(`editor.moment.${m}`)}
          </option>
        ))}
      </SelectField>
      <ChannelChecks
        channels={map.channels}
        chosen={step.channels}
        onChange={(channels) => edit([{ type: 'step/setChannels', id: step.id, channels }])}
      />
      {step.kind === 'decision' && <DecisionPaths step={step} />}
      <SelectField
        id="step-path"
        label={t('editor.step.onPath')}
        value={step.pathId ?? ''}
        onChange={(pathId) => edit([{ type: 'step/setPath', id: step.id, pathId: pathId || null }])}
      >
        <option value="">{t('editor.step.mainJourney')}</option>
        {allPaths
          .filter((x) => x.step.id !== step.id)
          .map((x) => (
            <option key={x.path.id} value={x.path.id}>
              {x.step.name}: {x.path.label}
            </option>
          ))}
      </SelectField>
      {canEdit && (
        <DeleteButton
          label={t('editor.step.delete')}
          question={
            stepCards
              ? t('editor.details.deleteQuestion', { name: step.name, count: stepCards })
              : null
          }
          op={{ type: 'step/delete', id: step.id }}
          done={t('editor.step.deleted')}
          onDeleted={onDeleted}
        />
      )}
    </div>
  );
}
