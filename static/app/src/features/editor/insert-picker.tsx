/**
 * The empty state of a freshly inserted macro: the play in two lines and the three ways to
 * start (the play's blank map, Awareness → Advocacy, the worked example).
 */
import { useState } from 'react';
import type { TemplateId } from '@contract';
import { TEMPLATE_IDS } from '@domain/templates/template-ids';
import type { Translate } from '@domain/i18n';
import { useT } from '../../i18n';

/** What the picker says of a template: `editor.picker.template.<id>.*` in both catalogues. */
function templateText(t: Translate, id: TemplateId): { title: string; description: string } {
  return {
    title: t(`editor.picker.template.${id}.title`),
    description: t(`editor.picker.template.${id}.description`),
  };
}

/** Template picker shown when this macro has no map yet. */
export function InsertPicker(props: {
  canEdit: boolean;
  reason?: string;
  onCreate(template: TemplateId): Promise<string | null>;
}) {
  const t = useT();
  const [busy, setBusy] = useState<TemplateId | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="insert-picker" aria-labelledby="insert-title">
      <h2 id="insert-title">{t('editor.picker.title')}</h2>
      <p>{t('editor.picker.intro')}</p>
      <p>{t('editor.picker.together')}</p>
      {props.canEdit ? (
        <ul className="templates">
          {TEMPLATE_IDS.map((id) => ({ id, ...templateText(t, id) })).map((tpl) => (
            <li key={tpl.id}>
              <button
                type="button"
                className="template"
                disabled={busy !== null}
                aria-busy={busy === tpl.id}
                onClick={() => {
                  setBusy(tpl.id);
                  setError(null);
                  void props.onCreate(tpl.id).then((message) => {
                    setBusy(null);
                    setError(message);
                  });
                }}
              >
                <strong>{tpl.title}</strong>
                <span>{busy === tpl.id ? t('editor.picker.creating') : tpl.description}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="banner is-readonly" role="note">
          {t('editor.picker.notStarted')} {props.reason ?? t('editor.picker.askEditor')}
        </p>
      )}
      {error && (
        <p className="banner is-error" role="alert">
          {t('editor.picker.createFailed', { error })}
        </p>
      )}
    </section>
  );
}
