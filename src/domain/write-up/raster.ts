/**
 * A tiny RGB rasteriser for the sentiment chart: rectangles, anti-aliased thick lines and discs.
 * Coverage is computed from the distance to the shape, so edges are smooth and output exact.
 */

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** A pixel buffer. */
export type Canvas = { width: number; height: number; rgb: Uint8Array };

/** A canvas filled with one colour. */
export function createCanvas(args: { width: number; height: number; background: Rgb }): Canvas {
  const { width, height, background } = args;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i += 3) {
    rgb[i] = background[0];
    rgb[i + 1] = background[1];
    rgb[i + 2] = background[2];
  }
  return { width, height, rgb };
}

function blend(canvas: Canvas, x: number, y: number, colour: Rgb, alpha: number): void {
  if (alpha <= 0 || x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return;
  const a = Math.min(1, alpha);
  const i = (y * canvas.width + x) * 3;
  for (let c = 0; c < 3; c++) {
    const under = canvas.rgb[i + c] ?? 0;
    canvas.rgb[i + c] = Math.round(under + (colour[c as 0 | 1 | 2] - under) * a);
  }
}

/** Fills an axis-aligned rectangle (pixel units, clipped). */
export function fillRect(
  canvas: Canvas,
  rect: { x: number; y: number; width: number; height: number },
  colour: Rgb,
): void {
  const x0 = Math.max(0, Math.round(rect.x));
  const y0 = Math.max(0, Math.round(rect.y));
  const x1 = Math.min(canvas.width, Math.round(rect.x + rect.width));
  const y1 = Math.min(canvas.height, Math.round(rect.y + rect.height));
  for (let y = y0; y < y1; y++) {
    for (let i = (y * canvas.width + x0) * 3, end = (y * canvas.width + x1) * 3; i < end; i += 3) {
      canvas.rgb[i] = colour[0];
      canvas.rgb[i + 1] = colour[1];
      canvas.rgb[i + 2] = colour[2];
    }
  }
}

/** A line from (x1,y1) to (x2,y2) with round caps, `width` pixels thick, anti-aliased. */
export function strokeLine(
  canvas: Canvas,
  line: { x1: number; y1: number; x2: number; y2: number; width: number },
  colour: Rgb,
): void {
  const r = line.width / 2;
  const minX = Math.floor(Math.min(line.x1, line.x2) - r - 1);
  const maxX = Math.ceil(Math.max(line.x1, line.x2) + r + 1);
  const minY = Math.floor(Math.min(line.y1, line.y2) - r - 1);
  const maxY = Math.ceil(Math.max(line.y1, line.y2) + r + 1);
  const dx = line.x2 - line.x1;
  const dy = line.y2 - line.y1;
  const len2 = dx * dx + dy * dy;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      // Distance from the pixel centre to the segment.
      const px = x + 0.5 - line.x1;
      const py = y + 0.5 - line.y1;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d = Math.sqrt(ex * ex + ey * ey);
      blend(canvas, x, y, colour, r + 0.5 - d);
    }
  }
}

/** A filled disc, anti-aliased. */
export function fillDisc(
  canvas: Canvas,
  disc: { cx: number; cy: number; r: number },
  colour: Rgb,
): void {
  strokeLine(
    canvas,
    { x1: disc.cx, y1: disc.cy, x2: disc.cx, y2: disc.cy, width: disc.r * 2 },
    colour,
  );
}

/** A dashed horizontal line one pixel high. */
export function dashedHLine(
  canvas: Canvas,
  line: { y: number; x1: number; x2: number; dash: number },
  colour: Rgb,
): void {
  const y = Math.round(line.y);
  for (let x = Math.round(line.x1); x < Math.round(line.x2); x++) {
    if (Math.floor((x - line.x1) / line.dash) % 2 === 0) blend(canvas, x, y, colour, 1);
  }
}
