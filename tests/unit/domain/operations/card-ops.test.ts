import { describe, expect } from 'vitest';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import type { Row } from './table';
import { get, ids, runRows } from './table';

/** Card ids of one cell, in cell order. */
const cell = (m: JourneyMap, laneId: string, stepId: string): string[] =>
  m.cards.filter((c) => c.laneId === laneId && c.stepId === stepId).map((c) => c.id);

/** Adds action card 'a0' to the cell of step s1 that holds a1 and a2. */
const ADD_ACTION_A0 = {
  type: 'card/add',
  id: 'a0',
  laneId: 'lane-actions',
  stepId: 's1',
  kind: 'action',
  text: 'Hi',
} as const;

describe('card ops', () => {
  const rows: Row[] = [
    {
      name: 'card/add at a cell index',
      op: { ...ADD_ACTION_A0, index: 1 },
      check: (m) => expect(cell(m, 'lane-actions', 's1')).toEqual(['a1', 'a0', 'a2']),
    },
    {
      name: 'card/add without index appends to the cell',
      op: ADD_ACTION_A0,
      check: (m) => expect(cell(m, 'lane-actions', 's1')).toEqual(['a1', 'a2', 'a0']),
    },
    {
      name: 'card/add of a pain point gets pain-point fields',
      op: {
        type: 'card/add',
        id: 'p9',
        laneId: 'lane-painPoints',
        stepId: 's1',
        kind: 'painPoint',
        text: 'Slow',
      },
      check: (m) => expect(get(m.cards, 'p9').painPoint).toEqual({ impact: 'trivial', votes: 0 }),
    },
    {
      name: 'card/add with an existing id is dropped',
      op: {
        type: 'card/add',
        id: 'a1',
        laneId: 'lane-actions',
        stepId: 's1',
        kind: 'action',
        text: 'x',
      },
      dropped: /taken/,
    },
    {
      name: 'card/add to a missing step is dropped',
      op: {
        type: 'card/add',
        id: 'n',
        laneId: 'lane-actions',
        stepId: 'nope',
        kind: 'action',
        text: 'x',
      },
      dropped: /step/,
    },
    {
      name: 'card/add to a missing lane is dropped',
      op: { type: 'card/add', id: 'n', laneId: 'nope', stepId: 's1', kind: 'action', text: 'x' },
      dropped: /lane/,
    },
    {
      name: 'card/edit text',
      op: { type: 'card/edit', id: 'a1', patch: { text: 'Taps ad' } },
      check: (m) => expect(get(m.cards, 'a1').text).toBe('Taps ad'),
    },
    {
      name: 'card/edit evidence merges',
      op: {
        type: 'card/edit',
        id: 'a1',
        patch: { evidence: { status: 'validated', source: 'interview' } },
      },
      check: (m) =>
        expect(get(m.cards, 'a1').evidence).toEqual({
          status: 'validated',
          source: 'interview',
          quote: '',
        }),
    },
    {
      name: 'card/edit kind → painPoint adds pain-point fields',
      op: { type: 'card/edit', id: 'a1', patch: { kind: 'painPoint' } },
      check: (m) => {
        expect(get(m.cards, 'a1').painPoint).toEqual({ impact: 'trivial', votes: 0 });
        expect(get(m.cards, 'a1').opportunity).toBeNull();
      },
    },
    {
      name: 'card/edit kind painPoint → note removes its fields and unlinks it from opportunities',
      op: { type: 'card/edit', id: 'pain1', patch: { kind: 'note' } },
      check: (m) => {
        expect(get(m.cards, 'pain1').painPoint).toBeNull();
        expect(get(m.cards, 'opp1').opportunity?.painPointIds).toEqual(['pain2']);
      },
    },
    {
      name: 'card/edit kind opportunity → goal removes opportunity fields',
      op: { type: 'card/edit', id: 'opp1', patch: { kind: 'goal' } },
      check: (m) => expect(get(m.cards, 'opp1').opportunity).toBeNull(),
    },
    {
      name: 'card/edit opportunity links only to existing pain points',
      op: {
        type: 'card/edit',
        id: 'opp1',
        patch: {
          opportunity: { impact: 9, feasibility: 1, painPointIds: ['pain2', 'a1', 'nope'] },
        },
      },
      check: (m) =>
        expect(get(m.cards, 'opp1').opportunity).toEqual({
          impact: 5,
          feasibility: 1,
          painPointIds: ['pain2'],
        }),
    },
    {
      name: 'card/edit painPoint fields on a non-pain-point card are ignored',
      op: { type: 'card/edit', id: 'a1', patch: { painPoint: { impact: 'abandon', votes: 1 } } },
      noop: true,
    },
    {
      name: 'card/edit unknown kind is dropped',
      op: { type: 'card/edit', id: 'a1', patch: { kind: 'gripe' as 'note' } },
      dropped: /kind/,
    },
    {
      name: 'card/edit of a missing card is dropped',
      op: { type: 'card/edit', id: 'nope', patch: { text: 'x' } },
      dropped: /not found/,
    },
    {
      name: 'card/move within its cell (index after removal)',
      op: { type: 'card/move', id: 'a1', laneId: 'lane-actions', stepId: 's1', toIndex: 1 },
      check: (m) => expect(cell(m, 'lane-actions', 's1')).toEqual(['a2', 'a1']),
    },
    {
      name: 'card/move to another cell at index 0',
      op: { type: 'card/move', id: 'a1', laneId: 'lane-actions', stepId: 's2', toIndex: 0 },
      check: (m) => {
        expect(cell(m, 'lane-actions', 's2')).toEqual(['a1', 'a3']);
        expect(cell(m, 'lane-actions', 's1')).toEqual(['a2']);
      },
    },
    {
      name: 'card/move to an empty cell',
      op: { type: 'card/move', id: 'a3', laneId: 'lane-goals', stepId: 's3', toIndex: 5 },
      check: (m) => expect(cell(m, 'lane-goals', 's3')).toEqual(['a3']),
    },
    {
      name: 'card/move to the same place is a no-op',
      op: { type: 'card/move', id: 'a2', laneId: 'lane-actions', stepId: 's1', toIndex: 1 },
      noop: true,
    },
    {
      name: 'card/move to a missing step is dropped',
      op: { type: 'card/move', id: 'a1', laneId: 'lane-actions', stepId: 'nope', toIndex: 0 },
      dropped: /step/,
    },
    {
      name: 'card/delete of a pain point unlinks it',
      op: { type: 'card/delete', id: 'pain1' },
      check: (m) => {
        expect(ids(m.cards)).not.toContain('pain1');
        expect(get(m.cards, 'opp1').opportunity?.painPointIds).toEqual(['pain2']);
      },
    },
    {
      name: 'card/vote',
      op: { type: 'card/vote', id: 'pain1', delta: 2 },
      check: (m) => expect(get(m.cards, 'pain1').painPoint?.votes).toBe(2),
    },
    {
      name: 'card/vote never goes below 0',
      op: { type: 'card/vote', id: 'pain1', delta: -1 },
      noop: true,
    },
    {
      name: 'card/vote down after votes',
      before: [{ type: 'card/vote', id: 'pain1', delta: 3 }],
      op: { type: 'card/vote', id: 'pain1', delta: -5 },
      check: (m) => expect(get(m.cards, 'pain1').painPoint?.votes).toBe(0),
    },
    {
      name: 'card/vote on a non-pain-point is dropped',
      op: { type: 'card/vote', id: 'a1', delta: 1 },
      dropped: /pain/,
    },
    {
      name: 'card/setImpact',
      op: { type: 'card/setImpact', id: 'pain1', impact: 'abandon' },
      check: (m) => expect(get(m.cards, 'pain1').painPoint?.impact).toBe('abandon'),
    },
    {
      name: 'card/link unlink',
      op: { type: 'card/link', painPointId: 'pain1', opportunityId: 'opp1', linked: false },
      check: (m) => expect(get(m.cards, 'opp1').opportunity?.painPointIds).toEqual(['pain2']),
    },
    {
      name: 'card/link link again appends',
      before: [{ type: 'card/link', painPointId: 'pain1', opportunityId: 'opp1', linked: false }],
      op: { type: 'card/link', painPointId: 'pain1', opportunityId: 'opp1', linked: true },
      check: (m) =>
        expect(get(m.cards, 'opp1').opportunity?.painPointIds).toEqual(['pain2', 'pain1']),
    },
    {
      name: 'card/link already linked is a no-op',
      op: { type: 'card/link', painPointId: 'pain1', opportunityId: 'opp1', linked: true },
      noop: true,
    },
    {
      name: 'card/link to a non-pain-point is dropped',
      op: { type: 'card/link', painPointId: 'a1', opportunityId: 'opp1', linked: true },
      dropped: /pain point/,
    },
    {
      name: 'card/link to a non-opportunity is dropped',
      op: { type: 'card/link', painPointId: 'pain1', opportunityId: 'a1', linked: true },
      dropped: /opportunity/,
    },
  ];
  runRows(rows);
});
