import { describe, expect } from 'vitest';
import type { Row } from './table';
import { get, ids, runRows } from './table';

describe('stage ops', () => {
  const rows: Row[] = [
    {
      name: 'stage/add at index',
      op: { type: 'stage/add', id: 'think', name: 'Consideration', index: 1 },
      check: (m) => expect(ids(m.stages)).toEqual(['aware', 'think', 'buy']),
    },
    {
      name: 'stage/add with an existing id is dropped',
      op: { type: 'stage/add', id: 'buy', name: 'x' },
      dropped: /taken/,
    },
    {
      name: 'stage/rename',
      op: { type: 'stage/rename', id: 'buy', name: 'Buy' },
      check: (m) => expect(get(m.stages, 'buy').name).toBe('Buy'),
    },
    {
      name: 'stage/rename of a missing stage is dropped',
      op: { type: 'stage/rename', id: 'nope', name: 'x' },
      dropped: /not found/,
    },
    {
      name: 'stage/move regroups the steps in the new stage order',
      op: { type: 'stage/move', id: 'buy', toIndex: 0 },
      check: (m) => {
        expect(ids(m.stages)).toEqual(['buy', 'aware']);
        expect(ids(m.steps)).toEqual(['s3', 's1', 's2']);
      },
    },
    {
      name: 'stage/move to its own place is a no-op',
      op: { type: 'stage/move', id: 'buy', toIndex: 1 },
      noop: true,
    },
    {
      name: 'stage/delete deletes its steps, their cards, and clears references',
      op: { type: 'stage/delete', id: 'aware' },
      check: (m) => {
        expect(ids(m.stages)).toEqual(['buy']);
        expect(ids(m.steps)).toEqual(['s3']);
        expect(m.cards.some((c) => c.stepId === 's1' || c.stepId === 's2')).toBe(false);
        // s3 followed the path of the deleted decision step s2.
        expect(get(m.steps, 's3').pathId).toBeNull();
      },
    },
    {
      name: 'stage/delete of the stage holding pain points unlinks them and unpins photos',
      op: { type: 'stage/delete', id: 'buy' },
      check: (m) => {
        expect(m.cards.some((c) => c.stepId === 's3')).toBe(false);
        expect(m.session.photos[0]?.stepId).toBeNull();
      },
    },
  ];
  runRows(rows);
});

describe('step ops', () => {
  const rows: Row[] = [
    {
      name: 'step/add into a stage at index (global order stays grouped)',
      op: { type: 'step/add', id: 's0', stageId: 'aware', name: 'Hears', index: 0 },
      check: (m) => expect(ids(m.steps)).toEqual(['s0', 's1', 's2', 's3']),
    },
    {
      name: 'step/add at the end of a stage goes before the next stage',
      op: { type: 'step/add', id: 's9', stageId: 'aware', name: 'Last' },
      check: (m) => expect(ids(m.steps)).toEqual(['s1', 's2', 's9', 's3']),
    },
    {
      name: 'step/add into an empty new stage lands after earlier stages',
      before: [{ type: 'stage/add', id: 'mid', name: 'Mid', index: 1 }],
      op: { type: 'step/add', id: 'm1', stageId: 'mid', name: 'M' },
      check: (m) => expect(ids(m.steps)).toEqual(['s1', 's2', 'm1', 's3']),
    },
    {
      name: 'step/add to a missing stage is dropped',
      op: { type: 'step/add', id: 'x', stageId: 'nope', name: 'x' },
      dropped: /stage/,
    },
    {
      name: 'step/add with an existing id is dropped',
      op: { type: 'step/add', id: 's1', stageId: 'aware', name: 'x' },
      dropped: /taken/,
    },
    {
      name: 'step/rename',
      op: { type: 'step/rename', id: 's1', name: 'Sees' },
      check: (m) => expect(get(m.steps, 's1').name).toBe('Sees'),
    },
    {
      name: 'step/setKind',
      op: { type: 'step/setKind', id: 's1', kind: 'question' },
      check: (m) => expect(get(m.steps, 's1').kind).toBe('question'),
    },
    {
      name: 'step/move to another stage at index',
      op: { type: 'step/move', id: 's1', stageId: 'buy', toIndex: 1 },
      check: (m) => {
        expect(ids(m.steps)).toEqual(['s2', 's3', 's1']);
        expect(get(m.steps, 's1').stageId).toBe('buy');
      },
    },
    {
      name: 'step/move within its stage (index after removal)',
      op: { type: 'step/move', id: 's1', stageId: 'aware', toIndex: 1 },
      check: (m) => expect(ids(m.steps)).toEqual(['s2', 's1', 's3']),
    },
    {
      name: 'step/move to a missing stage is dropped',
      op: { type: 'step/move', id: 's1', stageId: 'nope', toIndex: 0 },
      dropped: /stage/,
    },
    {
      name: 'step/delete removes its cards and clears photo pins and links',
      op: { type: 'step/delete', id: 's3' },
      check: (m) => {
        expect(ids(m.steps)).toEqual(['s1', 's2']);
        expect(m.cards.some((c) => c.stepId === 's3')).toBe(false);
        expect(m.session.photos[0]?.stepId).toBeNull();
      },
    },
    {
      name: 'step/delete of a decision clears the pathId of steps on its paths',
      op: { type: 'step/delete', id: 's2' },
      check: (m) => expect(get(m.steps, 's3').pathId).toBeNull(),
    },
    {
      name: 'step/setChannels keeps only known channels, once',
      op: { type: 'step/setChannels', id: 's1', channels: ['web', 'fax', 'web', 'phone'] },
      check: (m) => expect(get(m.steps, 's1').channels).toEqual(['web', 'phone']),
    },
    {
      name: 'step/setSentiment clamps and rounds',
      op: { type: 'step/setSentiment', id: 's1', sentiment: 4.2 },
      check: (m) => expect(get(m.steps, 's1').sentiment).toBe(2),
    },
    {
      name: 'step/setSentiment -1.5 rounds to an integer in range',
      op: { type: 'step/setSentiment', id: 's1', sentiment: -1.4 },
      check: (m) => expect(get(m.steps, 's1').sentiment).toBe(-1),
    },
    {
      name: 'step/setSentiment NaN is dropped',
      op: { type: 'step/setSentiment', id: 's1', sentiment: Number.NaN },
      dropped: /number/,
    },
    {
      name: 'step/setSentiment null clears',
      op: { type: 'step/setSentiment', id: 's3', sentiment: null },
      check: (m) => expect(get(m.steps, 's3').sentiment).toBeNull(),
    },
    {
      name: 'step/setMoment',
      op: { type: 'step/setMoment', id: 's1', moment: 'delight' },
      check: (m) => expect(get(m.steps, 's1').moment).toBe('delight'),
    },
    {
      name: 'step/setMetrics clamps to range',
      op: { type: 'step/setMetrics', id: 's1', patch: { csat: 120, ces: 0 } },
      check: (m) => expect(get(m.steps, 's1').metrics).toEqual({ csat: 100, ces: 1, fcr: null }),
    },
    {
      name: 'step/addPath',
      op: { type: 'step/addPath', id: 's2', pathId: 'p-no', label: 'No' },
      check: (m) => expect(ids(get(m.steps, 's2').paths)).toEqual(['p-yes', 'p-no']),
    },
    {
      name: 'step/addPath with a path id used anywhere is dropped',
      op: { type: 'step/addPath', id: 's1', pathId: 'p-yes', label: 'x' },
      dropped: /taken/,
    },
    {
      name: 'step/renamePath',
      op: { type: 'step/renamePath', id: 's2', pathId: 'p-yes', label: 'Sure' },
      check: (m) => expect(get(m.steps, 's2').paths[0]?.label).toBe('Sure'),
    },
    {
      name: 'step/deletePath clears steps on it',
      op: { type: 'step/deletePath', id: 's2', pathId: 'p-yes' },
      check: (m) => {
        expect(get(m.steps, 's2').paths).toEqual([]);
        expect(get(m.steps, 's3').pathId).toBeNull();
      },
    },
    {
      name: 'step/setPath',
      op: { type: 'step/setPath', id: 's1', pathId: 'p-yes' },
      check: (m) => expect(get(m.steps, 's1').pathId).toBe('p-yes'),
    },
    {
      name: 'step/setPath to a missing path is dropped',
      op: { type: 'step/setPath', id: 's1', pathId: 'nope' },
      dropped: /path/,
    },
    {
      name: 'step/setPath to its own path is dropped',
      op: { type: 'step/setPath', id: 's2', pathId: 'p-yes' },
      dropped: /own/,
    },
    {
      name: 'step op on a missing step is dropped',
      op: { type: 'step/rename', id: 'nope', name: 'x' },
      dropped: /not found/,
    },
  ];
  runRows(rows);
});

