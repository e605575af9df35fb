import { describe, expect, it } from 'vitest';
import { DEFAULT_LANE_TYPES, LANE_TYPE_INFO } from '../../../../src/domain/model/factories';
import { journeyMapSchema } from '../../../../src/domain/model/schema';
import { generateMap } from '../../../support/generate-map';

describe('generateMap (test and benchmark support)', { timeout: 60_000 }, () => {
  it.each([0, 1, 7, 300, 5_000])('builds a valid map with exactly %i cards', (cards) => {
    const map = generateMap({ cards, seed: 11 });
    expect(journeyMapSchema.safeParse(map).success).toBe(true);
    expect(map.cards).toHaveLength(cards);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(JSON.stringify(generateMap({ cards: 500, seed: 4 }))).toBe(
      JSON.stringify(generateMap({ cards: 500, seed: 4 })),
    );
    expect(JSON.stringify(generateMap({ cards: 500, seed: 4 }))).not.toBe(
      JSON.stringify(generateMap({ cards: 500, seed: 5 })),
    );
  });

  it('looks like a real map: every lane kind, linked opportunities, charted sentiment', () => {
    const map = generateMap({ cards: 1_000, seed: 8 });
    const kinds = new Set(map.cards.map((c) => c.kind));
    // The card kind of every default lane that holds cards (action … process).
    const expected = DEFAULT_LANE_TYPES.flatMap((type) => LANE_TYPE_INFO[type].cardKind ?? []);
    expect(expected).toHaveLength(7);
    for (const kind of expected) expect(kinds.has(kind), kind).toBe(true);
    const painIds = new Set(map.cards.filter((c) => c.kind === 'painPoint').map((c) => c.id));
    const opportunities = map.cards.filter((c) => c.kind === 'opportunity');
    expect(
      opportunities.some((o) => o.opportunity?.painPointIds.some((id) => painIds.has(id))),
    ).toBe(true);
    expect(map.steps.some((s) => s.sentiment !== null)).toBe(true);
    expect(map.cards.some((c) => c.evidence.status === 'validated')).toBe(true);
    const meanText = map.cards.reduce((n, c) => n + c.text.length, 0) / map.cards.length;
    expect(meanText).toBeGreaterThan(30);
  });
});
