/** Numbers drawn into the chart PNG: glyph widths, the pixels they set, and nothing else touched. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsWidth, drawDigits } from '../../../../src/domain/write-up/pixel-digits';
import { createCanvas } from '../../../../src/domain/write-up/raster';

const BLACK = [0, 0, 0] as const;
const WHITE = [255, 255, 255] as const;

function inked(canvas: { width: number; height: number; rgb: Uint8Array }): number[][] {
  const out: number[][] = [];
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      if ((canvas.rgb[(y * canvas.width + x) * 3] ?? 255) < 128) out.push([x, y]);
    }
  }
  return out;
}

describe('pixel digits', () => {
  it.each([
    ['1', 1, 3],
    ['10', 1, 7],
    ['+2', 2, 14],
    ['−1', 2, 14],
    ['', 2, 0],
    ['a', 2, 0],
  ])('%s at scale %i is %i px wide', (text, scale, width) => {
    expect(digitsWidth(text, scale)).toBe(width);
  });

  it('draws "1" as its 3 × 5 glyph', () => {
    const canvas = createCanvas({ width: 5, height: 7, background: WHITE });
    drawDigits(canvas, { text: '1', x: 1, y: 1, scale: 1, colour: BLACK });
    expect(inked(canvas)).toEqual([
      [2, 1],
      [1, 2],
      [2, 2],
      [2, 3],
      [2, 4],
      [1, 5],
      [2, 5],
      [3, 5],
    ]);
  });

  it('inks only inside the box digitsWidth × 5·scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 3 }), (n, s) => {
        const text = String(n);
        const canvas = createCanvas({ width: 80, height: 20, background: WHITE });
        drawDigits(canvas, { text, x: 2, y: 2, scale: s, colour: BLACK });
        const px = inked(canvas);
        expect(px.length).toBeGreaterThan(0);
        for (const [x, y] of px) {
          expect(x).toBeGreaterThanOrEqual(2);
          expect(x).toBeLessThan(2 + digitsWidth(text, s));
          expect(y).toBeGreaterThanOrEqual(2);
          expect(y).toBeLessThan(2 + 5 * s);
        }
      }),
    );
  });
});
