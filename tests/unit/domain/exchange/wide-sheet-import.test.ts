/**
 * The wide sheet layout (one row per step, one column per lane): detection against the long
 * layout, each column's reading, emotions as sentiment, and a fast-check round trip from
 * generated rows to the map and back to the same cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialiseCsv } from '../../../../src/domain/exchange/csv';
import { cardsInJourneyOrder } from '../../../../src/domain/exchange/csv-export';
import { readSentiment, sentimentScaleOf } from '../../../../src/domain/exchange/sentiment-words';
import { importSheet } from '../../../../src/domain/exchange/sheet-import';
import { findWideColumns } from '../../../../src/domain/exchange/wide-columns';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { createFromTemplate } from '../../../../src/domain/templates';

function ids() {
  let n = 0;
  return (prefix: string) => `${prefix}-w${n++}`;
}

const empty = () => createEmptyMap({ title: 'Mine' });

function imported(text: string, base: JourneyMap = empty()) {
  const out = importSheet({ text, base, newId: ids() });
  if (!out.ok) throw new Error(out.error.message);
  return out;
}

const laneOf = (map: JourneyMap, laneId: string) => map.lanes.find((l) => l.id === laneId);

describe('telling the wide layout from the long one', () => {
  it.each([
    ['Phase,Touchpoint,Customer action,Pain point,Emotion', true],
    ['Stage,Step,Thoughts', true],
    ['阶段,触点,用户行为,痛点,情绪', true],
    ['Phase,Touchpoint,Emotion', true],
    ['Stage,Step,Lane,Kind,Text', false],
    ['Phase,Touchpoint,Card type,Severity', false],
    ['Stage,Step,Text', false],
    ['Step,Description', false],
    ['Customer action,Pain point', false],
  ])('%s → wide %s', (header, wide) => {
    expect(findWideColumns(header.split(','), empty().lanes) !== null).toBe(wide);
  });

  it('takes the map’s lane of each type for the first column of that type', () => {
    const base = empty();
    const columns = findWideColumns(['Phase', 'Doing', 'Actions', 'Pains'], base.lanes);
    const actions = base.lanes.find((l) => l.type === 'actions');
    const pains = base.lanes.find((l) => l.type === 'painPoints');
    expect(columns?.map((c) => (c.role === 'lane' ? c.laneId : c.role))).toEqual([
      'stage',
      actions?.id,
      null,
      pains?.id,
    ]);
  });
});

describe('reading an emotion cell', () => {
  const native = { lo: -2, hi: 2 };
  it.each([
    ['-2', native, -2],
    ['+1', native, 1],
    ['\u22121', native, -1],
    ['0', native, 0],
    ['5', { lo: 1, hi: 5 }, 2],
    ['1', { lo: 1, hi: 5 }, -2],
    ['3', { lo: 1, hi: 5 }, 0],
    ['10', { lo: 1, hi: 10 }, 2],
    ['Frustrated', native, -2],
    ['confused', native, -1],
    ['Delighted!', native, 2],
    ['neutral', native, 0],
    ['😡', native, -2],
    ['🙂', native, 1],
    ['很沮丧', native, -2],
  ])('%s on %o → %i', (cell, scale, value) => {
    expect(readSentiment(cell, scale)).toMatchObject({ kind: 'value', value });
  });

  it('says when it read a word inside longer text, and when it knows nothing', () => {
    expect(readSentiment('Frustrated: the form is too long', native)).toEqual({
      kind: 'value',
      value: -2,
      fromWord: true,
    });
    expect(readSentiment('blue', native)).toEqual({ kind: 'unknown' });
    expect(readSentiment('  ', native)).toEqual({ kind: 'empty' });
  });

  it.each([
    [['-2', '1', ''], { lo: -2, hi: 2 }],
    [['1', '4', '5'], { lo: 1, hi: 5 }],
    [['7', '2'], { lo: 1, hi: 10 }],
    [['0', '9'], { lo: 0, hi: 10 }],
    [['happy', 'sad'], { lo: -2, hi: 2 }],
    [['-50', '3'], null],
  ])('the scale of %o is %o', (cells, scale) => {
    expect(sentimentScaleOf(cells)).toEqual(scale);
  });
});

describe('a team’s wide sheet', () => {
  const sheet = [
    'Phase,Touchpoint,Customer action,Pain point,Emotion,Owner notes,Channel',
    'Discover,Ad on LinkedIn,Clicks the ad,"- Too many ads\n- Slow page",frustrated,Ask marketing,Web',
    'Discover,Pricing page,Compares plans,,4,,',
    'Buy,Checkout,Pays by card,Card declined,1,,Phone',
    'Buy,Checkout,,,,second row of the same step,',
  ].join('\n');

  it('makes a step per row, a card per lane cell line, and the emotion the sentiment', () => {
    const base = empty();
    base.channels = [
      { id: 'ch-web', name: 'Web', initials: 'W' },
      { id: 'ch-ph', name: 'Phone', initials: 'P' },
    ];
    const out = imported(sheet, base);
    const m = out.map;
    expect(m.stages.map((s) => s.name)).toEqual(['Discover', 'Buy']);
    expect(m.steps.map((s) => s.name)).toEqual(['Ad on LinkedIn', 'Pricing page', 'Checkout']);
    // 1–5 is the scale (4 and 1 are numbers beyond −2…2 only in 1–5): 4 → +1, 1 → −2.
    expect(m.steps.map((s) => s.sentiment)).toEqual([-2, 1, -2]);
    expect(m.steps.map((s) => s.channels)).toEqual([['ch-web'], [], ['ch-ph']]);
    const cards = cardsInJourneyOrder(m).map((c) => [
      m.steps.find((s) => s.id === c.stepId)?.name,
      laneOf(m, c.laneId)?.name,
      c.kind,
      c.text,
    ]);
    expect(cards).toEqual([
      ['Ad on LinkedIn', 'Actions', 'action', 'Clicks the ad'],
      ['Ad on LinkedIn', 'Pain points', 'painPoint', 'Too many ads'],
      ['Ad on LinkedIn', 'Pain points', 'painPoint', 'Slow page'],
      ['Ad on LinkedIn', 'Owner notes', 'note', 'Ask marketing'],
      ['Pricing page', 'Actions', 'action', 'Compares plans'],
      ['Checkout', 'Actions', 'action', 'Pays by card'],
      ['Checkout', 'Pain points', 'painPoint', 'Card declined'],
      ['Checkout', 'Owner notes', 'note', 'second row of the same step'],
    ]);
    // Touchpoints are step names: none of them lands in Notes.
    expect(m.cards.some((c) => c.text === 'Checkout')).toBe(false);
    const messages = out.notes.map((n) => `${n.line ?? ''} ${n.message}`);
    expect(messages[0]).toBe(
      '1 one row per step, one column per lane: "Phase" → stages, "Touchpoint" → steps, "Customer action" → lane "Actions", "Pain point" → lane "Pain points", "Emotion" → each step\'s sentiment, "Channel" → each step\'s channels',
    );
    expect(messages).toContain(
      '1 column "Owner notes" is not a lane this app knows: its values become notes in a lane "Owner notes"',
    );
    expect(messages).toContain('1 emotion numbers read on a 1–5 scale (1 = −2, 5 = +2)');
    expect(messages).toContain('2 lane "Owner notes" created');
  });

  it('keeps the map’s lanes and their names, and notes words read inside text', () => {
    let n = 0;
    const base = createFromTemplate({
      template: 'worked-example',
      newId: () => `we-${n++}`,
      today: '2026-12-06',
    });
    const lanesBefore = base.lanes.map((l) => l.id);
    const out = imported(
      'Stage,Step,Thoughts,Emotion\nSign up,New step,"Is this free?",Confused: the form is long\n',
      base,
    );
    expect(out.map.lanes.map((l) => l.id)).toEqual(lanesBefore);
    const step = out.map.steps.find((s) => s.name === 'New step');
    expect(step?.sentiment).toBe(-1);
    expect(out.map.cards).toHaveLength(1);
    expect(out.notes.map((n) => n.message)).toContain(
      'emotion "Confused: the form is long" read as −1',
    );
  });

  it('reports an emotion it cannot read, and leaves that sentiment empty', () => {
    const out = imported('Phase,Step,Action,Emotion\nA,B,x,purple\n');
    expect(out.map.steps[0]?.sentiment).toBeNull();
    expect(out.notes.map((n) => `${n.line} ${n.message}`)).toContain(
      '2 emotion "purple" is neither a number nor a feeling this app knows; sentiment left empty',
    );
  });

  it('refuses a row with more values than the header, changing nothing', () => {
    const base = empty();
    const before = structuredClone(base);
    const out = importSheet({
      text: 'Phase,Step,Action\nA,B,x\nA,B,x,y\n',
      base,
      newId: ids(),
    });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toMatch(/^Line 3: 4 values/);
    expect(base).toEqual(before);
  });
});

const name = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/[\r\n]/g, ' ').trim())
  // Not a list mark, and not a formula or the export's guard ('=…) which a sheet reads back.
  .filter((s) => s !== '' && !/^[-*•·▪◦‣]\s/u.test(s) && !/^['=+\-@\t\r]/.test(s));

const cell = fc.oneof(fc.constant(''), name);

describe('wide sheet → map (property)', () => {
  it('puts every cell on its step and lane, and every emotion on its step', () => {
    const rows = fc.uniqueArray(
      fc.record({
        stage: fc.constantFrom('Discover', 'Buy', 'Use'),
        step: name,
        action: cell,
        pain: cell,
        thought: cell,
        emotion: fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 12, selector: (r) => r.step.toLowerCase() },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const text = serialiseCsv([
          ['Phase', 'Step', 'Customer action', 'Pain point', 'Thinking', 'Emotion'],
          ...rs.map((r) => [
            r.stage,
            r.step,
            r.action,
            r.pain,
            r.thought,
            r.emotion === null ? '' : String(r.emotion),
          ]),
        ]);
        const { map } = imported(text);
        for (const r of rs) {
          const step = map.steps.find((s) => s.name === r.step);
          expect(step).toBeDefined();
          if (!step) return;
          expect(map.stages.find((s) => s.id === step.stageId)?.name).toBe(r.stage);
          expect(step.sentiment).toBe(r.emotion);
          const on = (type: string) =>
            map.cards
              .filter((c) => c.stepId === step.id && laneOf(map, c.laneId)?.type === type)
              .map((c) => c.text);
          expect(on('actions')).toEqual(r.action ? [r.action] : []);
          expect(on('painPoints')).toEqual(r.pain ? [r.pain] : []);
          expect(on('thoughts')).toEqual(r.thought ? [r.thought] : []);
        }
        const filled = rs.flatMap((r) => [r.action, r.pain, r.thought]).filter((c) => c !== '');
        expect(map.cards).toHaveLength(filled.length);
      }),
    );
  });
});
