import { describe, expect, it } from 'vitest';
import { DEFAULT_LANE_TYPES } from '../../../../src/domain/model/factories';
import { idSchema, journeyMapSchema } from '../../../../src/domain/model/schema';
import { rankOpportunities, rankPainPoints } from '../../../../src/domain/ranking';
import { journeySentiment, sentimentPatterns } from '../../../../src/domain/sentiment';
import { ALANA_STORY, createFromTemplate, TEMPLATE_IDS } from '../../../../src/domain/templates';

function counter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${n++}`;
}

describe('createFromTemplate', () => {
  it.each(TEMPLATE_IDS)('%s passes the schema, with unique ids, deterministically', (template) => {
    const map = createFromTemplate({ template, newId: counter(), today: '2026-11-23' });
    expect(journeyMapSchema.parse(map)).toEqual(map);
    expect(createFromTemplate({ template, newId: counter(), today: '2026-11-23' })).toEqual(map);
    const ids = [
      ...map.lanes.map((l) => l.id),
      ...map.stages.map((s) => s.id),
      ...map.steps.map((s) => s.id),
      ...map.steps.flatMap((s) => s.paths.map((p) => p.id)),
      ...map.cards.map((c) => c.id),
      ...map.backStory.painPoints.map((s) => s.id),
      ...map.backStory.requirements.map((s) => s.id),
      ...map.backStory.outcomes.map((s) => s.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(map.review).toEqual({ cadence: 'quarterly', lastReviewed: '2026-11-23' });
    // Every card hangs off an existing lane and step.
    const lanes = new Set(map.lanes.map((l) => l.id));
    const steps = new Set(map.steps.map((s) => s.id));
    expect(map.cards.every((c) => lanes.has(c.laneId) && steps.has(c.stepId))).toBe(true);
  });

  it.each(TEMPLATE_IDS)('%s takes the given title, clipped to the schema', (template) => {
    expect(
      createFromTemplate({ template, title: '  Mine ', newId: counter(), today: '2026-01-01' })
        .title,
    ).toBe('Mine');
    const long = createFromTemplate({
      template,
      title: '🎉'.repeat(300),
      newId: counter(),
      today: '2026-01-01',
    });
    expect(long.title.length).toBeLessThanOrEqual(200);
    expect(journeyMapSchema.safeParse(long).success).toBe(true);
    expect(
      createFromTemplate({ template, title: '   ', newId: counter(), today: '2026-01-01' }).title,
    ).not.toBe('');
  });

  it('blank is the play’s scaffold', () => {
    const map = createFromTemplate({ template: 'blank', newId: counter(), today: '2026-11-23' });
    expect(map.stages.map((s) => s.name)).toEqual(['Journey']);
    expect(map.steps.map((s) => s.name)).toEqual(['First thing the persona does']);
    expect(map.cards).toEqual([]);
    expect(map.scope).toEqual({ scenario: '', goal: '', start: '', end: '' });
    expect(map.lanes.map((l) => l.type)).toEqual(DEFAULT_LANE_TYPES);
    expect(map.lanes.map((l) => l.type)).not.toContain('text');
  });

  it('awareness-to-advocacy has seed 004’s five stages with 1–2 steps each', () => {
    const map = createFromTemplate({
      template: 'awareness-to-advocacy',
      newId: counter(),
      today: '2026-11-23',
    });
    expect(map.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Interest',
      'Consideration',
      'Purchase',
      'Advocacy',
    ]);
    for (const stage of map.stages) {
      const steps = map.steps.filter((s) => s.stageId === stage.id);
      expect(steps.length).toBeGreaterThanOrEqual(1);
      expect(steps.length).toBeLessThanOrEqual(2);
      expect(steps.every((s) => s.name.length > 0)).toBe(true);
    }
  });

  it('worked example is Alana’s evaluation of Confluence from seed 000', () => {
    const map = createFromTemplate({
      template: 'worked-example',
      newId: counter('w'),
      today: '2026-11-23',
    });
    expect(map.persona).toMatchObject({ name: 'Alana', role: 'Project manager' });
    expect(map.persona.goals).toContain('spend less time explaining things over email');
    expect(map.scope.scenario).toContain('TRY');
    expect(map.backStory.painPoints.map((s) => s.text)).toContain(
      "Her team's knowledge is in silos",
    );
    expect(map.backStory.requirements.map((s) => s.text)).toContain('Provide structure');
    expect(map.backStory.outcomes.map((s) => s.text)).toContain(
      'To keep my team focused on their work instead of distracted by unnecessary emails and shoulder-taps',
    );
    expect(map.backStory.topGoal).toBe('Improve team efficiency');
    expect(map.backStory.story).toBe(ALANA_STORY);
    expect(ALANA_STORY).toBe(
      "Alana and her team are frustrated by having to spend so much time explaining their work to each other, and to stakeholders. They want a way to share their knowledge, and organize it so it's easy for people outside their team to find, so they can focus more energy on the tasks at hand.",
    );

    expect(map.stages.length).toBeGreaterThanOrEqual(3);
    expect(map.steps.length).toBeGreaterThanOrEqual(9);
    expect(new Set(map.steps.map((s) => s.kind))).toEqual(
      new Set(['action', 'question', 'decision']),
    );
    const decision = map.steps.find((s) => s.kind === 'decision' && s.paths.length === 2);
    expect(decision?.paths.every((p) => p.label.length > 0)).toBe(true);
    for (const path of decision?.paths ?? []) {
      expect(map.steps.some((s) => s.pathId === path.id)).toBe(true);
    }
    expect(map.steps.every((s) => s.channels.length > 0)).toBe(true);
    expect(new Set(map.steps.map((s) => s.moment).filter(Boolean))).toEqual(
      new Set(['delight', 'friction', 'decision']),
    );
    expect(map.steps.filter((s) => s.metrics.csat !== null).length).toBeGreaterThanOrEqual(3);

    const thoughts = map.cards.filter((c) => c.kind === 'thought');
    expect(thoughts.some((c) => c.evidence.status === 'validated' && c.evidence.quote !== '')).toBe(
      true,
    );

    const pains = rankPainPoints(map);
    expect(new Set(pains.map((p) => p.impact))).toEqual(
      new Set(['trivial', 'workaround', 'abandon']),
    );
    expect(pains.some((p) => p.votes > 0 && p.teams.length > 0)).toBe(true);
    expect(pains.some((p) => p.teams.length === 0)).toBe(true); // left for routing rules
    const opportunities = rankOpportunities(map);
    expect(new Set(opportunities.map((o) => o.quadrant))).toEqual(
      new Set(['quickWin', 'bigBet', 'maybe', 'timeSink']),
    );
    expect(opportunities.every((o) => o.linkedPainPoints.length > 0)).toBe(true);

    const patterns = sentimentPatterns(journeySentiment(map).values);
    expect(patterns.rapidDrops.length).toBeGreaterThan(0);
    expect(patterns.troughs.length).toBeGreaterThan(0);
    expect(patterns.peaks.length).toBeGreaterThan(0);
    expect(patterns.sawtooth.length).toBeGreaterThan(0);

    const validated = map.cards.filter((c) => c.evidence.status === 'validated');
    expect(validated.length).toBeGreaterThan(0);
    expect(validated.every((c) => c.evidence.source !== null)).toBe(true);
    expect(validated.length).toBeLessThan(map.cards.length);
  });

  it('uses only ids from newId', () => {
    const issued: string[] = [];
    const newId = () => {
      const id = `x${issued.length}`;
      issued.push(id);
      return id;
    };
    const map = createFromTemplate({ template: 'worked-example', newId, today: '2026-11-23' });
    expect(map.cards.every((c) => issued.includes(c.id) && idSchema.safeParse(c.id).success)).toBe(
      true,
    );
  });
});
