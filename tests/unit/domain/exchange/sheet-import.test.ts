import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/domain/exchange/csv';
import { cardsInJourneyOrder, exportCsv } from '../../../../src/domain/exchange/csv-export';
import { importSheet } from '../../../../src/domain/exchange/sheet-import';
import {
  createCard,
  createEmptyMap,
  createStage,
  createStep,
} from '../../../../src/domain/model/factories';
import type { Card, JourneyMap } from '../../../../src/domain/model/schema';
import { generateMap } from '../../../support/generate-map';
import { arbMap } from '../arbitraries';

function ids() {
  let n = 0;
  return (prefix: string) => `${prefix}-imp${n++}`;
}

/** Team names the sheet format can carry: no list separators, no edge spaces, none empty. */
function sheetSafe(map: JourneyMap): JourneyMap {
  return {
    ...map,
    cards: map.cards.map((c) => ({
      ...c,
      teams: c.teams.map((t) => t.replace(/[;\r\n]/g, ' ').trim()).filter((t) => t !== ''),
    })),
  };
}

/** Stage, step and lane names made unique, so a sheet's names point at one place each. */
function uniqueNames(map: JourneyMap): JourneyMap {
  return {
    ...map,
    stages: map.stages.map((s, i) => ({ ...s, name: `${s.name}#${i}` })),
    steps: map.steps.map((s, i) => ({ ...s, name: `${s.name}#${i}` })),
    lanes: map.lanes.map((l, i) => ({ ...l, name: `${l.name}#${i}` })),
  };
}

const rowsOf = (csv: string): string[] => {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.records
    .slice(1)
    .map((r) => r.cells.join('\u0001'))
    .sort();
};

const withoutIds = (cards: Card[]) =>
  cards.map(({ id: _id, ...c }) => ({
    ...c,
    opportunity: c.opportunity && { ...c.opportunity, painPointIds: [] },
  }));

