import { describe, expect, it } from 'vitest';
import type { Impact, Moment } from '../../../../src/domain/model/schema';
import {
  explainScore,
  rankPainPoints,
  SCORE_FORMULA_TEXT,
  scorePainPoint,
} from '../../../../src/domain/ranking';
import { createTemplateBuilder } from '../../../../src/domain/templates/template-builder';
import type { PainPointScore } from '../../../../src/domain/ranking';
import { englishT, translatorForTest } from '../../../support/i18n';

function ids(): () => string {
  let n = 0;
  return () => `id${n++}`;
}

type Case = {
  name: string;
  impact: Impact;
  votes: number;
  sentiment: number | null;
  validated: boolean;
  moment: Moment | null;
  score: number;
};

const CASES: Case[] = [
  {
    name: 'trivial, validated',
    impact: 'trivial',
    votes: 0,
    sentiment: null,
    validated: true,
    moment: null,
    score: 1,
  },
  {
    name: 'workaround weight',
    impact: 'workaround',
    votes: 0,
    sentiment: null,
    validated: true,
    moment: null,
    score: 3,
  },
  {
    name: 'abandon weight',
    impact: 'abandon',
    votes: 0,
    sentiment: null,
    validated: true,
    moment: null,
    score: 9,
  },
  {
    name: 'votes × (1 + votes)',
    impact: 'workaround',
    votes: 4,
    sentiment: null,
    validated: true,
    moment: null,
    score: 15,
  },
  {
    name: 'sentiment −1 × 1.5',
    impact: 'abandon',
    votes: 0,
    sentiment: -1,
    validated: true,
    moment: null,
    score: 13.5,
  },
  {
    name: 'sentiment −2 × 1.5',
    impact: 'trivial',
    votes: 1,
    sentiment: -2,
    validated: true,
    moment: null,
    score: 3,
  },
  {
    name: 'sentiment 0 no boost',
    impact: 'abandon',
    votes: 0,
    sentiment: 0,
    validated: true,
    moment: null,
    score: 9,
  },
  {
    name: 'sentiment +2 no boost',
    impact: 'abandon',
    votes: 0,
    sentiment: 2,
    validated: true,
    moment: null,
    score: 9,
  },
  {
    name: 'assumption × 0.7',
    impact: 'abandon',
    votes: 0,
    sentiment: null,
    validated: false,
    moment: null,
    score: 6.3,
  },
  {
    name: 'moment delight × 1.25',
    impact: 'workaround',
    votes: 0,
    sentiment: null,
    validated: true,
    moment: 'delight',
    score: 3.75,
  },
  {
    name: 'moment friction × 1.25',
    impact: 'trivial',
    votes: 3,
    sentiment: null,
    validated: true,
    moment: 'friction',
    score: 5,
  },
  {
    name: 'moment decision × 1.25',
    impact: 'abandon',
    votes: 0,
    sentiment: null,
    validated: true,
    moment: 'decision',
    score: 11.25,
  },
  {
    name: 'all factors',
    impact: 'abandon',
    votes: 2,
    sentiment: -2,
    validated: false,
    moment: 'friction',
    score: 35.4375,
  },
  {
    name: 'trivial all damping',
    impact: 'trivial',
    votes: 0,
    sentiment: -1,
    validated: false,
    moment: 'delight',
    score: 1.3125,
  },
];

