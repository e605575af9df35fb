/**
 * Session photos: attachments of the page shown in the session panel, each with a caption and
 * optionally the step it belongs to.
 */
import { z } from 'zod';

import { isId } from '../../model/restore-values';
import type { JourneyMap, SessionPhoto } from '../../model/schema';
import { CARD_TEXT_MAX } from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import { drop, insertClamped, removeAt, replaceAt, textOf } from '../helpers';
import { position } from '../op-fields';
import { withSession } from './session';

const photoInput = z
  .object({
    attachmentId: z.string().min(1).max(128),
    fileName: z.string(),
    caption: z.string(),
    stepId: z.string().nullable(),
  })
  .describe('invalid photo');

/** Adds a photo at `index` (the end when undefined); a step that is gone is left out. */
function addPhoto(map: JourneyMap, value: SessionPhoto, index?: number): ApplyResult {
  const s = map.session;
  const photo: SessionPhoto = {
    attachmentId: value.attachmentId,
    fileName: textOf(value.fileName, 255) ?? '',
    caption: textOf(value.caption, CARD_TEXT_MAX) ?? '',
    stepId:
      isId(value.stepId) && map.steps.some((st) => st.id === value.stepId) ? value.stepId : null,
  };
  if (s.photos.some((p) => p.attachmentId === photo.attachmentId))
    return drop(map, 'photo already added');
  return withSession(map, { ...s, photos: insertClamped(s.photos, index, photo) }, [
    { type: 'session/removePhoto', attachmentId: photo.attachmentId },
  ]);
}

/** `session/addPhoto`. */
export const sessionAddPhoto = defineOp({
  type: 'session/addPhoto',
  fields: { photo: photoInput },
  apply: (map, op): ApplyResult => addPhoto(map, op.photo),
});

/** `session/restorePhoto`: the inverse of `session/removePhoto`. */
export const sessionRestorePhoto = defineOp({
  type: 'session/restorePhoto',
  fields: { photo: photoInput, index: position },
  apply: (map, op): ApplyResult => addPhoto(map, op.photo, op.index),
});

/** `session/editPhoto`: caption and step. */
export const sessionEditPhoto = defineOp({
  type: 'session/editPhoto',
  fields: {
    attachmentId: z.string(),
    caption: z.string().optional(),
    stepId: z.string().nullable().optional(),
  },
  apply(map, op): ApplyResult {
    const s = map.session;
    const at = s.photos.findIndex((p) => p.attachmentId === op.attachmentId);
    const photo = s.photos[at];
    if (photo === undefined) return drop(map, 'photo not found');
    const next = { ...photo };
    if (op.caption !== undefined) next.caption = textOf(op.caption, CARD_TEXT_MAX) ?? '';
    if (op.stepId !== undefined) {
      if (op.stepId !== null && !map.steps.some((st) => st.id === op.stepId))
        return drop(map, 'step not found');
      next.stepId = op.stepId;
    }
    return withSession(map, { ...s, photos: replaceAt(s.photos, at, next) }, [
      {
        type: 'session/editPhoto',
        attachmentId: photo.attachmentId,
        caption: photo.caption,
        stepId: photo.stepId,
      },
    ]);
  },
});

/** `session/removePhoto`: undone by `session/restorePhoto`. */
export const sessionRemovePhoto = defineOp({
  type: 'session/removePhoto',
  fields: { attachmentId: z.string() },
  apply(map, op): ApplyResult {
    const s = map.session;
    const at = s.photos.findIndex((p) => p.attachmentId === op.attachmentId);
    const photo = s.photos[at];
    if (photo === undefined) return drop(map, 'photo not found');
    return withSession(map, { ...s, photos: removeAt(s.photos, at) }, [
      { type: 'session/restorePhoto', photo, index: at },
    ]);
  },
});

/** The photo ops. */
export const sessionPhotoOps = [
  sessionAddPhoto,
  sessionEditPhoto,
  sessionRemovePhoto,
  sessionRestorePhoto,
] as const;