describe('CSV export → import', () => {
  it('gives the same rows (any names, duplicates included)', () => {
    fc.assert(
      fc.property(arbMap.map(sheetSafe), (map) => {
        const csv = exportCsv(map);
        const back = importSheet({ text: csv, base: map, newId: ids() });
        expect(back.ok).toBe(true);
        if (back.ok) expect(rowsOf(exportCsv(back.map))).toEqual(rowsOf(csv));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a card on its step when two stages share a name (regression: "" / "" / " ")', () => {
    // Found by the property above: the first stage named "" has no steps, the second holds the
    // step named " "; the row must go back to that step, not to a new one in the first stage.
    const base = createEmptyMap({ title: '' });
    const map: JourneyMap = {
      ...base,
      stages: [createStage('stage0', ''), createStage('stage1', '')],
      steps: [createStep({ id: 'step0', stageId: 'stage1', name: ' ' })],
      cards: [
        createCard({
          id: 'card0',
          laneId: 'lane-actions',
          stepId: 'step0',
          kind: 'action',
          text: '',
        }),
      ],
    };
    const csv = exportCsv(map);
    const back = importSheet({ text: csv, base: map, newId: ids() });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.map.steps).toEqual(map.steps);
    expect(back.map.cards.map((c) => c.stepId)).toEqual(['step0']);
    expect(rowsOf(exportCsv(back.map))).toEqual(rowsOf(csv));
  });

  it('gives the same structure and cards when names are unique (links aside)', () => {
    fc.assert(
      fc.property(
        arbMap.map((m) => uniqueNames(sheetSafe(m))),
        (map) => {
          const back = importSheet({ text: exportCsv(map), base: map, newId: ids() });
          expect(back.ok).toBe(true);
          if (!back.ok) return;
          expect(back.map.stages).toEqual(map.stages);
          expect(back.map.steps).toEqual(map.steps);
          expect(back.map.lanes).toEqual(map.lanes);
          expect(withoutIds(cardsInJourneyOrder(back.map))).toEqual(
            withoutIds(cardsInJourneyOrder(map)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rebuilds a generated map into an empty one, structure in the order first seen', () => {
    const map = uniqueNames(sheetSafe(generateMap({ cards: 300, seed: 3 })));
    const empty = createEmptyMap({ title: 'Empty', laneIds: [] });
    const back = importSheet({ text: exportCsv(map), base: { ...empty, lanes: [] }, newId: ids() });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const stepsWithCards = map.steps.filter((s) => map.cards.some((c) => c.stepId === s.id));
    expect(back.map.steps.map((s) => s.name)).toEqual(stepsWithCards.map((s) => s.name));
    expect(back.map.cards).toHaveLength(map.cards.length);
    expect(rowsOf(exportCsv(back.map))).toEqual(rowsOf(exportCsv(map)));
  });
});

describe('a forgiving spreadsheet layout', () => {
  const sheet = [
    ' PHASE , Journey step,Touchpoint,Card type,Severity,Owner,Dots,Colour',
    'Discover,Search,"Googles ""best CRM""",Action,,,,red',
    'Discover,Search,Ads everywhere,pain point,Causes abandonment,"Marketing; Growth",4,',
    'Buy,Checkout,Card declined,banana,,,,',
    'Discover,Compare,=1+1,,,,,',
  ].join('\n');

  it('finds columns by synonyms and creates structure in the order first seen', () => {
    const base = createEmptyMap({ title: 'Mine' });
    const out = importSheet({ text: sheet, base, newId: ids() });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const m = out.map;
    expect(m.title).toBe('Mine');
    expect(m.stages.map((s) => s.name)).toEqual(['Discover', 'Buy']);
    expect(m.steps.map((s) => s.name)).toEqual(['Search', 'Compare', 'Checkout']);
    const [googles, ads, formula, declined] = cardsInJourneyOrder(m);
    expect(googles).toMatchObject({ kind: 'action', text: 'Googles "best CRM"' });
    expect(ads).toMatchObject({
      kind: 'painPoint',
      painPoint: { impact: 'abandon', votes: 4 },
      teams: ['Marketing', 'Growth'],
    });
    expect(m.lanes.find((l) => l.id === ads?.laneId)?.type).toBe('painPoints');
    expect(formula).toMatchObject({ text: '=1+1' });
    expect(declined).toMatchObject({ kind: 'note', text: 'Card declined' });
    const messages = out.notes.map((n) => `${n.line ?? ''} ${n.message}`);
    expect(messages).toContain(
      '4 kind "banana" is not known; made a note card (the lane\'s default)',
    );
    expect(messages).toContain('1 columns ignored (not recognised): Colour');
    expect(messages).toContain('2 stage "Discover" created');
  });

  it('reads semicolon-separated sheets (European Excel) and a BOM', () => {
    const out = importSheet({
      text: '\uFEFFStage;Step;Text\r\nA;B;hello, world\r\n',
      base: createEmptyMap({ title: 'x' }),
      newId: ids(),
    });
    expect(out.ok && out.map.cards.map((c) => c.text)).toEqual(['hello, world']);
  });

  it('needs only a step column: the step name is kept, the stage made up', () => {
    const out = importSheet({
      text: 'Step,Description\nSign up,Form too long\n',
      base: createEmptyMap({ title: 'x' }),
      newId: ids(),
    });
    expect(out.ok && out.map.stages.map((s) => s.name)).toEqual(['Journey']);
    expect(out.ok && out.map.steps.map((s) => s.name)).toEqual(['Sign up']);
  });
});

describe('malformed sheets', () => {
  const base = createEmptyMap({ title: 'Keep me' });
  it.each([
    ['unbalanced quotes', 'Stage,Step,Text\nA,B,"open\nC,D,x\n', 2, /never closed/],
    [
      'a row with too many columns',
      'Stage,Step,Text\nA,B,x\nA,B,x,y,z\n',
      3,
      /5 values but the header row has 3 columns/,
    ],
    ['no text column', 'Stage,Step,Words\nA,B,x\n', 1, /no "Text"/],
    ['no stage or step column', 'Lane,Text\nA,x\n', 1, /"Stage" or "Step"/],
    ['an empty file', '\n\n', 1, /empty/],
    ['a header after blank lines without text', '\n\nFoo,Bar\n1,2\n', 3, /no "Text"/],
  ])('%s gives a line-numbered error and changes nothing', (_name, text, line, message) => {
    const before = structuredClone(base);
    const out = importSheet({ text, base, newId: ids() });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.line).toBe(line);
      expect(out.error.message).toMatch(new RegExp(`^Line ${line}:`));
      expect(out.error.message).toMatch(message);
    }
    expect(base).toEqual(before);
  });
});
