/** Geometry of the sentiment curve, shared by the editor's SVG and the write-up's image. */

/** Highest sentiment on the scale. */
export const SENTIMENT_MAX = 2;
/** Lowest sentiment on the scale. */
export const SENTIMENT_MIN = -2;

/** One charted point of the curve. */
export type CurvePoint = { index: number; value: number; x: number; y: number };

/** The curve: its points, an SVG path through them and where the neutral (0) line is. */
export type Curve = { points: CurvePoint[]; path: string; zeroY: number; columnWidth: number };

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Lays the values out in `width` × `height`: one column per step with the point at the
 * column's centre, +2 at the top and −2 at the bottom (inside `padding`). Uncharted steps get
 * no point and the line joins their neighbours; the path is empty when nothing is charted.
 */
export function curvePoints(args: {
  values: readonly (number | null)[];
  width: number;
  height: number;
  padding?: number;
}): Curve {
  const { values, width, height } = args;
  const padding = args.padding ?? 8;
  const columnWidth = values.length > 0 ? width / values.length : width;
  const span = Math.max(0, height - 2 * padding);
  const yOf = (v: number): number => {
    const clamped = Math.min(SENTIMENT_MAX, Math.max(SENTIMENT_MIN, v));
    return round(padding + ((SENTIMENT_MAX - clamped) / (SENTIMENT_MAX - SENTIMENT_MIN)) * span);
  };
  const points: CurvePoint[] = [];
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    points.push({ index, value, x: round((index + 0.5) * columnWidth), y: yOf(value) });
  });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { points, path, zeroY: yOf(0), columnWidth: round(columnWidth) };
}
