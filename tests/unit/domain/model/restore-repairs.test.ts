/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- these tests damage raw stored JSON on purpose */
import { describe, expect, it } from 'vitest';
import { restore } from '../../../../src/domain/model/restore';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { CARD_TEXT_MAX, SHORT_TEXT_MAX } from '../../../../src/domain/model/schema';
import { expectSaidInBoth } from '../../../support/import-words';
import { fixtureMap } from './fixture';

type Doc = Record<string, any>;

/** A mutable JSON copy of the fixture. */
function raw(): Doc {
  return JSON.parse(JSON.stringify(fixtureMap())) as Doc;
}

const byId = <T extends { id: string }>(list: T[], id: string): T | undefined =>
  list.find((x) => x.id === id);

type Case = {
  name: string;
  /** Breaks the stored document. */
  damage: (doc: Doc) => void;
  /** Checks the repaired map. */
  check: (map: JourneyMap) => void;
  /** Field path of the expected repair note. */
  path: string | RegExp;
};

const cases: Case[] = [
  // dangling references
  {
    name: 'card → missing lane: card dropped',
    damage: (d) => (d.cards[0].laneId = 'gone'),
    check: (m) => expect(byId(m.cards, 'a1')).toBeUndefined(),
    path: 'cards[0]',
  },
  {
    name: 'card → missing step: card dropped',
    damage: (d) => (d.cards[1].stepId = 'gone'),
    check: (m) => expect(byId(m.cards, 'a2')).toBeUndefined(),
    path: 'cards[1]',
  },
  {
    name: 'step → missing stage: step dropped, and its cards with it',
    damage: (d) => (d.steps[0].stageId = 'gone'),
    check: (m) => {
      expect(byId(m.steps, 's1')).toBeUndefined();
      expect(m.cards.some((c) => c.stepId === 's1')).toBe(false);
    },
    path: 'steps[0]',
  },
  {
    name: 'step.pathId → missing path: cleared',
    damage: (d) => (d.steps[2].pathId = 'p-none'),
    check: (m) => expect(byId(m.steps, 's3')?.pathId).toBeNull(),
    path: 'steps[2].pathId',
  },
  {
    name: 'step.pathId → its own path: cleared',
    damage: (d) => (d.steps[1].pathId = 'p-yes'),
    check: (m) => expect(byId(m.steps, 's2')?.pathId).toBeNull(),
    path: 'steps[1].pathId',
  },
  {
    name: 'opportunity.painPointIds → missing or non-pain-point cards: removed',
    damage: (d) => (d.cards[5].opportunity.painPointIds = ['pain1', 'gone', 'a1', 'pain1']),
    check: (m) => expect(byId(m.cards, 'opp1')?.opportunity?.painPointIds).toEqual(['pain1']),
    path: 'cards[5].opportunity.painPointIds',
  },
  {
    name: 'step channel ids → unknown channel: removed',
    damage: (d) => (d.steps[2].channels = ['web', 'fax']),
    check: (m) => expect(byId(m.steps, 's3')?.channels).toEqual(['web']),
    path: 'steps[2].channels',
  },
  {
    name: 'card channel ids → unknown channel: removed',
    damage: (d) => (d.cards[3].channels = ['fax', 'web']),
    check: (m) => expect(byId(m.cards, 'pain1')?.channels).toEqual(['web']),
    path: 'cards[3].channels',
  },
  {
    name: 'photo stepId → missing step: unpinned',
    damage: (d) => (d.session.photos[0].stepId = 'gone'),
    check: (m) => expect(m.session.photos[0]?.stepId).toBeNull(),
    path: 'session.photos[0].stepId',
  },
  // duplicate ids
  {
    name: 'duplicate card id: the later card is renamed, both kept',
    damage: (d) => (d.cards[1].id = 'a1'),
    check: (m) => {
      expect(m.cards.map((c) => c.id).slice(0, 2)).toEqual(['a1', 'a1-2']);
      expect(byId(m.cards, 'a1')?.text).toBe('Clicks ad');
    },
    path: 'cards[1].id',
  },
  {
    name: 'duplicate step id: the later step is renamed',
    damage: (d) => (d.steps[1].id = 's1'),
    check: (m) => expect(m.steps.map((s) => s.id)).toEqual(['s1', 's1-2', 's3']),
    path: 'steps[1].id',
  },
  {
    name: 'duplicate stage id: the later stage is dropped (steps naming its old id go too)',
    damage: (d) => (d.stages[1].id = 'aware'),
    check: (m) => {
      expect(m.stages.map((s) => s.id)).toEqual(['aware']);
      expect(m.steps.map((s) => s.id)).toEqual(['s1', 's2']);
    },
    path: 'stages[1].id',
  },
  {
    name: 'duplicate lane id: the later lane is dropped',
    damage: (d) => (d.lanes[1].id = 'lane-actions'),
    check: (m) => expect(m.lanes.filter((l) => l.id === 'lane-actions')).toHaveLength(1),
    path: 'lanes[1].id',
  },
  {
    name: 'duplicate channel id: the later channel is dropped',
    damage: (d) => (d.channels[1].id = 'web'),
    check: (m) => expect(m.channels.filter((c) => c.id === 'web')).toHaveLength(1),
    path: 'channels[1].id',
  },
  {
    name: 'duplicate sticky id: renamed',
    damage: (d) => (d.backStory.painPoints[1].id = 'bp1'),
    check: (m) => expect(m.backStory.painPoints.map((s) => s.id)).toEqual(['bp1', 'bp1-2']),
    path: 'backStory.painPoints[1].id',
  },
  {
    name: 'duplicate photo: the later one is dropped',
    damage: (d) => d.session.photos.push({ ...d.session.photos[0] }),
    check: (m) => expect(m.session.photos).toHaveLength(1),
    path: 'session.photos[1]',
  },
  {
    name: 'id with bad characters: sanitised, references follow',
    damage: (d) => {
      d.steps[0].id = 'step one';
      d.cards[0].stepId = 'step one';
    },
    check: (m) => expect(byId(m.cards, 'a1')?.stepId).toBe('step_one'),
    path: 'steps[0].id',
  },
  {
    name: 'missing id: generated',
    damage: (d) => delete d.cards[0].id,
    check: (m) => expect(m.cards[0]?.id).toBe('card-restored-2'),
    path: 'cards[0].id',
  },
  // out-of-range numbers
  {
    name: 'sentiment 7 clamped to 2',
    damage: (d) => (d.steps[0].sentiment = 7),
    check: (m) => expect(byId(m.steps, 's1')?.sentiment).toBe(2),
    path: 'steps[0].sentiment',
  },
  {
    name: 'sentiment -1.6 rounded to -2',
    damage: (d) => (d.steps[0].sentiment = -1.6),
    check: (m) => expect(byId(m.steps, 's1')?.sentiment).toBe(-2),
    path: 'steps[0].sentiment',
  },
  {
    name: 'sentiment "bad" reset to null',
    damage: (d) => (d.steps[0].sentiment = 'bad'),
    check: (m) => expect(byId(m.steps, 's1')?.sentiment).toBeNull(),
    path: 'steps[0].sentiment',
  },
  {
    name: 'negative votes clamped to 0',
    damage: (d) => (d.cards[3].painPoint.votes = -4),
    check: (m) => expect(byId(m.cards, 'pain1')?.painPoint?.votes).toBe(0),
    path: 'cards[3].painPoint.votes',
  },
  {
    name: 'fractional votes rounded',
    damage: (d) => (d.cards[3].painPoint.votes = 2.4),
    check: (m) => expect(byId(m.cards, 'pain1')?.painPoint?.votes).toBe(2),
    path: 'cards[3].painPoint.votes',
  },
  {
    name: 'CSAT 140 clamped to 100, CES 0 to 1',
    damage: (d) => (d.steps[0].metrics = { csat: 140, ces: 0, fcr: null }),
    check: (m) => expect(byId(m.steps, 's1')?.metrics).toEqual({ csat: 100, ces: 1, fcr: null }),
    path: /steps\[0\]\.metrics\.(csat|ces)/,
  },
  {
    name: 'opportunity impact 9 clamped to 5',
    damage: (d) => (d.cards[5].opportunity.impact = 9),
    check: (m) => expect(byId(m.cards, 'opp1')?.opportunity?.impact).toBe(5),
    path: 'cards[5].opportunity.impact',
  },
  {
    name: 'votesPerPerson 80 clamped to 50',
    damage: (d) => (d.session.votesPerPerson = 80),
    check: (m) => expect(m.session.votesPerPerson).toBe(50),
    path: 'session.votesPerPerson',
  },
  // defaults for missing sub-objects
  {
    name: 'missing session: a fresh session',
    damage: (d) => delete d.session,
    check: (m) => expect(m.session.agenda.stepIndex).toBeNull(),
    path: 'session',
  },
  {
    name: 'missing step metrics: empty metrics',
    damage: (d) => delete d.steps[0].metrics,
    check: (m) =>
      expect(byId(m.steps, 's1')?.metrics).toEqual({ csat: null, ces: null, fcr: null }),
    path: 'steps[0].metrics',
  },
  {
    name: 'card evidence not an object: defaults',
    damage: (d) => (d.cards[0].evidence = 'validated'),
    check: (m) =>
      expect(byId(m.cards, 'a1')?.evidence).toEqual({
        status: 'assumption',
        source: null,
        quote: '',
      }),
    path: 'cards[0].evidence',
  },
  {
    name: 'missing channels: the default channels',
    damage: (d) => delete d.channels,
    check: (m) => expect(m.channels.map((c) => c.id)).toContain('inproduct'),
    path: 'channels',
  },
  {
    name: 'missing session analysis: empty analysis',
    damage: (d) => delete d.session.analysis,
    check: (m) => expect(m.session.analysis.confusion).toBe(''),
    path: 'session.analysis',
  },
  // kind-specific fields
  {
    name: 'pain point without painPoint fields: defaults added',
    damage: (d) => (d.cards[3].painPoint = null),
    check: (m) =>
      expect(byId(m.cards, 'pain1')?.painPoint).toEqual({ impact: 'trivial', votes: 0 }),
    path: 'cards[3].painPoint',
  },
  {
    name: 'opportunity without opportunity fields: defaults added',
    damage: (d) => delete d.cards[5].opportunity,
    check: (m) =>
      expect(byId(m.cards, 'opp1')?.opportunity).toEqual({
        impact: 3,
        feasibility: 3,
        painPointIds: [],
      }),
    path: 'cards[5].opportunity',
  },
  {
    name: 'action card carrying painPoint fields: removed',
    damage: (d) => (d.cards[0].painPoint = { impact: 'abandon', votes: 3 }),
    check: (m) => expect(byId(m.cards, 'a1')?.painPoint).toBeNull(),
    path: 'cards[0].painPoint',
  },
  {
    name: 'unknown card kind: the lane’s kind',
    damage: (d) => (d.cards[3].kind = 'gripe'),
    check: (m) => expect(byId(m.cards, 'pain1')?.kind).toBe('painPoint'),
    path: 'cards[3].kind',
  },
  // text
  {
    name: 'over-long card text truncated',
    damage: (d) => (d.cards[0].text = 'x'.repeat(CARD_TEXT_MAX + 5)),
    check: (m) => expect(byId(m.cards, 'a1')?.text).toHaveLength(CARD_TEXT_MAX),
    path: 'cards[0].text',
  },
  {
    name: 'over-long title truncated',
    damage: (d) => (d.title = 't'.repeat(SHORT_TEXT_MAX * 2)),
    check: (m) => expect(m.title).toHaveLength(SHORT_TEXT_MAX),
    path: 'title',
  },
  {
    name: 'control characters stripped, \\n and \\t kept',
    damage: (d) => (d.cards[0].text = 'a\u0000b\u001bc\nd\te\u007f\u0085'),
    check: (m) => expect(byId(m.cards, 'a1')?.text).toBe('abc\nd\te'),
    path: 'cards[0].text',
  },
  {
    name: 'truncation never splits a surrogate pair',
    damage: (d) => (d.title = `${'t'.repeat(SHORT_TEXT_MAX - 1)}😀`),
    check: (m) => expect(m.title).toBe('t'.repeat(SHORT_TEXT_MAX - 1)),
    path: 'title',
  },
  // order and other values
  {
    name: 'steps out of stage order: regrouped',
    damage: (d) => (d.steps = [d.steps[2], d.steps[0], d.steps[1]]),
    check: (m) => expect(m.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3']),
    path: 'steps',
  },
  {
    name: 'bad date cleared',
    damage: (d) => (d.session.date = '23/11/2026'),
    check: (m) => expect(m.session.date).toBeNull(),
    path: 'session.date',
  },
  {
    name: 'unknown lane type: a notes lane',
    damage: (d) => (d.lanes[2].type = 'feelings'),
    check: (m) => expect(m.lanes[2]?.type).toBe('text'),
    path: 'lanes[2].type',
  },
  {
    name: 'card that is not an object: removed',
    damage: (d) => d.cards.push(42),
    check: (m) => expect(m.cards).toHaveLength(6),
    path: 'cards[6]',
  },
];

describe('restore: each repair kind', () => {
  it.each(cases)('$name', ({ damage, check, path }) => {
    const doc = raw();
    damage(doc);
    const result = restore(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    check(result.map);
    const paths = result.repairs.map((r) => r.path);
    if (typeof path === 'string') expect(paths).toContain(path);
    else expect(paths.some((p) => path.test(p))).toBe(true);
    for (const note of result.repairs) expect(note.message.length).toBeGreaterThan(0);
    // Each note is a catalogue message: the same English, and Chinese for a zh-CN reader.
    expectSaidInBoth(result.repairs);
    // A repaired map is stable: restoring it again changes nothing.
    expect(restore(result.map)).toEqual({ ok: true, map: result.map, repairs: [] });
  });
});
