/**
 * fast-check arbitraries for the domain: `arbMap` builds random maps that satisfy the schema and
 * every invariant `restore()` enforces; `arbOp(map)` builds random intent ops against a map,
 * mostly naming its real targets and sometimes missing or duplicate ones.
 */
import fc from 'fast-check';
import {
  createEmptyMap,
  DEFAULT_CHANNELS,
  LANE_TYPE_INFO,
} from '../../../src/domain/model/factories';
import type { Card, CardKind, JourneyMap, Lane, Step } from '../../../src/domain/model/schema';
import {
  cadences,
  cardKinds,
  evidenceSources,
  evidenceStatuses,
  impacts,
  laneTypes,
  mapStates,
  moments,
  stepKinds,
  zones,
} from '../../../src/domain/model/schema';
import type { Op } from '../../../src/domain/operations/op-types';

const text = (max = 12): fc.Arbitrary<string> => fc.string({ maxLength: max });
const bits = fc.nat({ max: 255 });
const channelIds = DEFAULT_CHANNELS.map((c) => c.id);
const subset = <T>(items: readonly T[], mask: number): T[] =>
  items.filter((_, i) => (mask >> i) & 1);

const stepSpec = fc.record({
  stage: fc.nat(),
  name: text(),
  kind: fc.constantFrom(...stepKinds),
  channels: bits,
  sentiment: fc.option(fc.integer({ min: -2, max: 2 })),
  moment: fc.option(fc.constantFrom(...moments)),
  csat: fc.option(fc.integer({ min: 0, max: 100 })),
  ces: fc.option(fc.integer({ min: 1, max: 7 })),
  paths: fc.array(text(), { maxLength: 2 }),
  pathRef: fc.option(fc.nat()),
});

const cardSpec = fc.record({
  lane: fc.nat(),
  step: fc.nat(),
  kind: fc.constantFrom(...cardKinds),
  text: text(20),
  channels: bits,
  status: fc.constantFrom(...evidenceStatuses),
  source: fc.option(fc.constantFrom(...evidenceSources)),
  teams: fc.array(text(8), { maxLength: 2 }),
  impact: fc.constantFrom(...impacts),
  votes: fc.integer({ min: 0, max: 999 }),
  score: fc.integer({ min: 1, max: 5 }),
  links: bits,
});

