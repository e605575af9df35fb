/**
 * Rules for wall photos before they leave the browser: which files are accepted, how large they
 * may be, the size they are scaled to and the safe, unique name they are stored under. Pure but
 * for the messages, which are in the person's language.
 */
import { translateNow } from '../../i18n/i18n-context';

/** Longest side of an uploaded photo, in pixels. */
export const MAX_LONG_SIDE = 2000;
/** Largest file accepted for resizing (decoding a bigger one risks running out of memory). */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;
/** Largest resized photo sent (it travels base64 through the bridge). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** JPEG quality of resized photos. */
export const JPEG_QUALITY = 0.85;

/** Image types the browser can decode and we resize. */
export const ACCEPTED_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/avif',
];

/** What the file picker offers. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.join(',');

/** The facts about a picked file that the checks need. */
export type PickedFile = { name: string; type: string; size: number };

/** Whether a picked file may be resized and uploaded, with a message when not. */
export type FileCheck = { ok: true } | { ok: false; message: string };

/** Checks the type and size of a picked file. */
export function checkPhotoFile(file: PickedFile): FileCheck {
  const name = file.name || translateNow('session.photoFile.thisFile');
  const type = file.type.toLowerCase();
  if (!type.startsWith('image/')) {
    return {
      ok: false,
      message: translateNow('session.photoFile.notImage', { name }),
    };
  }
  if (!ACCEPTED_TYPES.includes(type)) {
    return {
      ok: false,
      message: translateNow('session.photoFile.cannotResize', {
        name,
        type: type.slice(6).toUpperCase(),
      }),
    };
  }
  if (file.size > MAX_INPUT_BYTES) {
    return {
      ok: false,
      message: translateNow('session.photoFile.tooBig', {
        name,
        size: formatBytes(file.size),
        max: formatBytes(MAX_INPUT_BYTES),
      }),
    };
  }
  if (file.size === 0)
    return { ok: false, message: translateNow('session.photoFile.empty', { name }) };
  return { ok: true };
}

/** The size to draw an image at so its long side is at most `maxSide` (never enlarged). */
export function fitWithin(
  width: number,
  height: number,
  maxSide = MAX_LONG_SIDE,
): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxSide || long <= 0) return { width, height };
  const scale = maxSide / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * A safe, unique attachment name: `session-<date>-<slug>-<id>.jpg`, only `[a-z0-9-]` in the
 * stem, never one of `taken` (compared case-insensitively, as Confluence does).
 */
export function photoFileName(args: {
  original: string;
  date: string;
  id: string;
  taken: readonly string[];
}): string {
  const stem = args.original.replace(/\.[^.]*$/, '');
  const slug =
    stem
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'photo';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(args.date) ? args.date.replace(/-/g, '') : 'undated';
  const id =
    args.id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(-12) || '0';
  const taken = new Set(args.taken.map((t) => t.toLowerCase()));
  const base = `session-${date}-${slug}-${id}`;
  let name = `${base}.jpg`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.jpg`;
  return name;
}

/** "1.4 MB", "820 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
