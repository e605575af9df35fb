import { msg } from '../i18n/message';
import type { Message, MessageParam } from '../i18n/message';
/**
 * What a session photo must be before the app lists it or shows it in a write-up: a JPEG, PNG,
 * WebP or GIF whose bytes say so (magic bytes, never the name or the declared type alone), no
 * larger than {@link MAX_PHOTO_BYTES}, and declared as what it is. Pure; the server runs it on
 * the bytes it downloaded as the user (decision 0018, security finding 9).
 */

/** Largest photo accepted, in bytes (the UI says so). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The image types the app accepts. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/** One accepted image type. */
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/** The verdict on an uploaded file. */
export type PhotoVerdict =
  | { ok: true; mediaType: PhotoMediaType }
  | { ok: false; code: 'TOO_LARGE' | 'INVALID_INPUT'; reason: Message };

function startsWith(bytes: Uint8Array, at: number, sig: readonly number[]): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The image type the bytes are, by their signature; null for anything else (SVG included). */
export function sniffImageType(bytes: Uint8Array): PhotoMediaType | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, ascii('GIF87a')) || startsWith(bytes, 0, ascii('GIF89a'))) {
    return 'image/gif';
  }
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) {
    return 'image/webp';
  }
  return null;
}

/** Declared types that name the same format (browsers still send `image/jpg` or `image/pjpeg`). */
function normalise(mediaType: string): string {
  const t = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return t === 'image/jpg' || t === 'image/pjpeg' ? 'image/jpeg' : t;
}

/** Checks a file's size, bytes and declared media type; says why when it is refused. */
export function checkPhoto(args: {
  fileName: string;
  bytes: Uint8Array;
  declaredType: string;
  /** The size Confluence reports (checked before the bytes are even needed). */
  size: number;
}): PhotoVerdict {
  const name: MessageParam = args.fileName || msg('errors.photo.thisFile');
  const size = Math.max(args.size, args.bytes.length);
  if (size > MAX_PHOTO_BYTES) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      reason: msg('errors.photo.tooBig', {
        name,
        size: formatMegabytes(size),
        limit: formatMegabytes(MAX_PHOTO_BYTES),
      }),
    };
  }
  const sniffed = sniffImageType(args.bytes);
  if (!sniffed) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      reason: msg('errors.photo.notImage', { name }),
    };
  }
  if (normalise(args.declaredType) !== sniffed) {
    return {
      ok: false,
      code: 'INVALID_INPUT',
      reason: msg('errors.photo.typeMismatch', {
        name,
        declared: args.declaredType || msg('errors.photo.unknownType'),
        sniffed,
      }),
    };
  }
  return { ok: true, mediaType: sniffed };
}

/** "10 MB", "12.5 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
