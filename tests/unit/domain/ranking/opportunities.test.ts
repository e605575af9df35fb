import { describe, expect, it } from 'vitest';
import {
  classifyOpportunity,
  OPPORTUNITY_RULE_TEXT,
  rankOpportunities,
  validatedShare,
} from '../../../../src/domain/ranking';
import { testBuilder } from '../../../support/template-maps';

const builder = testBuilder;

describe('classifyOpportunity', () => {
  it.each([
    [3, 3, 'quickWin'],
    [5, 5, 'quickWin'],
    [3, 2, 'bigBet'],
    [5, 1, 'bigBet'],
    [2, 3, 'maybe'],
    [1, 5, 'maybe'],
    [2, 2, 'timeSink'],
    [1, 1, 'timeSink'],
  ] as const)('impact %i × feasibility %i → %s', (impact, feasibility, quadrant) => {
    expect(classifyOpportunity(impact, feasibility)).toBe(quadrant);
  });

  it('documents the rule', () => {
    expect(OPPORTUNITY_RULE_TEXT).toMatch(/quick win.*big bet.*maybe.*time sink/s);
  });
});

describe('rankOpportunities', () => {
  it('orders by impact × feasibility, then linked pain-point score, then journey order', () => {
    const b = builder();
    const step = b.step(b.stage('S'), 'one', { sentiment: null });
    const step2 = b.step(b.stage('T'), 'two');
    const big = b.card('painPoints', step, 'big pain', {
      painPoint: { impact: 'abandon', votes: 1 },
      validated: { source: 'survey' },
    });
    const small = b.card('painPoints', step, 'small pain', {
      painPoint: { impact: 'trivial', votes: 0 },
      validated: { source: 'survey' },
    });
    const opp = (
      s: typeof step,
      text: string,
      impact: number,
      feasibility: number,
      links: string[],
    ) =>
      b.card('opportunities', s, text, {
        opportunity: { impact, feasibility, painPointIds: links },
      });
    const laterTie = opp(step2, 'later tie', 4, 3, []);
    const low = opp(step, 'low', 1, 2, [big.id]);
    const tieSmallLink = opp(step, 'tie small link', 3, 4, [small.id]);
    const maybeTen = opp(step, 'maybe ten', 2, 5, []);
    const tieBigLinkReal = opp(step, 'tie big link real', 4, 3, [big.id, small.id, 'deleted']);
    const earlierTie = opp(step, 'earlier tie', 4, 3, []);

    const ranked = rankOpportunities(b.map);
    expect(ranked.map((o) => o.text)).toEqual([
      'tie big link real', // 12, linked 18 + 1
      'tie small link', // 12, linked 1
      'earlier tie', // 12, linked 0, step one
      'later tie', // 12, linked 0, step two
      'maybe ten', // 10
      'low', // 2
    ]);
    const top = ranked[0];
    expect(top).toMatchObject({
      cardId: tieBigLinkReal.id,
      priority: 12,
      quadrant: 'quickWin',
      linkedScore: 19,
    });
    expect(top?.linkedPainPoints.map((p) => p.text)).toEqual(['big pain', 'small pain']);
    expect(ranked.find((o) => o.cardId === low.id)?.quadrant).toBe('timeSink');
    expect(ranked.find((o) => o.cardId === maybeTen.id)?.quadrant).toBe('maybe');
    expect(
      [laterTie, tieSmallLink, earlierTie].every((c) => ranked.some((o) => o.cardId === c.id)),
    ).toBe(true);
  });
});

describe('validatedShare', () => {
  it('is the share of cards with validated evidence', () => {
    const b = builder();
    expect(validatedShare(b.map)).toBe(0);
    const step = b.step(b.stage('S'), 'one');
    b.card('actions', step, 'a', { validated: { source: 'analytics' } });
    b.card('actions', step, 'b');
    b.card('actions', step, 'c');
    b.card('thoughts', step, 'd', { validated: { source: 'interview', quote: 'yes' } });
    expect(validatedShare(b.map)).toBe(0.5);
  });
});
