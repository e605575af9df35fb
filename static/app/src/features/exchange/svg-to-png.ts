/** Draws the exported SVG onto a canvas and encodes it as PNG, at 2× for sharp slides. */
import { translateNow } from '../../i18n/i18n-context';

/** Browsers refuse canvases much beyond this many pixels per side. */
const MAX_SIDE = 16_000;

/** The PNG of `svg` (`width` × `height` CSS pixels) at up to `scale`×. */
export async function svgToPng(args: {
  svg: string;
  width: number;
  height: number;
  scale?: number;
}): Promise<Blob> {
  const scale = Math.min(args.scale ?? 2, MAX_SIDE / args.width, MAX_SIDE / args.height);
  const url = URL.createObjectURL(new Blob([args.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = args.width;
    image.height = args.height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(translateNow('exchange.png.notDrawn')));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(args.width * scale);
    canvas.height = Math.round(args.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(translateNow('exchange.png.noCanvas'));
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, args.width, args.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob ? resolve(blob) : reject(new Error(translateNow('exchange.png.notEncoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
