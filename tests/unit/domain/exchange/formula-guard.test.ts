import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../../src/domain/exchange/csv-export';
import { guardFormula, unguardFormula } from '../../../../src/domain/exchange/formula-guard';
import {
  createCard,
  createEmptyMap,
  createStage,
  createStep,
} from '../../../../src/domain/model/factories';

describe('CSV formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    [`'=already`, `''=already`],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('%j is written as %j', (input, written) => {
    expect(guardFormula(input)).toBe(written);
    expect(unguardFormula(written)).toBe(input);
  });

  it('every text survives guard then unguard', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 10 }), (s) => {
        expect(unguardFormula(guardFormula(s))).toBe(s);
        expect(guardFormula(s)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('no exported cell starts with a formula trigger', () => {
    const map = createEmptyMap({ title: 'T' });
    map.stages = [createStage('s1', '=cmd|/C calc!A0')];
    map.steps = [createStep({ id: 'p1', stageId: 's1', name: '@step' })];
    map.cards = [
      createCard({
        id: 'c1',
        laneId: 'lane-actions',
        stepId: 'p1',
        kind: 'action',
        text: '+danger',
      }),
    ];
    map.cards[0]!.teams = ['-team'];
    const cells = exportCsv(map)
      .slice(1)
      .split('\r\n')
      .flatMap((line) => line.split(','))
      .map((c) => c.replace(/^"/, ''));
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(exportCsv(map)).toContain(`'=cmd|/C calc!A0`);
  });
});
