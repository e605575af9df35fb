/**
 * A small canvas (with alpha blending) that draws the demo "photos" of a session wall, so the
 * seed needs no image files; the app's own PNG encoder (src/domain/write-up/png.ts) writes them.
 */
import { encodePng } from '../../src/domain/write-up/png';

/** An RGBA colour. */
export type Rgba = readonly [number, number, number, number];

/** A pixel buffer with a few drawing primitives. */
export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgba,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
    this.rect(0, 0, width, height, background);
  }

  /** Blends one pixel (alpha over). */
  plot(x: number, y: number, c: Rgba): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    const i = (yi * this.width + xi) * 4;
    const a = c[3] / 255;
    for (let k = 0; k < 3; k++) {
      const old = this.pixels[i + k] ?? 0;
      this.pixels[i + k] = Math.round(old * (1 - a) + (c[k] ?? 0) * a);
    }
    this.pixels[i + 3] = 255;
  }

  /** Fills a rectangle. */
  rect(x: number, y: number, w: number, h: number, c: Rgba): void {
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      for (let xx = Math.max(0, x); xx < Math.min(this.width, x + w); xx++) this.plot(xx, yy, c);
    }
  }

  /** Fills a disc. */
  disc(cx: number, cy: number, r: number, c: Rgba): void {
    for (let y = -r; y <= r; y++) {
      for (let x = -r; x <= r; x++) if (x * x + y * y <= r * r) this.plot(cx + x, cy + y, c);
    }
  }

  /** A thick line. */
  line(x0: number, y0: number, x1: number, y1: number, thickness: number, c: Rgba): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      this.disc(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, thickness / 2, c);
    }
  }

  /** A sticky note with a shadow and scribbled "text" lines. */
  sticky(x: number, y: number, size: number, c: Rgba, seed: number): void {
    this.rect(x + 3, y + 4, size, size, [0, 0, 0, 40]);
    this.rect(x, y, size, size, c);
    const ink: Rgba = [40, 40, 60, 170];
    const lines = 2 + (seed % 3);
    for (let l = 0; l < lines; l++) {
      const len = size * (0.45 + ((seed * 7 + l * 13) % 40) / 100);
      this.rect(x + 6, y + 10 + l * 9, Math.round(len), 3, ink);
    }
  }

  /** The PNG file bytes (every pixel is opaque after `plot`, so RGB carries it all). */
  toPng(): Uint8Array {
    const rgb = new Uint8Array(this.width * this.height * 3);
    for (let i = 0, j = 0; i < this.pixels.length; i += 4, j += 3) {
      rgb[j] = this.pixels[i] ?? 0;
      rgb[j + 1] = this.pixels[i + 1] ?? 0;
      rgb[j + 2] = this.pixels[i + 2] ?? 0;
    }
    return encodePng({ width: this.width, height: this.height, rgb });
  }
}

const YELLOW: Rgba = [255, 226, 110, 255];
const PINK: Rgba = [255, 160, 190, 255];
const BLUE: Rgba = [140, 200, 255, 255];
const GREEN: Rgba = [160, 230, 160, 255];
const ORANGE: Rgba = [255, 190, 120, 255];

/** "Photo" of the whole wall: stage headers, lanes of stickies, the line of visibility. */
export function wallPhoto(): Uint8Array {
  const c = new Canvas(480, 300, [236, 232, 224, 255]);
  const lanes: Rgba[] = [YELLOW, BLUE, PINK, GREEN];
  for (let stage = 0; stage < 5; stage++) {
    c.rect(16 + stage * 92, 12, 84, 18, [60, 90, 160, 255]);
    for (let lane = 0; lane < 4; lane++) {
      const count = 1 + ((stage + lane) % 2);
      for (let k = 0; k < count; k++) {
        c.sticky(
          18 + stage * 92 + k * 40,
          42 + lane * 62 + (lane >= 3 ? 8 : 0),
          36,
          lanes[lane] ?? YELLOW,
          stage * 5 + lane + k,
        );
      }
    }
  }
  c.line(8, 226, 472, 226, 3, [200, 40, 40, 255]);
  return c.toPng();
}

/** Close-up of pain points with dot votes. */
export function painPointsPhoto(): Uint8Array {
  const c = new Canvas(480, 300, [244, 240, 232, 255]);
  for (let i = 0; i < 6; i++) {
    const x = 30 + (i % 3) * 150;
    const y = 30 + Math.floor(i / 3) * 135;
    c.sticky(x, y, 110, i % 2 ? PINK : ORANGE, i + 3);
    for (let v = 0; v < (5 - i > 0 ? 5 - i : 1); v++)
      c.disc(x + 18 + v * 16, y + 92, 6, [220, 30, 60, 255]);
  }
  return c.toPng();
}

/** The sentiment curve drawn on the wall. */
export function sentimentPhoto(): Uint8Array {
  const c = new Canvas(480, 240, [250, 250, 246, 255]);
  c.line(20, 120, 460, 120, 1, [150, 150, 150, 255]);
  const pts = [0.5, 1.5, 0.5, -1.5, -2, -0.5, 1, 0.5, 1.5];
  for (let i = 1; i < pts.length; i++) {
    const x0 = 30 + (i - 1) * 52;
    const x1 = 30 + i * 52;
    c.line(x0, 120 - (pts[i - 1] ?? 0) * 45, x1, 120 - (pts[i] ?? 0) * 45, 5, [30, 100, 200, 255]);
  }
  pts.forEach((p, i) =>
    c.disc(30 + i * 52, 120 - p * 45, 7, p < 0 ? [210, 60, 60, 255] : [40, 160, 90, 255]),
  );
  return c.toPng();
}
