/**
 * Uploads picked photos one after another: check, resize, upload, then report each file's
 * progress. The browser and bridge parts are injected, so the order of steps and the messages
 * are tested without a browser.
 */
import { translateNow } from '../../i18n/i18n-context';
import type { SessionPhoto } from '@domain/model/schema';
import type { UploadResult } from '../../bridge/client';
import type { ResizedPhoto } from './resize-image';
import { MAX_UPLOAD_BYTES, checkPhotoFile, formatBytes, photoFileName } from './photo-files';

/** Where one file stands. */
export type UploadStatus =
  | { state: 'waiting' }
  | { state: 'resizing' }
  | { state: 'uploading' }
  | { state: 'done'; fileName: string }
  | { state: 'failed'; message: string };

/** One picked file and its status. */
export type UploadItem = { key: string; name: string; status: UploadStatus };

/** The browser and bridge work, injected. */
export type UploadDeps = {
  resize: (file: File) => Promise<ResizedPhoto>;
  upload: (file: File) => Promise<UploadResult>;
  newId: () => string;
  /** Names already used on the page (session photos). */
  takenNames: () => readonly string[];
  /** The session date (or today) for file names. */
  date: () => string;
  /**
   * Called when a photo is stored: the server checks it (bytes, size, type) and records it on
   * the map, or refuses it with a reason (and removes it from the page).
   */
  added: (photo: SessionPhoto) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Called after each change of an item's status. */
  progress: (key: string, status: UploadStatus) => void;
};

/** Uploads `files` in order; answers how many were added. */
export async function uploadPhotos(
  files: readonly { key: string; file: File }[],
  deps: UploadDeps,
): Promise<number> {
  let added = 0;
  const taken = [...deps.takenNames()];
  for (const { key, file } of files) {
    const check = checkPhotoFile(file);
    if (!check.ok) {
      deps.progress(key, { state: 'failed', message: check.message });
      continue;
    }
    try {
      deps.progress(key, { state: 'resizing' });
      const resized = await deps.resize(file);
      if (resized.blob.size > MAX_UPLOAD_BYTES) {
        deps.progress(key, {
          state: 'failed',
          message: translateNow('session.photoFile.stillTooBig', {
            name: file.name,
            size: formatBytes(resized.blob.size),
            max: formatBytes(MAX_UPLOAD_BYTES),
          }),
        });
        continue;
      }
      const name = photoFileName({
        original: file.name,
        date: deps.date(),
        id: deps.newId(),
        taken,
      });
      taken.push(name);
      deps.progress(key, { state: 'uploading' });
      const res = await deps.upload(new File([resized.blob], name, { type: 'image/jpeg' }));
      if (!res.ok) {
        deps.progress(key, {
          state: 'failed',
          message: translateNow('session.photoFile.failed', { name: file.name, why: res.message }),
        });
        continue;
      }
      const registered = await deps.added({
        attachmentId: res.attachment.attachmentId,
        fileName: res.attachment.fileName,
        caption: '',
        stepId: null,
      });
      if (!registered.ok) {
        deps.progress(key, { state: 'failed', message: registered.message });
        continue;
      }
      added++;
      deps.progress(key, { state: 'done', fileName: res.attachment.fileName });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      deps.progress(key, {
        state: 'failed',
        message: translateNow('session.photoFile.notProcessed', { name: file.name, why }),
      });
    }
  }
  return added;
}