/** A random valid map (schema + restore invariants). */
export const arbMap: fc.Arbitrary<JourneyMap> = fc
  .record({
    title: text(),
    state: fc.constantFrom(...mapStates),
    cadence: fc.constantFrom(...cadences),
    stages: fc.array(text(), { maxLength: 4 }),
    steps: fc.array(stepSpec, { maxLength: 8 }),
    extraLane: fc.boolean(),
    cards: fc.array(cardSpec, { maxLength: 16 }),
    stickies: fc.array(fc.record({ list: fc.nat({ max: 2 }), text: text() }), { maxLength: 4 }),
    photos: fc.array(fc.record({ caption: text(), step: fc.option(fc.nat()) }), { maxLength: 3 }),
    notes: text(),
    date: fc.option(fc.constantFrom('2026-11-23', '2025-01-31')),
    facilitator: fc.option(text()),
    scope: text(),
  })
  .map((spec) => {
    const map = createEmptyMap({ title: spec.title });
    const stages = spec.stages.map((name, i) => ({ id: `stage${i}`, name }));
    let steps: Step[] =
      stages.length === 0
        ? []
        : spec.steps.map((s, i) => ({
            id: `step${i}`,
            stageId: stages[s.stage % stages.length]?.id ?? 'stage0',
            name: s.name,
            kind: s.kind,
            channels: subset(channelIds, s.channels),
            sentiment: s.sentiment,
            moment: s.moment,
            metrics: { csat: s.csat, ces: s.ces, fcr: null },
            paths: s.paths.map((label, j) => ({ id: `path${i}_${j}`, label })),
            pathId: null,
          }));
    const allPaths = steps.flatMap((s) => s.paths.map((p) => ({ owner: s.id, id: p.id })));
    steps = steps.map((s, i) => {
      const ref = spec.steps[i]?.pathRef;
      const others = allPaths.filter((p) => p.owner !== s.id);
      if (ref === null || ref === undefined || others.length === 0) return s;
      return { ...s, pathId: others[ref % others.length]?.id ?? null };
    });
    const order = new Map(stages.map((s, i) => [s.id, i]));
    steps = steps
      .map((s, i) => ({ s, i }))
      .sort((a, b) => (order.get(a.s.stageId) ?? 0) - (order.get(b.s.stageId) ?? 0) || a.i - b.i)
      .map((e) => e.s);
    const lanes: Lane[] = spec.extraLane
      ? [
          ...map.lanes,
          { id: 'lane-notes', type: 'text', name: 'Notes', zone: 'onstage', hidden: true },
        ]
      : map.lanes;
    let cards: Card[] =
      steps.length === 0
        ? []
        : spec.cards.map((c, i) => {
            const kind: CardKind = c.kind;
            return {
              id: `card${i}`,
              laneId: lanes[c.lane % lanes.length]?.id ?? 'lane-actions',
              stepId: steps[c.step % steps.length]?.id ?? 'step0',
              kind,
              text: c.text,
              channels: subset(channelIds, c.channels),
              evidence: { status: c.status, source: c.source, quote: '' },
              teams: c.teams,
              painPoint: kind === 'painPoint' ? { impact: c.impact, votes: c.votes } : null,
              opportunity:
                kind === 'opportunity'
                  ? { impact: c.score, feasibility: 6 - c.score, painPointIds: [] }
                  : null,
            };
          });
    const painIds = cards.filter((c) => c.kind === 'painPoint').map((c) => c.id);
    cards = cards.map((c, i) =>
      c.opportunity === null
        ? c
        : {
            ...c,
            opportunity: {
              ...c.opportunity,
              painPointIds: subset(painIds, spec.cards[i]?.links ?? 0),
            },
          },
    );
    const lists = ['painPoints', 'requirements', 'outcomes'] as const;
    const backStory = { ...map.backStory };
    spec.stickies.forEach((s, i) => {
      const list = lists[s.list] ?? 'painPoints';
      backStory[list] = [...backStory[list], { id: `sticky${i}`, text: s.text }];
    });
    const photos = spec.photos.map((p, i) => ({
      attachmentId: `att${i}`,
      fileName: `wall-${i}.jpg`,
      caption: p.caption,
      stepId:
        p.step === null || steps.length === 0 ? null : (steps[p.step % steps.length]?.id ?? null),
    }));
    return {
      ...map,
      state: spec.state,
      review: { cadence: spec.cadence, lastReviewed: null },
      scope: { ...map.scope, scenario: spec.scope },
      backStory,
      stages,
      steps,
      lanes,
      cards,
      session: {
        ...map.session,
        date: spec.date,
        notes: spec.notes,
        facilitator: spec.facilitator === null ? null : { accountId: null, name: spec.facilitator },
        photos,
      },
    };
  });

/** Existing ids (weighted) or a missing one. */
function idOf(ids: readonly string[]): fc.Arbitrary<string> {
  return ids.length === 0
    ? fc.constant('missing')
    : fc.oneof(
        { arbitrary: fc.constantFrom(...ids), weight: 5 },
        { arbitrary: fc.constant('missing'), weight: 1 },
      );
}

/** A fresh id, or sometimes one that is taken (which must be dropped). */
function newId(taken: readonly string[]): fc.Arbitrary<string> {
  return taken.length === 0
    ? fc.constantFrom('new1', 'new2')
    : fc.oneof(
        { arbitrary: fc.constantFrom('new1', 'new2'), weight: 4 },
        { arbitrary: fc.constantFrom(...taken), weight: 1 },
      );
}

/** Text, sometimes hostile (control characters) or too long. */
const anyText = fc.oneof(
  { arbitrary: text(), weight: 6 },
  { arbitrary: fc.constant('a\u0000b\u0007c\nd\te'), weight: 1 },
  { arbitrary: fc.constant('x'.repeat(2_100)), weight: 1 },
);
const index = fc.integer({ min: -1, max: 12 });

