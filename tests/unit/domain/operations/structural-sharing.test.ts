import { describe, expect, it } from 'vitest';
import { apply } from '../../../../src/domain/operations/apply';
import { generateMap } from '../../../support/generate-map';

// How fast this is on a large map is measured by `npm run bench` (bench/suites/domain-ops.ts).
describe('an edit on a 1,000-card map shares what it does not touch', () => {
  it('a card edit replaces exactly one card and keeps every other part', () => {
    const map = generateMap({ cards: 1_000, seed: 7 });
    const id = map.cards[500]?.id ?? '';
    const next = apply(map, { type: 'card/edit', id, patch: { text: 'Edited' } }).map;
    expect(next.steps).toBe(map.steps);
    expect(next.lanes).toBe(map.lanes);
    expect(next.session).toBe(map.session);
    expect(next.cards.filter((c, i) => c !== map.cards[i])).toHaveLength(1);
  });
});
