/**
 * The persona: photo (a picture attached to the page), name, role and details, plus the
 * fields of seed 004 (age, family status, professional goals, personal interests).
 */
import { useEffect, useState } from 'react';
import type { Persona } from '@domain/model/schema';
import type { PhotoInfo } from '@contract';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';

const MORE: readonly { key: keyof Persona; label: string; multiline?: boolean }[] = [
  { key: 'age', label: 'Age' },
  { key: 'familyStatus', label: 'Family status' },
  { key: 'goals', label: 'Goals', multiline: true },
  { key: 'professionalGoals', label: 'Professional goals', multiline: true },
  { key: 'personalInterests', label: 'Personal interests', multiline: true },
  { key: 'details', label: 'Details', multiline: true },
];

/** The persona card of the scope bar. */
export function PersonaCard() {
  const persona = useEditor((s) => s.map.persona);
  const canEdit = useCanEdit();
  const { store, listPhotos, photoUrl } = useServices();
  const [photos, setPhotos] = useState<PhotoInfo[] | null>(null);
  const [shown, setShown] = useState<{ photoId: string; url: string | null } | null>(null);
  const [picking, setPicking] = useState(false);
  const set = (patch: Partial<Persona>, label: string) =>
    store.dispatch({ type: 'edit', ops: [{ type: 'persona/set', patch }], label });

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
    <div className="persona" aria-label="Persona" role="group">
      <div className="persona-head">
        <div className="avatar" aria-hidden={!url}>
          {url ? (
            <img src={url} alt={persona.name || 'The persona'} />
          ) : (
            <span>{initials || '?'}</span>
          )}
        </div>
        <div className="persona-names">
          <InlineText
            label="Persona name"
            value={persona.name}
            readOnly={!canEdit}
            placeholder="Persona name"
            className="persona-name"
            onCommit={(name) => set({ name }, 'Edit persona name')}
          />
          <InlineText
            label="Persona role"
            value={persona.role}
            readOnly={!canEdit}
            placeholder="Role"
            onCommit={(role) => set({ role }, 'Edit persona role')}
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
            {persona.photo ? 'Change photo' : 'Add photo'}
          </button>
          {persona.photo && (
            <button
              type="button"
              className="subtle-button"
              onClick={() => set({ photo: null }, 'Remove photo')}
            >
              Remove photo
            </button>
          )}
          {picking && (
            <div className="photo-list" role="group" aria-label="Pictures attached to this page">
              {photos === null && <span>Loading pictures…</span>}
              {photos?.length === 0 && (
                <span>
                  No pictures are attached to this page yet. Attach one to the page, then pick it
                  here.
                </span>
              )}
              {photos?.map((p) => (
                <button
                  key={p.attachmentId}
                  type="button"
                  className="subtle-button"
                  onClick={() => {
                    set(
                      { photo: { attachmentId: p.attachmentId, fileName: p.fileName } },
                      'Set photo',
                    );
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
        <summary>Persona details</summary>
        <dl>
          {MORE.map((f) => (
            <div key={f.key} className="field">
              <dt>{f.label}</dt>
              <dd>
                <InlineText
                  label={`Persona ${f.label.toLowerCase()}`}
                  value={textOf(persona[f.key])}
                  readOnly={!canEdit}
                  multiline={f.multiline}
                  onCommit={(v) => set({ [f.key]: v }, `Edit persona ${f.label.toLowerCase()}`)}
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
