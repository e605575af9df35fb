/** The labelled paths leaving a decision step: rename, delete, add. */
import type { Step } from '@domain/model/schema';
import { useCanEdit, useEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { useT } from '../../../i18n';

/** The paths fieldset of a decision step. */
export function DecisionPaths({ step }: { step: Step }) {
  const t = useT();
  const canEdit = useCanEdit();
  const { newId } = useServices();
  const edit = useEdit();
  return (
    <fieldset className="field">
      <legend>{t('editor.paths.title')}</legend>
      <ul className="path-list">
        {step.paths.map((p) => (
          <li key={p.id}>
            <InlineText
              label={t('editor.paths.label')}
              value={p.label}
              readOnly={!canEdit}
              onCommit={(label) =>
                edit([{ type: 'step/renamePath', id: step.id, pathId: p.id, label }])
              }
            />
            {canEdit && (
              <button
                type="button"
                className="icon-button"
                aria-label={t('editor.paths.delete', { label: p.label })}
                onClick={() => edit([{ type: 'step/deletePath', id: step.id, pathId: p.id }])}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <button
          type="button"
          className="subtle-button"
          onClick={() =>
            edit([
              {
                type: 'step/addPath',
                id: step.id,
                pathId: newId('path'),
                label: t('editor.paths.newLabel', { n: step.paths.length + 1 }),
              },
            ])
          }
        >
          {t('editor.paths.add')}
        </button>
      )}
    </fieldset>
  );
}