/** A random intent op against `map`. */
export function arbOp(map: JourneyMap): fc.Arbitrary<Op> {
  const stageIds = map.stages.map((s) => s.id);
  const stepIds = map.steps.map((s) => s.id);
  const laneIds = map.lanes.map((l) => l.id);
  const cardIds = map.cards.map((c) => c.id);
  const chIds = map.channels.map((c) => c.id);
  const pathIds = map.steps.flatMap((s) => s.paths.map((p) => p.id));
  const painIds = map.cards.filter((c) => c.kind === 'painPoint').map((c) => c.id);
  const oppIds = map.cards.filter((c) => c.kind === 'opportunity').map((c) => c.id);
  const photoIds = map.session.photos.map((p) => p.attachmentId);
  const list = fc.constantFrom('painPoints', 'requirements', 'outcomes' as const);
  const stickyIds = [
    ...map.backStory.painPoints,
    ...map.backStory.requirements,
    ...map.backStory.outcomes,
  ].map((s) => s.id);
  const ops: fc.Arbitrary<Op>[] = [
    fc.record({ type: fc.constant('map/setTitle'), title: anyText }),
    fc.record({ type: fc.constant('map/setState'), state: fc.constantFrom(...mapStates) }),
    fc.record({
      type: fc.constant('map/setLinkedMap'),
      link: fc.option(
        fc.record({ pageId: fc.constantFrom('123', '456'), localId: fc.constantFrom('a', 'b') }),
      ),
    }),
    fc.record({ type: fc.constant('map/setOwningTeam'), team: anyText }),
    fc.record({
      type: fc.constant('map/setScope'),
      patch: fc.record({ goal: anyText, end: text() }, { requiredKeys: [] }),
    }),
    fc.record(
      {
        type: fc.constant('map/setReview'),
        cadence: fc.constantFrom(...cadences),
        lastReviewed: fc.option(fc.constantFrom('2026-01-01', '2026-06-30')),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({
      type: fc.constant('map/setWriteUp'),
      writeUp: fc.option(
        fc.record({
          pageId: fc.constant('99'),
          title: text(),
          generatedAt: fc.constant('2026-11-23T01:00:00Z'),
          version: fc.integer({ min: 1, max: 50 }),
        }),
      ),
    }),
    fc.record({
      type: fc.constant('persona/set'),
      patch: fc.record({ name: anyText, details: text() }, { requiredKeys: [] }),
    }),
    fc.record(
      {
        type: fc.constant('backStory/addSticky'),
        list,
        id: newId(stickyIds),
        text: anyText,
        index,
      },
      {
        requiredKeys: ['type', 'list', 'id', 'text'],
      },
    ),
    fc.record({
      type: fc.constant('backStory/editSticky'),
      list,
      id: idOf(stickyIds),
      text: anyText,
    }),
    fc.record({ type: fc.constant('backStory/deleteSticky'), list, id: idOf(stickyIds) }),
    fc.record({
      type: fc.constant('backStory/moveSticky'),
      list,
      id: idOf(stickyIds),
      toIndex: index,
    }),
    fc.record(
      { type: fc.constant('backStory/set'), topGoal: anyText, story: text() },
      { requiredKeys: ['type'] },
    ),
    fc.record({
      type: fc.constant('channel/add'),
      channel: fc.record({
        id: newId(chIds),
        name: text(),
        initials: fc.constantFrom('X', 'AB', 'ABC'),
      }),
    }),
    fc.record(
      {
        type: fc.constant('channel/edit'),
        id: idOf(chIds),
        name: text(),
        initials: fc.constantFrom('Q', 'QQ'),
      },
      {
        requiredKeys: ['type', 'id'],
      },
    ),
    fc.record({ type: fc.constant('channel/delete'), id: idOf(chIds) }),
    fc.record(
      { type: fc.constant('stage/add'), id: newId(stageIds), name: anyText, index },
      { requiredKeys: ['type', 'id', 'name'] },
    ),
    fc.record({ type: fc.constant('stage/rename'), id: idOf(stageIds), name: anyText }),
    fc.record({ type: fc.constant('stage/move'), id: idOf(stageIds), toIndex: index }),
    fc.record({ type: fc.constant('stage/delete'), id: idOf(stageIds) }),
    fc.record(
      {
        type: fc.constant('step/add'),
        id: newId(stepIds),
        stageId: idOf(stageIds),
        name: anyText,
        kind: fc.constantFrom(...stepKinds),
        index,
      },
      { requiredKeys: ['type', 'id', 'stageId', 'name'] },
    ),
    fc.record({ type: fc.constant('step/rename'), id: idOf(stepIds), name: anyText }),
    fc.record({
      type: fc.constant('step/setKind'),
      id: idOf(stepIds),
      kind: fc.constantFrom(...stepKinds),
    }),
    fc.record({
      type: fc.constant('step/move'),
      id: idOf(stepIds),
      stageId: idOf(stageIds),
      toIndex: index,
    }),
    fc.record({ type: fc.constant('step/delete'), id: idOf(stepIds) }),
    fc.record({
      type: fc.constant('step/setChannels'),
      id: idOf(stepIds),
      channels: fc.subarray([...chIds, 'nope']),
    }),
    fc.record({
      type: fc.constant('step/setSentiment'),
      id: idOf(stepIds),
      sentiment: fc.option(
        fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -3, max: 3, noNaN: true })),
      ),
    }),
    fc.record({
      type: fc.constant('step/setMoment'),
      id: idOf(stepIds),
      moment: fc.option(fc.constantFrom(...moments)),
    }),
    fc.record({
      type: fc.constant('step/setMetrics'),
      id: idOf(stepIds),
      patch: fc.record(
        {
          csat: fc.option(fc.integer({ min: -10, max: 120 })),
          ces: fc.option(fc.integer({ min: 0, max: 9 })),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({
      type: fc.constant('step/addPath'),
      id: idOf(stepIds),
      pathId: newId(pathIds),
      label: anyText,
    }),
    fc.record({
      type: fc.constant('step/renamePath'),
      id: idOf(stepIds),
      pathId: idOf(pathIds),
      label: anyText,
    }),
    fc.record({ type: fc.constant('step/deletePath'), id: idOf(stepIds), pathId: idOf(pathIds) }),
    fc.record({
      type: fc.constant('step/setPath'),
      id: idOf(stepIds),
      pathId: fc.option(idOf(pathIds)),
    }),
    fc.record(
      {
        type: fc.constant('lane/add'),
        id: newId(laneIds),
        laneType: fc.constantFrom(...laneTypes),
        name: anyText,
        zone: fc.constantFrom(...zones),
        index,
      },
      { requiredKeys: ['type', 'id', 'laneType', 'name', 'zone'] },
    ),
    fc.record({ type: fc.constant('lane/rename'), id: idOf(laneIds), name: anyText }),
    fc.record({ type: fc.constant('lane/move'), id: idOf(laneIds), toIndex: index }),
    fc.record({ type: fc.constant('lane/setHidden'), id: idOf(laneIds), hidden: fc.boolean() }),
    fc.record({
      type: fc.constant('lane/setZone'),
      id: idOf(laneIds),
      zone: fc.constantFrom(...zones),
    }),
    fc.record({ type: fc.constant('lane/delete'), id: idOf(laneIds) }),
    fc.record(
      {
        type: fc.constant('card/add'),
        id: newId(cardIds),
        laneId: idOf(laneIds),
        stepId: idOf(stepIds),
        kind: fc.constantFrom(...cardKinds),
        text: anyText,
        index,
      },
      { requiredKeys: ['type', 'id', 'laneId', 'stepId', 'kind', 'text'] },
    ),
    fc.record({
      type: fc.constant('card/edit'),
      id: idOf(cardIds),
      patch: fc.record(
        {
          text: anyText,
          kind: fc.constantFrom(...cardKinds),
          channels: fc.subarray([...chIds, 'nope']),
          teams: fc.array(text(6), { maxLength: 2 }),
          evidence: fc.record(
            {
              status: fc.constantFrom(...evidenceStatuses),
              source: fc.option(fc.constantFrom(...evidenceSources)),
              quote: text(),
            },
            { requiredKeys: [] },
          ),
          painPoint: fc.record({
            impact: fc.constantFrom(...impacts),
            votes: fc.integer({ min: -3, max: 1200 }),
          }),
          opportunity: fc.record({
            impact: fc.integer({ min: 0, max: 7 }),
            feasibility: fc.integer({ min: 1, max: 5 }),
            painPointIds: fc.subarray([...painIds, 'nope']),
          }),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({
      type: fc.constant('card/move'),
      id: idOf(cardIds),
      laneId: idOf(laneIds),
      stepId: idOf(stepIds),
      toIndex: index,
    }),
    fc.record({ type: fc.constant('card/delete'), id: idOf(cardIds) }),
    fc.record({
      type: fc.constant('card/vote'),
      id: idOf(cardIds),
      delta: fc.integer({ min: -3, max: 3 }),
    }),
    fc.record({
      type: fc.constant('card/setImpact'),
      id: idOf(cardIds),
      impact: fc.constantFrom(...impacts),
    }),
    fc.record({
      type: fc.constant('workItem/link'),
      cardId: idOf([...painIds, ...oppIds]),
      key: fc.constantFrom('CS-1', 'CS-2', 'SUP-7'),
      team: anyText,
    }),
    fc.record({
      type: fc.constant('workItem/unlink'),
      cardId: idOf([...painIds, ...oppIds]),
      key: fc.constantFrom('CS-1', 'SUP-7'),
    }),
    fc.record({
      type: fc.constant('card/link'),
      painPointId: idOf(painIds),
      opportunityId: idOf(oppIds),
      linked: fc.boolean(),
    }),
    fc.record(
      {
        type: fc.constant('session/set'),
        date: fc.option(fc.constant('2026-02-03')),
        notes: anyText,
        votesPerPerson: fc.integer({ min: -1, max: 60 }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constant('session/setPeople'),
        facilitator: fc.option(
          fc.record({ accountId: fc.option(fc.constant('acc-admin')), name: text() }),
        ),
        participants: fc.array(fc.record({ accountId: fc.constant(null), name: text() }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({
      type: fc.constant('session/setAnalysis'),
      patch: fc.record({ confusion: anyText }, { requiredKeys: [] }),
    }),
    fc.record({
      type: fc.constant('session/addPhoto'),
      photo: fc.record({
        attachmentId: newId(photoIds),
        fileName: fc.constant('p.png'),
        caption: text(),
        stepId: fc.option(idOf(stepIds)),
      }),
    }),
    fc.record(
      {
        type: fc.constant('session/editPhoto'),
        attachmentId: idOf(photoIds),
        caption: anyText,
        stepId: fc.option(idOf(stepIds)),
      },
      { requiredKeys: ['type', 'attachmentId'] },
    ),
    fc.record({ type: fc.constant('session/removePhoto'), attachmentId: idOf(photoIds) }),
    fc.record({
      type: fc.constant('session/setAgenda'),
      agenda: fc.record({
        stepIndex: fc.option(fc.integer({ min: 0, max: 20 })),
        startedAt: fc.option(fc.constant('2026-11-23T01:00:00Z')),
        elapsedSeconds: fc.integer({ min: 0, max: 600 }),
        extraMinutes: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }),
      }),
    }),
    fc.record({ type: fc.constant('session/revealVotes'), revealed: fc.boolean() }),
    fc.record({
      type: fc.constant('session/castDot'),
      voter: fc.constantFrom('acc-admin', 'acc-editor'),
      cardId: idOf(painIds.length > 0 ? painIds : cardIds),
      delta: fc.integer({ min: -3, max: 3 }),
    }),
  ] as fc.Arbitrary<Op>[];
  return fc.oneof(...ops);
}

/** A map with at least `n` cards. */
export const arbMapWithCards = (n: number): fc.Arbitrary<JourneyMap> =>
  arbMap.filter((m) => m.cards.length >= n);

/** The default card kind of a lane, for tests that add cards where they belong. */
export function laneCardKind(lane: Lane): CardKind {
  return LANE_TYPE_INFO[lane.type].cardKind ?? 'note';
}
