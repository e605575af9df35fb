/**
 * The grid's windowing arithmetic: which rows / columns a view needs, and how rendered items,
 * pinned items (focus, a draft, a drag) and spacer gaps interleave.
 */
import { describe, expect, it } from 'vitest';
import {
  covers,
  prefixSums,
  segments,
  spanInView,
} from '../../../static/app/src/features/editor/grid/grid-window';

describe('prefixSums', () => {
  it('gives each item its start and the total last', () => {
    expect(prefixSums([10, 20, 5])).toEqual([0, 10, 30, 35]);
    expect(prefixSums([])).toEqual([0]);
  });
});

describe('spanInView', () => {
  const offsets = prefixSums([100, 100, 100, 100, 100]);
  it('takes the items the view touches, partial ones included', () => {
    expect(spanInView({ offsets, from: 0, to: 150, overscan: 0 })).toEqual({ start: 0, end: 2 });
    expect(spanInView({ offsets, from: 150, to: 250, overscan: 0 })).toEqual({ start: 1, end: 3 });
    expect(spanInView({ offsets, from: 200, to: 300, overscan: 0 })).toEqual({ start: 2, end: 3 });
  });
  it('widens by the overscan within bounds', () => {
    expect(spanInView({ offsets, from: 200, to: 300, overscan: 1 })).toEqual({ start: 1, end: 4 });
    expect(spanInView({ offsets, from: 0, to: 1000, overscan: 2 })).toEqual({ start: 0, end: 5 });
  });
  it('keeps the last item when scrolled past the end', () => {
    expect(spanInView({ offsets, from: 900, to: 1000, overscan: 0 })).toEqual({
      start: 4,
      end: 5,
    });
  });
  it('is empty for no items', () => {
    expect(spanInView({ offsets: [0], from: 0, to: 100, overscan: 1 })).toEqual({
      start: 0,
      end: 0,
    });
  });
});

describe('covers', () => {
  it('says whether a rendered span holds the needed one', () => {
    expect(covers({ start: 1, end: 5 }, { start: 2, end: 4 })).toBe(true);
    expect(covers({ start: 1, end: 5 }, { start: 0, end: 4 })).toBe(false);
    expect(covers({ start: 1, end: 5 }, { start: 2, end: 6 })).toBe(false);
  });
});

describe('segments', () => {
  it('renders the span and stands a gap in for the rest', () => {
    expect(segments(6, { start: 2, end: 4 }, [])).toEqual([
      { kind: 'gap', start: 0, end: 2 },
      { kind: 'item', index: 2 },
      { kind: 'item', index: 3 },
      { kind: 'gap', start: 4, end: 6 },
    ]);
  });
  it('keeps pinned items rendered outside the span, between gaps', () => {
    expect(segments(8, { start: 0, end: 2 }, [5, -1, 99])).toEqual([
      { kind: 'item', index: 0 },
      { kind: 'item', index: 1 },
      { kind: 'gap', start: 2, end: 5 },
      { kind: 'item', index: 5 },
      { kind: 'gap', start: 6, end: 8 },
    ]);
  });
  it('covers every index exactly once', () => {
    const segs = segments(20, { start: 7, end: 11 }, [0, 3, 19, 8]);
    const seen: number[] = [];
    for (const s of segs) {
      if (s.kind === 'item') seen.push(s.index);
      else for (let i = s.start; i < s.end; i++) seen.push(i);
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
