import { describe, expect, it } from 'vitest';
import type { LaneType } from '../../../../src/domain/model/schema';
import type { RoutingRules } from '../../../../src/domain/routing';
import {
  emptyRules,
  routeItems,
  routingRulesSchema,
  stageRuleKey,
  UNASSIGNED_TEAM,
} from '../../../../src/domain/routing';
import { testBuilder } from '../../../support/template-maps';

const builder = testBuilder;

const RULES: RoutingRules = {
  channels: { web: 'Web team', email: 'Messaging' },
  stages: { 'set up': 'Onboarding' },
  lanes: { painPoints: 'Research', opportunities: 'Product' },
};

type Case = {
  name: string;
  teams: string[];
  cardChannels: string[];
  stepChannels: string[];
  stage: string;
  lane: LaneType;
  expected: { team: string; reason: string; via: string }[];
};

/** A pain point in stage 'Other' that no rule routes, unless a case says otherwise. */
const NO_RULE_HIT: Omit<Case, 'name' | 'expected'> = {
  teams: [],
  cardChannels: [],
  stepChannels: [],
  stage: 'Other',
  lane: 'painPoints',
};

const CASES: Case[] = [
  {
    ...NO_RULE_HIT,
    name: 'explicit teams win over every rule',
    teams: ['Billing', 'Identity'],
    stepChannels: ['web'],
    stage: 'Set up',
    expected: [
      { team: 'Billing', reason: 'explicit', via: '' },
      { team: 'Identity', reason: 'explicit', via: '' },
    ],
  },
  {
    ...NO_RULE_HIT,
    name: "the step's channel beats stage and lane",
    stepChannels: ['phone', 'web'],
    stage: 'Set up',
    expected: [{ team: 'Web team', reason: 'channel', via: 'Web' }],
  },
  {
    ...NO_RULE_HIT,
    name: 'several channels route to several teams',
    cardChannels: ['email'],
    stepChannels: ['web'],
    expected: [
      { team: 'Messaging', reason: 'channel', via: 'Email' },
      { team: 'Web team', reason: 'channel', via: 'Web' },
    ],
  },
  {
    ...NO_RULE_HIT,
    name: 'the stage (case-insensitive) beats the lane',
    stepChannels: ['phone'],
    stage: '  SET   Up ',
    expected: [{ team: 'Onboarding', reason: 'stage', via: '  SET   Up ' }],
  },
  {
    ...NO_RULE_HIT,
    name: 'the lane is the last resort',
    teams: ['  '],
    expected: [{ team: 'Research', reason: 'lane', via: 'Pain points' }],
  },
  {
    ...NO_RULE_HIT,
    name: 'nothing matches → Unassigned',
    stepChannels: ['chat'],
    lane: 'thoughts',
    expected: [{ team: UNASSIGNED_TEAM, reason: 'unassigned', via: '' }],
  },
];

describe('routeItems precedence', () => {
  it.each(CASES)('$name', (c) => {
    const b = builder();
    const step = b.step(b.stage(c.stage), 'step', { channels: c.stepChannels });
    b.card(c.lane, step, 'pain', {
      kind: 'painPoint',
      painPoint: { impact: 'abandon', votes: 0 },
      teams: c.teams,
      channels: c.cardChannels,
    });
    const teams = routeItems({ map: b.map, rules: RULES });
    expect(
      teams.map((t) => ({ team: t.team, reason: t.items[0]?.reason, via: t.items[0]?.via })),
    ).toEqual(c.expected);
    expect(teams.every((t) => t.items.length === 1 && t.totalScore === 6.3)).toBe(true);
  });
});

describe('routeItems grouping and order', () => {
  it('sums scores per team, sorts teams by them and puts Unassigned last', () => {
    const b = builder();
    const s = b.step(b.stage('Decide'), 'one', { channels: ['web'] });
    const quiet = b.step(b.stage('Quiet'), 'two');
    const pain = (text: string, impact: 'trivial' | 'abandon', teams: string[] = []) =>
      b.card('painPoints', s, text, {
        painPoint: { impact, votes: 0 },
        teams,
        validated: { source: 'survey' },
      });
    const p1 = pain('web pain', 'trivial'); // Web team, 1
    pain('billing pain', 'abandon', ['Billing']); // Billing, 9
    pain('billing again', 'trivial', ['billing ']); // same team, other spelling: 1
    b.card('painPoints', quiet, 'lost pain', {
      painPoint: { impact: 'abandon', votes: 3 },
      validated: { source: 'survey' },
    });
    b.card('opportunities', s, 'web opp', {
      opportunity: { impact: 2, feasibility: 2, painPointIds: [p1.id] },
    }); // Web team, 4 + 1
    const rules: RoutingRules = { ...emptyRules, channels: { web: 'Web team' } };

    const teams = routeItems({ map: b.map, rules });
    expect(teams.map((t) => [t.team, t.totalScore, t.unassigned])).toEqual([
      ['Billing', 10, false],
      ['Web team', 6, false],
      [UNASSIGNED_TEAM, 36, true],
    ]);
    expect(teams[1]?.items.map((i) => [i.kind, i.text, i.score, i.because])).toEqual([
      ['opportunity', 'web opp', 5, 'owns the channel Web'],
      ['painPoint', 'web pain', 1, 'owns the channel Web'],
    ]);
    expect(teams[2]?.items[0]?.because).toBe('no team set and no routing rule matched');
  });

  it('breaks equal team totals by name and equal items by journey order', () => {
    const b = builder();
    const s1 = b.step(b.stage('A'), 'one');
    const s2 = b.step(b.stage('B'), 'two');
    const pain = { painPoint: { impact: 'workaround' as const, votes: 0 } };
    b.card('painPoints', s2, 'second', { ...pain, teams: ['Zeta'] });
    b.card('painPoints', s1, 'first', { ...pain, teams: ['Zeta'] });
    b.card('painPoints', s1, 'alpha', {
      painPoint: { impact: 'workaround', votes: 1 },
      teams: ['alpha'],
    });
    const teams = routeItems({ map: b.map, rules: emptyRules });
    expect(teams.map((t) => t.team)).toEqual(['alpha', 'Zeta']);
    expect(teams[1]?.items.map((i) => i.text)).toEqual(['first', 'second']);
  });

  it('returns nothing for a map without pain points or opportunities', () => {
    const b = builder();
    b.card('actions', b.step(b.stage('A'), 'one'), 'just an action');
    expect(routeItems({ map: b.map, rules: RULES })).toEqual([]);
  });
});

describe('routingRulesSchema', () => {
  it('reads missing sections as empty and accepts complete rules', () => {
    expect(routingRulesSchema.parse({})).toEqual(emptyRules);
    expect(routingRulesSchema.parse(RULES)).toEqual(RULES);
    const typed: RoutingRules = routingRulesSchema.parse(RULES);
    expect(typed.lanes.painPoints).toBe('Research');
  });

  it.each([
    ['an unknown lane type', { lanes: { nope: 'X' } }],
    ['an empty team', { channels: { web: '  ' } }],
    ['a bad channel id', { channels: { 'w b': 'X' } }],
    ['a non-object', 'rules'],
  ])('refuses %s', (_name, value) => {
    expect(routingRulesSchema.safeParse(value).success).toBe(false);
  });

  it('normalises stage keys', () => {
    expect(stageRuleKey('  Set   Up ')).toBe('set up');
  });
});
