import { describe, expect, it } from 'vitest';
import { apply, applyAll } from '../../../../src/domain/operations/apply';
import { changedFields } from '../../../../src/domain/operations/changed-fields';
import type { Op } from '../../../../src/domain/operations/op-types';
import { fixtureMap } from '../model/fixture';

const run = (ops: Op[]) => applyAll(fixtureMap(), ops).map;

describe('changedFields', () => {
  it.each([
    [[{ type: 'map/setTitle', title: 'X' }], ['title']],
    [[{ type: 'map/setScope', patch: { goal: 'G' } }], ['scope.goal']],
    [[{ type: 'card/edit', id: 'a1', patch: { text: 'X' } }], ['cards.a1.text']],
    [[{ type: 'card/vote', id: 'pain1', delta: 1 }], ['cards.pain1.painPoint.votes']],
    [
      [{ type: 'card/edit', id: 'a1', patch: { evidence: { quote: 'q' } } }],
      ['cards.a1.evidence.quote'],
    ],
    [[{ type: 'step/setSentiment', id: 's1', sentiment: 2 }], ['steps.s1.sentiment']],
    [[{ type: 'step/setMetrics', id: 's1', patch: { csat: 50 } }], ['steps.s1.metrics.csat']],
    [[{ type: 'card/delete', id: 'a3' }], ['cards.a3']],
    [
      [{ type: 'card/add', id: 'n1', laneId: 'lane-goals', stepId: 's1', kind: 'goal', text: '' }],
      ['cards.n1'],
    ],
    [
      [{ type: 'card/move', id: 'a1', laneId: 'lane-actions', stepId: 's1', toIndex: 1 }],
      ['cards.order'],
    ],
    [
      [{ type: 'card/move', id: 'a1', laneId: 'lane-goals', stepId: 's1', toIndex: 0 }],
      ['cards.a1.laneId'],
    ],
    [
      [{ type: 'backStory/editSticky', list: 'painPoints', id: 'bp1', text: 'x' }],
      ['backStory.painPoints.bp1.text'],
    ],
    [[{ type: 'session/setAnalysis', patch: { confusion: 'x' } }], ['session.analysis.confusion']],
    [
      [{ type: 'session/editPhoto', attachmentId: 'att1', caption: 'c' }],
      ['session.photos.att1.caption'],
    ],
    [[{ type: 'lane/setHidden', id: 'lane-goals', hidden: true }], ['lanes.lane-goals.hidden']],
    [[{ type: 'stage/move', id: 'buy', toIndex: 0 }], ['stages.order']],
  ] as [Op[], string[]][])('%j → %j', (ops, fields) => {
    expect(changedFields(fixtureMap(), run(ops)).sort()).toEqual([...fields].sort());
  });

  it('is empty for the same map and for an equal copy', () => {
    const map = fixtureMap();
    expect(changedFields(map, map)).toEqual([]);
    expect(changedFields(map, structuredClone(map))).toEqual([]);
  });

  it('ignores updatedAt (bookkeeping)', () => {
    const map = fixtureMap();
    expect(changedFields(map, { ...map, updatedAt: '2026-11-23T01:00:00Z' })).toEqual([]);
  });
});

describe('re-applying ops on a newer map (the rebase)', () => {
  it('re-applying by id merges edits of different cards', () => {
    const base = fixtureMap();
    const remote = apply(base, { type: 'card/edit', id: 'a1', patch: { text: 'Theirs' } }).map;
    const result = applyAll(remote, [{ type: 'card/edit', id: 'a2', patch: { text: 'Mine' } }]);
    expect(result.map.cards.map((c) => c.text).slice(0, 2)).toEqual(['Theirs', 'Mine']);
    expect(result.dropped).toEqual([]);
  });

  it('the same field edited twice is last-writer-wins', () => {
    const base = fixtureMap();
    const remote = apply(base, { type: 'card/edit', id: 'a1', patch: { text: 'Theirs' } }).map;
    const result = applyAll(remote, [{ type: 'card/edit', id: 'a1', patch: { text: 'Mine' } }]);
    expect(result.map.cards[0]?.text).toBe('Mine');
  });

  it('ops whose target was deleted remotely are dropped with a reason', () => {
    const base = fixtureMap();
    const remote = apply(base, { type: 'step/delete', id: 's1' }).map;
    const local: Op[] = [
      { type: 'card/edit', id: 'a1', patch: { text: 'Mine' } },
      { type: 'map/setTitle', title: 'Kept' },
    ];
    const result = applyAll(remote, local);
    expect(result.dropped).toEqual([{ index: 0, type: 'card/edit', reason: 'card not found' }]);
    expect(result.map.title).toBe('Kept');
  });

  it('votes from two people both count', () => {
    const base = fixtureMap();
    const vote: Op = { type: 'card/vote', id: 'pain1', delta: 1 };
    const remote = apply(base, vote).map;
    const result = applyAll(remote, [vote]);
    expect(result.map.cards.find((c) => c.id === 'pain1')?.painPoint?.votes).toBe(2);
  });

  it('an undo of a delete after remote changes restores what still fits', () => {
    const base = fixtureMap();
    const deleted = apply(base, { type: 'step/delete', id: 's3' });
    // Meanwhile someone deletes the pain-points lane and edits the opportunity's lane.
    const remote = applyAll(deleted.map, [{ type: 'lane/delete', id: 'lane-painPoints' }]).map;
    const result = applyAll(remote, deleted.inverse);
    expect(result.dropped).toEqual([]);
    expect(result.map.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(result.map.cards.map((c) => c.id)).toEqual(['a1', 'a2', 'a3', 'opp1']);
    expect(result.map.cards.find((c) => c.id === 'opp1')?.opportunity?.painPointIds).toEqual([]);
    expect(result.map.session.photos[0]?.stepId).toBe('s3');
  });
});
