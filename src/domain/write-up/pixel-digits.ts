/**
 * Numbers drawn into the sentiment chart without a font: a 3 × 5 pixel glyph per digit, plus,
 * minus and dot, scaled up. Only numbers go into the PNG (axis values, step numbers); names stay
 * in the page's text, where every script renders and screen readers reach them.
 */
import type { Canvas, Rgb } from './raster';
import { fillRect } from './raster';

const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
  '−': ['000', '000', '111', '000', '000'],
  '-': ['000', '000', '111', '000', '000'],
  '.': ['000', '000', '000', '000', '010'],
};

/** Width in pixels of `text` drawn at `scale` (one blank column between glyphs). */
export function digitsWidth(text: string, scale: number): number {
  const n = [...text].filter((c) => c in GLYPHS).length;
  return n === 0 ? 0 : (n * 4 - 1) * scale;
}

/** Draws `text` (digits, +, −, .; anything else skipped) with its top-left corner at x, y. */
export function drawDigits(
  canvas: Canvas,
  args: { text: string; x: number; y: number; scale: number; colour: Rgb },
): void {
  let x = Math.round(args.x);
  for (const ch of args.text) {
    const glyph = GLYPHS[ch];
    if (!glyph) continue;
    glyph.forEach((row, r) => {
      [...row].forEach((bit, c) => {
        if (bit === '1') {
          fillRect(
            canvas,
            {
              x: x + c * args.scale,
              y: Math.round(args.y) + r * args.scale,
              width: args.scale,
              height: args.scale,
            },
            args.colour,
          );
        }
      });
    });
    x += 4 * args.scale;
  }
}