describe('lane ops', () => {
  const rows: Row[] = [
    {
      name: 'lane/add at index',
      op: {
        type: 'lane/add',
        id: 'lane-quotes',
        laneType: 'text',
        name: 'Quotes',
        zone: 'onstage',
        index: 1,
      },
      check: (m) =>
        expect(m.lanes[1]).toEqual({
          id: 'lane-quotes',
          type: 'text',
          name: 'Quotes',
          zone: 'onstage',
          hidden: false,
        }),
    },
    {
      name: 'lane/add existing id is dropped',
      op: { type: 'lane/add', id: 'lane-actions', laneType: 'text', name: 'x', zone: 'onstage' },
      dropped: /taken/,
    },
    {
      name: 'lane/add unknown type is dropped',
      op: { type: 'lane/add', id: 'l9', laneType: 'mood' as 'text', name: 'x', zone: 'onstage' },
      dropped: /type/,
    },
    {
      name: 'lane/rename',
      op: { type: 'lane/rename', id: 'lane-goals', name: 'Goals' },
      check: (m) => expect(get(m.lanes, 'lane-goals').name).toBe('Goals'),
    },
    {
      name: 'lane/move',
      op: { type: 'lane/move', id: 'lane-goals', toIndex: 0 },
      check: (m) => expect(m.lanes[0]?.id).toBe('lane-goals'),
    },
    {
      name: 'lane/move past the end clamps',
      op: { type: 'lane/move', id: 'lane-actions', toIndex: 99 },
      check: (m) => expect(m.lanes.at(-1)?.id).toBe('lane-actions'),
    },
    {
      name: 'lane/setHidden',
      op: { type: 'lane/setHidden', id: 'lane-goals', hidden: true },
      check: (m) => expect(get(m.lanes, 'lane-goals').hidden).toBe(true),
    },
    {
      name: 'lane/setZone',
      op: { type: 'lane/setZone', id: 'lane-goals', zone: 'backstage' },
      check: (m) => expect(get(m.lanes, 'lane-goals').zone).toBe('backstage'),
    },
    {
      name: 'lane/delete deletes its cards and unlinks its pain points',
      op: { type: 'lane/delete', id: 'lane-painPoints' },
      check: (m) => {
        expect(m.cards.some((c) => c.laneId === 'lane-painPoints')).toBe(false);
        expect(get(m.cards, 'opp1').opportunity?.painPointIds).toEqual([]);
      },
    },
    {
      name: 'lane/delete of a missing lane is dropped',
      op: { type: 'lane/delete', id: 'nope' },
      dropped: /not found/,
    },
  ];
  runRows(rows);
});
