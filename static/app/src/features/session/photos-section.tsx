/**
 * Wall photos of the session: pick several at once (resized in the browser and uploaded to the
 * page's attachments, with progress), then caption each, pin it to a step or remove it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SessionPhoto } from '@domain/model/schema';
import { uploadAttachment } from '../../bridge/client';
import { useCanEdit, useEdit, useEditor, useServices } from '../editor/editor-context';
import { InlineText } from '../editor/inline-text';
import { MAX_PHOTO_BYTES, formatMegabytes } from '../../../../../src/domain/session/photo-check';
import { ACCEPT_ATTRIBUTE, MAX_LONG_SIDE } from './photo-files';
import { resizeToJpeg } from './resize-image';
import type { UploadItem, UploadStatus } from './upload-photos';
import { uploadPhotos } from './upload-photos';
import { translateNow, useT } from '../../i18n';

/** The photos of the session. */
export function PhotosSection() {
  const t = useT();
  const photos = useEditor((s) => s.map.session.photos);
  const canEdit = useCanEdit();
  const { newId, today, address, announce, store, transport, engine } = useServices();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const urls = usePhotoUrls(photos, refresh);

  const onFiles = async (list: FileList | null) => {
    const files = [...(list ?? [])].map((file) => ({ key: newId('upload'), file }));
    if (input.current) input.current.value = '';
    if (files.length === 0) return;
    setItems(
      files.map(({ key, file }) => ({ key, name: file.name, status: { state: 'waiting' } })),
    );
    setBusy(true);
    const set = (key: string, status: UploadStatus) =>
      setItems((all) => all.map((i) => (i.key === key ? { ...i, status } : i)));
    const added = await uploadPhotos(files, {
      resize: (file) => resizeToJpeg(file),
      upload: (file) =>
        uploadAttachment({
          pageId: address.pageId,
          file,
          comment: translateNow('session.photos.uploadComment'),
        }),
      newId: () => newId('p'),
      takenNames: () => store.getState().map.session.photos.map((p) => p.fileName),
      date: () => store.getState().map.session.date ?? today(),
      // The server checks the uploaded bytes and adds the photo to the map (photos/register).
      added: async (photo) => {
        const res = await transport.call('photos/register', {
          ...address,
          baseVersion: store.getState().version,
          attachmentId: photo.attachmentId,
          caption: photo.caption,
          stepId: photo.stepId,
        });
        if (!res.ok) return { ok: false, message: res.error.message };
        await engine.pollNow(true);
        return { ok: true };
      },
      progress: set,
    });
    setBusy(false);
    setRefresh((n) => n + 1);
    const failed = files.length - added;
    announce(
      failed
        ? translateNow('session.photos.addedSome', { count: added, failed })
        : translateNow('session.photos.added', { count: added }),
    );
  };

  const finished = items.filter((i) => i.status.state === 'done' || i.status.state === 'failed');
  return (
    <div className="session-photos">
      <h3>{t('session.photos.photos')}</h3>
      {canEdit && (
        <div className="photo-picker">
          <label className="button-like" htmlFor="session-photo-input">
            {t('session.photos.addPhotos')}
          </label>
          <input
            ref={input}
            id="session-photo-input"
            className="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            disabled={busy}
            onChange={(e) => void onFiles(e.target.files)}
          />
          <span className="subtle">
            {t('session.photos.hint', {
              px: MAX_LONG_SIDE,
              size: formatMegabytes(MAX_PHOTO_BYTES),
            })}
          </span>
        </div>
      )}
      {items.length > 0 && (
        <div className="upload-progress" aria-live="polite">
          <progress
            max={items.length}
            value={finished.length}
            aria-label={t('session.photos.photosProcessed')}
          />
          <span>
            {t('session.photos.processedOf', { done: finished.length, total: items.length })}
          </span>
          <ul>
            {items.map((i) => (
              <li key={i.key} className={`upload-item is-${i.status.state}`}>
                {statusText(i)}
              </li>
            ))}
          </ul>
          {!busy && (
            <button type="button" className="subtle-button" onClick={() => setItems([])}>
              {t('session.photos.clear')}
            </button>
          )}
        </div>
      )}
      {photos.length === 0 ? (
        <p className="subtle">{canEdit ? t('session.photos.noneAdd') : t('session.photos.none')}</p>
      ) : (
        <ul className="photo-list">
          {photos.map((p) => (
            <PhotoRow key={p.attachmentId} photo={p} url={urls.get(p.attachmentId)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function statusText(item: UploadItem): string {
  const s = item.status;
  switch (s.state) {
    case 'waiting':
      return translateNow('session.photos.status.waiting', { name: item.name });
    case 'resizing':
      return translateNow('session.photos.status.resizing', { name: item.name });
    case 'uploading':
      return translateNow('session.photos.status.uploading', { name: item.name });
    case 'done':
      return translateNow('session.photos.status.done', { name: item.name, file: s.fileName });
    case 'failed':
      return s.message;
  }
}

/** One photo: thumbnail, caption, step pin, remove. */
function PhotoRow(props: { photo: SessionPhoto; url: string | undefined }) {
  const t = useT();
  const { photo, url } = props;
  const canEdit = useCanEdit();
  const edit = useEdit();
  const { announce } = useServices();
  const stages = useEditor((s) => s.map.stages);
  const steps = useEditor((s) => s.map.steps);
  const byStage = useMemo(
    () => stages.map((st) => ({ stage: st, steps: steps.filter((s) => s.stageId === st.id) })),
    [stages, steps],
  );
  const label = photo.caption.trim() || photo.fileName;
  const selectId = `pin-${photo.attachmentId}`;
  return (
    <li className="photo-row" data-testid="session-photo">
      <div className="photo-thumb">
        {url ? <img src={url} alt={label} /> : <span className="subtle">{photo.fileName}</span>}
      </div>
      <div className="photo-fields">
        <InlineText
          label={t('session.photos.captionOf', { name: photo.fileName })}
          value={photo.caption}
          readOnly={!canEdit}
          placeholder={t('session.photos.caption')}
          onCommit={(caption) =>
            edit([{ type: 'session/editPhoto', attachmentId: photo.attachmentId, caption }])
          }
        />
        <div className="photo-pin">
          <label htmlFor={selectId}>{t('session.photos.pinnedTo')}</label>
          <select
            id={selectId}
            value={photo.stepId ?? ''}
            disabled={!canEdit}
            onChange={(e) =>
              edit([
                {
                  type: 'session/editPhoto',
                  attachmentId: photo.attachmentId,
                  stepId: e.target.value || null,
                },
              ])
            }
          >
            <option value="">{t('session.photos.noStep')}</option>
            {byStage.map(({ stage, steps: own }) => (
              <optgroup key={stage.id} label={stage.name || t('session.photos.untitledStage')}>
                {own.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name || t('session.photos.untitledStep')}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <span className="subtle photo-name">{photo.fileName}</span>
      </div>
      {canEdit && (
        <button
          type="button"
          className="subtle-button"
          aria-label={t('session.photos.removeLabel', { label })}
          onClick={() => {
            edit([{ type: 'session/removePhoto', attachmentId: photo.attachmentId }]);
            announce(t('session.photos.removed', { label }));
          }}
        >
          {t('session.photos.remove')}
        </button>
      )}
    </li>
  );
}

/** Object URLs of the session photos' thumbnails (fetched as the viewer, revoked on change). */
function usePhotoUrls(photos: readonly SessionPhoto[], refresh: number): Map<string, string> {
  const { listPhotos, photoUrl } = useServices();
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  const ids = photos.map((p) => p.attachmentId).join('|');
  useEffect(() => {
    let alive = true;
    const made: string[] = [];
    void (async () => {
      const wanted = new Set(ids.split('|').filter(Boolean));
      if (wanted.size === 0) {
        setUrls(new Map());
        return;
      }
      const infos = (await listPhotos()).filter((i) => wanted.has(i.attachmentId));
      const next = new Map<string, string>();
      for (const info of infos) {
        const url = await photoUrl(info);
        if (!url) continue;
        if (!alive) {
          URL.revokeObjectURL(url);
          continue;
        }
        made.push(url);
        next.set(info.attachmentId, url);
      }
      if (alive) setUrls(next);
    })();
    return () => {
      alive = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [ids, refresh, listPhotos, photoUrl]);
  return urls;
}
