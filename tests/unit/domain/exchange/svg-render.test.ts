import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMapSvg } from '../../../../src/domain/exchange/svg-render';
import {
  createCard,
  createEmptyMap,
  createStage,
  createStep,
} from '../../../../src/domain/model/factories';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { generateMap } from '../../../support/generate-map';
import { arbMap } from '../arbitraries';
import { checkStorage } from '../write-up/xml-check';
import { englishT, translatorForTest } from '../../../support/i18n';

const HOSTILE = [
  '<script>alert(1)</script>',
  ']]><x>',
  '<ac:structured-macro ac:name="html">',
  '&amp; &lt; & &#0; &bogus;',
  '"\' onload="x',
  'ctl\u0000\u0001\u0008\u000B\u001F\u007F\u0085end',
  'rtl \u202Eevil\u202C',
  'emoji 👩🏽‍💻 and lone \uD800 surrogate',
];

function hostileMap(text: string): JourneyMap {
  const map = createEmptyMap({ title: text });
  map.persona.name = text;
  map.stages = [createStage('s1', text)];
  map.steps = [{ ...createStep({ id: 'p1', stageId: 's1', name: text }), sentiment: 1 }];
  map.lanes = map.lanes.map((l) => ({ ...l, name: `${l.name} ${text}` }));
  map.cards = [
    createCard({ id: 'c1', laneId: 'lane-painPoints', stepId: 'p1', kind: 'painPoint', text }),
    createCard({ id: 'c2', laneId: 'lane-actions', stepId: 'p1', kind: 'action', text }),
  ];
  return map;
}

describe('the map as SVG', () => {
  it.each(HOSTILE)('escapes hostile text %j into well-formed XML', (text) => {
    const { svg } = renderMapSvg(hostileMap(text), englishT);
    expect(() => checkStorage(svg)).not.toThrow();
    expect(svg).not.toMatch(/<script|<x>|<ac:/);
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('is well-formed for any text anywhere (fast-check)', () => {
    fc.assert(
      fc.property(arbMap, fc.string({ unit: 'binary', maxLength: 40 }), (map, text) => {
        const hostile: JourneyMap = {
          ...map,
          title: text,
          stages: map.stages.map((s) => ({ ...s, name: s.name + text })),
          steps: map.steps.map((s) => ({ ...s, name: text + s.name })),
          cards: map.cards.map((c) => ({ ...c, text: c.text + text })),
        };
        const { svg, width, height } = renderMapSvg(hostile, englishT);
        const names = checkStorage(svg);
        expect(names[0]).toBe('svg');
        expect(width).toBeGreaterThan(0);
        expect(height).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('draws stages, steps, visible lanes, kind colours, the line of visibility and the curve', () => {
    const map = generateMap({ cards: 60, seed: 11 });
    const { svg } = renderMapSvg(map, englishT);
    const names = checkStorage(svg);
    for (const stage of map.stages) expect(svg).toContain(`>${stage.name.slice(0, 10)}`);
    expect(svg).toContain('Line of visibility');
    // The picture's own words follow the reader's language (decision 0050).
    expect(renderMapSvg(map, translatorForTest('zh-CN')).svg).toContain('>可见线<');
    expect(names).toContain('path');
    expect(svg).toContain('#FFECEB'); // pain point fill
    const hidden = {
      ...map,
      lanes: map.lanes.map((l, i) => (i === 0 ? { ...l, hidden: true, name: 'HIDDEN-LANE' } : l)),
    };
    expect(renderMapSvg(hidden, englishT).svg).not.toContain('HIDDEN-LANE');
  });
});
