/**
 * Windowing arithmetic of the grid (pure): which lane rows and step columns intersect the
 * scroller's view, and how the rendered ones interleave with spacers standing in for the rest.
 */

/** A half-open index range [start, end). */
export type Span = { start: number; end: number };

/** A run of the rendered sequence: one real item, or a gap of items drawn as one spacer. */
export type Segment = { kind: 'item'; index: number } | { kind: 'gap'; start: number; end: number };

/** Offsets of items laid end to end: `result[i]` is where item i starts, the last entry the total. */
export function prefixSums(sizes: readonly number[]): number[] {
  const out = [0];
  let at = 0;
  for (const s of sizes) out.push((at += s));
  return out;
}

/** The items whose extent intersects [from, to), widened by `overscan` items on each side. */
export function spanInView(args: {
  offsets: readonly number[];
  from: number;
  to: number;
  overscan: number;
}): Span {
  const { offsets, from, to, overscan } = args;
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  let start = 0;
  while (start < count - 1 && (offsets[start + 1] ?? 0) <= from) start++;
  let end = start + 1;
  while (end < count && (offsets[end] ?? 0) < to) end++;
  return { start: Math.max(0, start - overscan), end: Math.min(count, end + overscan) };
}

/** True when `inner` lies within `outer`. */
export function covers(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The rendered sequence for `count` items: the span plus pinned items (the focused cell, the
 * card being edited or dragged: unmounting them would drop focus, a draft or a drag), with gaps.
 */
export function segments(count: number, span: Span, pinned: readonly number[]): Segment[] {
  const keep = new Set<number>();
  for (let i = Math.max(0, span.start); i < Math.min(count, span.end); i++) keep.add(i);
  for (const p of pinned) if (p >= 0 && p < count) keep.add(p);
  const out: Segment[] = [];
  let gapStart = -1;
  for (let i = 0; i < count; i++) {
    if (keep.has(i)) {
      if (gapStart !== -1) out.push({ kind: 'gap', start: gapStart, end: i });
      gapStart = -1;
      out.push({ kind: 'item', index: i });
    } else if (gapStart === -1) gapStart = i;
  }
  if (gapStart !== -1) out.push({ kind: 'gap', start: gapStart, end: count });
  return out;
}
