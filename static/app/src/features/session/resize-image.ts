/**
 * Scales a photo in the browser before it is uploaded: decoded with `createImageBitmap`, drawn
 * on an OffscreenCanvas (or a detached canvas where there is none), encoded as JPEG.
 */
import { translateNow } from '../../i18n/i18n-context';
import { JPEG_QUALITY, MAX_LONG_SIDE, fitWithin } from './photo-files';

/** A resized photo. */
export type ResizedPhoto = { blob: Blob; width: number; height: number };

/** Resizes `file` so its long side is at most `maxSide` px and re-encodes it as JPEG. */
export async function resizeToJpeg(
  file: Blob,
  options: { maxSide?: number; quality?: number } = {},
): Promise<ResizedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error(translateNow('session.resize.unreadable'));
  }
  try {
    const { width, height } = fitWithin(
      bitmap.width,
      bitmap.height,
      options.maxSide ?? MAX_LONG_SIDE,
    );
    const quality = options.quality ?? JPEG_QUALITY;
    const blob =
      typeof OffscreenCanvas === 'function'
        ? await drawOffscreen({ bitmap, width, height, quality })
        : await drawOnCanvas({ bitmap, width, height, quality });
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}

type Draw = { bitmap: ImageBitmap; width: number; height: number; quality: number };

async function drawOffscreen({ bitmap, width, height, quality }: Draw): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(translateNow('session.resize.noCanvas'));
  paint(ctx, { bitmap, width, height });
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

async function drawOnCanvas({ bitmap, width, height, quality }: Draw): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(translateNow('session.resize.noCanvas'));
  paint(ctx, { bitmap, width, height });
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(translateNow('session.resize.noJpeg')))),
      'image/jpeg',
      quality,
    );
  });
}

function paint(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  { bitmap, width, height }: { bitmap: ImageBitmap; width: number; height: number },
): void {
  // JPEG has no alpha: transparent pixels (PNG, GIF) become white, not black.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
}