describe('scorePainPoint', () => {
  it.each(CASES)('$name → $score', (c) => {
    const b = createTemplateBuilder({ title: 't', newId: ids(), today: '2026-01-01' });
    const step = b.step(b.stage('S'), 'step', { sentiment: c.sentiment, moment: c.moment });
    const card = b.card('painPoints', step, 'pain', {
      painPoint: { impact: c.impact, votes: c.votes },
      ...(c.validated ? { validated: { source: 'interview' as const } } : {}),
    });
    const result = scorePainPoint({ card, step });
    expect(result.score).toBe(c.score);
    const f = result.factors;
    expect(
      f.severity *
        f.votesMultiplier *
        f.sentimentMultiplier *
        f.evidenceMultiplier *
        f.momentMultiplier,
    ).toBeCloseTo(c.score, 9);
    const words = explainScore({ factors: result.factors, score: result.score, t: englishT });
    expect(words.endsWith(`= ${c.score}`)).toBe(true);
  });

  it('explains every factor that applies, and only those', () => {
    const b = createTemplateBuilder({ title: 't', newId: ids(), today: '2026-01-01' });
    const step = b.step(b.stage('S'), 'step', { sentiment: -2, moment: 'friction' });
    const card = b.card('painPoints', step, 'pain', { painPoint: { impact: 'abandon', votes: 2 } });
    const say = (s: PainPointScore, t = englishT) => explainScore({ ...s, t });
    expect(say(scorePainPoint({ card, step }))).toBe(
      'abandon 9 × (1 + 2 votes) × 1.5 sentiment −2 × 0.7 assumption × 1.25 moment of truth (friction) = 35.4375',
    );
    expect(say(scorePainPoint({ card, step }), translatorForTest('zh-CN'))).toBe(
      '放弃 9 × (1 + 2 票) × 1.5 情绪 −2 × 0.7 假设 × 1.25 关键时刻（摩擦） = 35.4375',
    );
    const plain = scorePainPoint({
      card: { ...card, evidence: { status: 'validated', source: null, quote: '' } },
      step: { ...step, sentiment: 1, moment: null },
    });
    expect(say(plain)).toBe('abandon 9 × (1 + 2 votes) = 27');
    expect(
      say({ factors: { ...plain.factors, votes: 1, votesMultiplier: 2 }, score: 18 }),
    ).toContain('(1 + 1 vote)');
  });

  it('states the formula with every weight', () => {
    for (const part of [
      'trivial 1',
      'workaround 3',
      'abandonment 9',
      '1 + dot votes',
      '1.5',
      '−1',
      '0.7',
      '1.25',
      'journey order',
    ]) {
      expect(SCORE_FORMULA_TEXT).toContain(part);
    }
  });
});

describe('rankPainPoints', () => {
  it('orders by score, then stage, step, lane and card order', () => {
    const b = createTemplateBuilder({ title: 't', newId: ids(), today: '2026-01-01' });
    const s1 = b.stage('First');
    const s2 = b.stage('Second');
    // Step of the second stage created first: stage order must still win over array order.
    const late = b.step(s2, 'late step');
    const early = b.step(s1, 'early step');
    const early2 = b.step(s1, 'early step 2');
    const pain = { painPoint: { impact: 'workaround' as const, votes: 0 } };
    const inLate = b.card('painPoints', late, 'late', pain);
    const inEarly2 = b.card('painPoints', early2, 'early2', pain);
    // A pain point kept in the thoughts lane, which comes before the pain-points lane.
    const inEarlyThoughtsLane = b.card('thoughts', early, 'early, thoughts lane', {
      kind: 'painPoint',
      ...pain,
    });
    const inEarlyA = b.card('painPoints', early, 'early A', pain);
    const inEarlyB = b.card('painPoints', early, 'early B', pain);
    const top = b.card('painPoints', late, 'top', { painPoint: { impact: 'abandon', votes: 0 } });
    b.card('thoughts', early, 'not a pain point');

    const ranked = rankPainPoints(b.map);
    expect(ranked.map((p) => p.cardId)).toEqual([
      top.id,
      inEarlyThoughtsLane.id,
      inEarlyA.id,
      inEarlyB.id,
      inEarly2.id,
      inLate.id,
    ]);
    expect(ranked.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranked[0]).toMatchObject({
      stageName: 'Second',
      stepName: 'late step',
      impact: 'abandon',
      score: 6.3,
    });
  });

  it('skips orphaned cards and returns nothing for a map without pain points', () => {
    const b = createTemplateBuilder({ title: 't', newId: ids(), today: '2026-01-01' });
    const step = b.step(b.stage('S'), 'step');
    const card = b.card('painPoints', step, 'orphan', {
      painPoint: { impact: 'abandon', votes: 1 },
    });
    card.stepId = 'gone';
    expect(rankPainPoints(b.map)).toEqual([]);
  });

  it('treats a pain-point card without pain-point fields as trivial with no votes', () => {
    const b = createTemplateBuilder({ title: 't', newId: ids(), today: '2026-01-01' });
    const step = b.step(b.stage('S'), 'step');
    const card = b.card('painPoints', step, 'bare');
    card.painPoint = null;
    expect(rankPainPoints(b.map)[0]).toMatchObject({ impact: 'trivial', votes: 0, score: 0.7 });
  });
});
