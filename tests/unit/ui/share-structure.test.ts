/**
 * A map deserialised from the server keeps the identity of every part that did not change,
 * so the grid's memoised cells skip re-rendering after a save or a remote merge.
 */
import { describe, expect, it } from 'vitest';
import { applyAll } from '../../../src/domain/operations/apply';
import { shareStructure } from '../../../static/app/src/features/editor/state/share-structure';
import { workedExample } from './fixtures';

describe('shareStructure', () => {
  it('returns the shown map when the server sent an equal copy', () => {
    const shown = workedExample();
    const fromServer = structuredClone(shown);
    expect(shareStructure(shown, fromServer)).toBe(shown);
  });

  it('keeps unchanged cards and takes changed ones from the server', () => {
    const shown = workedExample();
    const target = shown.cards[3];
    if (!target) throw new Error('fixture');
    const changed = applyAll(shown, [
      { type: 'card/edit', id: target.id, patch: { text: 'by Eddie' } },
    ]).map;
    const merged = shareStructure(shown, structuredClone(changed));
    expect(merged).toEqual(changed);
    expect(merged).not.toBe(shown);
    expect(merged.cards[3]).not.toBe(shown.cards[3]);
    expect(merged.cards[3]?.text).toBe('by Eddie');
    expect(merged.cards.filter((c, i) => c === shown.cards[i])).toHaveLength(
      shown.cards.length - 1,
    );
    expect(merged.steps).toBe(shown.steps);
    expect(merged.persona).toBe(shown.persona);
  });

  it('matches cards by id when one moved within the array', () => {
    const shown = workedExample();
    const [first, ...rest] = shown.cards;
    if (!first) throw new Error('fixture');
    const reordered = { ...structuredClone(shown), cards: structuredClone([...rest, first]) };
    const merged = shareStructure(shown, reordered);
    expect(merged.cards.at(-1)).toBe(first);
    expect(merged.cards[0]).toBe(shown.cards[1]);
  });
});
