/**
 * The persona: photo (a picture attached to the page), name, role and details, plus the
 * fields of seed 004 (age, family status, professional goals, personal interests).
 */
import { useEffect, useState } from 'react';
import type { Persona } from '@domain/model/schema';
import { CARD_TEXT_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX } from '@domain/model/text-limits';
import type { PhotoInfo } from '@contract';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { fieldDraftKey } from '../state/draft-store';
import { useT } from '../../../i18n';

/** A persona field typed in (the photo is picked). */
type TextKey = Exclude<keyof Persona, 'photo'>;

/** The persona's further fields. */
const MORE: readonly { key: TextKey; limit: number; multiline?: boolean }[] = [
  { key: 'age', limit: SHORT_TEXT_MAX },
  { key: 'familyStatus', limit: SHORT_TEXT_MAX },
  { key: 'goals', limit: CARD_TEXT_MAX, multiline: true },
  {
    key: 'professionalGoals',
    limit: CARD_TEXT_MAX,
    multiline: true,
  },
  {
    key: 'personalInterests',
    limit: CARD_TEXT_MAX,
    multiline: true,
  },
  { key: 'details', limit: LONG_TEXT_MAX, multiline: true },
];

/** The persona card of the scope bar. */
export function PersonaCard() {
  const t = useT();
  const persona = useEditor((s) => s.map.persona);
  const canEdit = useCanEdit();
  const { store, listPhotos, photoUrl, drafts } = useServices();
  // What is typed is kept as it is typed (a reload keeps it) until the server has it; others
  // see who types in it.
  const typed = (field: TextKey) =>
    ({
      draft: canEdit ? { store: drafts, key: fieldDraftKey(`persona.${field}`) } : undefined,
      presence: `persona.${field}`,
    }) as const;
  const [photos, setPhotos] = useState<PhotoInfo[] | null>(null);
  const [shown, setShown] = useState<{ photoId: string; url: string | null } | null>(null);
  const [picking, setPicking] = useState(false);
  const set = (patch: Partial<Persona>) =>
    store.dispatch({ type: 'edit', ops: [{ type: 'persona/set', patch }] });

  const photoId = persona.photo?.attachmentId ?? null;
  const url = photoId && shown?.photoId === photoId ? shown.url : null;
  useEffect(() => {
    if (!photoId) return;
    let alive = true;
    void (async () => {
      // The picker's list may predate the photo (uploaded since it loaded): then ask afresh.
      const cached = photos?.find((p) => p.attachmentId === photoId);
      const info = cached ?? (await listPhotos()).find((p) => p.attachmentId === photoId);
      const u = info ? await photoUrl(info) : null;
      if (alive) setShown({ photoId, url: u });
    })();
    return () => {
      alive = false;
    };
  }, [photoId, photos, listPhotos, photoUrl]);

  const initials = persona.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

  return (
    <div className="persona" aria-label={t('editor.persona.label')} role="group">
      <div className="persona-head">
        <div className="avatar" aria-hidden={!url}>
          {url ? (
            <img src={url} alt={persona.name || t('editor.persona.thePersona')} />
          ) : (
            <span>{initials || '?'}</span>
          )}
        </div>
        <div className="persona-names">
          <InlineText
            label={t('editor.persona.name')}
            value={persona.name}
            readOnly={!canEdit}
            placeholder={t('editor.persona.name')}
            className="persona-name"
            limit={SHORT_TEXT_MAX}
            {...typed('name')}
            onCommit={(name) => set({ name })}
          />
          <InlineText
            label={t('editor.persona.role')}
            value={persona.role}
            readOnly={!canEdit}
            placeholder={t('editor.persona.rolePlaceholder')}
            limit={SHORT_TEXT_MAX}
            {...typed('role')}
            onCommit={(role) => set({ role })}
          />
        </div>
      </div>
      {canEdit && (
        <div className="photo-picker">
          <button
            type="button"
            className="subtle-button"
            aria-expanded={picking}
            onClick={() => {
              setPicking(!picking);
              if (!photos) void listPhotos().then(setPhotos);
            }}
          >
            {persona.photo ? t('editor.persona.changePhoto') : t('editor.persona.addPhoto')}
          </button>
          {persona.photo && (
            <button type="button" className="subtle-button" onClick={() => set({ photo: null })}>
              {t('editor.persona.removePhoto')}
            </button>
          )}
          {picking && (
            <div className="photo-list" role="group" aria-label={t('editor.persona.pictures')}>
              {photos === null && <span>{t('editor.persona.loadingPictures')}</span>}
              {photos?.length === 0 && <span>{t('editor.persona.noPictures')}</span>}
              {photos?.map((p) => (
                <button
                  key={p.attachmentId}
                  type="button"
                  className="subtle-button"
                  onClick={() => {
                    set({ photo: { attachmentId: p.attachmentId, fileName: p.fileName } });
                    setPicking(false);
                  }}
                >
                  {p.fileName}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      <details className="persona-more">
        <summary>{t('editor.persona.details')}</summary>
        <dl>
          {MORE.map((f) => (
            <div key={f.key} className="field">
              <dt>{t(`editor.persona.field.${f.key}`)}</dt>
              <dd>
                <InlineText
                  label={t(`editor.persona.fieldLabel.${f.key}`)}
                  value={textOf(persona[f.key])}
                  readOnly={!canEdit}
                  multiline={f.multiline}
                  limit={f.limit}
                  {...typed(f.key)}
                  onCommit={(v) => set({ [f.key]: v })}
                />
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

function textOf(value: Persona[keyof Persona]): string {
  return typeof value === 'string' ? value : '';
}
