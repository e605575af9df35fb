/** The write-up's "Work in Jira" column: cells by status, not found, unavailable, well-formed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkStatus } from '../../../../src/domain/work-items';
import { renderSentimentChart } from '../../../../src/domain/write-up/sentiment-chart';
import { renderWriteUp } from '../../../../src/domain/write-up/render-write-up';
import { workColumn } from '../../../../src/domain/write-up/work-column';
import type { WriteUpWork } from '../../../../src/domain/write-up/work-column';
import { el, serialize } from '../../../../src/domain/storage-format/markup';
import { englishT } from '../../../support/i18n';
import {
  GENERATED_AT,
  TODAY,
  WORKED_EXAMPLE_PAGE,
  WORKED_EXAMPLE_RULES,
  workedExampleSession,
} from './fixtures';
import { checkStorage } from './xml-check';

const links = [
  { cardId: 'c1', key: 'IDN-1', team: 'Identity' },
  { cardId: 'c1', key: 'IDN-2', team: 'Identity' },
  { cardId: 'c2', key: 'GRO-7', team: 'Growth' },
];
const found = (key: string, status: string, category: 'new' | 'indeterminate' | 'done') =>
  ({ key, found: true, summary: 's', status, category }) satisfies WorkStatus;
const cellOf = (work: WriteUpWork, cardId: string): string => {
  const col = workColumn({ links, work, t: englishT });
  return serialize(el('p', {}, col?.cell(cardId)));
};

describe('workColumn', () => {
  it('no links: no column', () => {
    expect(workColumn({ links: [], work: { available: false }, t: englishT })).toBeNull();
  });

  it.each([
    ['new', 'Grey', 'To Do'],
    ['indeterminate', 'Blue', 'In Progress'],
    ['done', 'Green', 'Done'],
  ] as const)('category %s is a %s lozenge titled with the status', (category, colour, status) => {
    const cell = cellOf({ available: true, statuses: [found('GRO-7', status, category)] }, 'c2');
    expect(cell).toContain(`GRO-7 <ac:structured-macro ac:name="status">`);
    expect(cell).toContain(`<ac:parameter ac:name="colour">${colour}</ac:parameter>`);
    expect(cell).toContain(`<ac:parameter ac:name="title">${status}</ac:parameter>`);
  });

  it('not found is red; a card without work is a dash; several keys are comma-separated', () => {
    const work: WriteUpWork = {
      available: true,
      statuses: [{ key: 'IDN-1', found: false }, found('IDN-2', 'Done', 'done')],
    };
    expect(cellOf(work, 'c1')).toMatch(/IDN-1 .*Red.*not found.*, IDN-2 .*Green.*Done/);
    expect(cellOf(work, 'other')).toBe('<p>—</p>');
  });

  it('unavailable: keys only, and a note', () => {
    const col = workColumn({ links, work: { available: false }, t: englishT });
    expect(cellOf({ available: false }, 'c1')).toBe('<p>IDN-1, IDN-2</p>');
    expect(serialize(col?.note ?? el('p', {}))).toContain('Jira statuses were unavailable');
  });

  it('a status name Jira returns is escaped, and the write-up stays well-formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (status) => {
        const map = workedExampleSession();
        const pain = map.cards.find((c) => c.kind === 'painPoint');
        const withWork = {
          ...map,
          workItems: [{ cardId: pain?.id ?? '', key: 'IDN-1', team: '' }],
        };
        const xml = renderWriteUp({
          map: withWork,
          rules: WORKED_EXAMPLE_RULES,
          mapPage: WORKED_EXAMPLE_PAGE,
          chart: renderSentimentChart(withWork, englishT),
          today: TODAY,
          generatedAt: GENERATED_AT,
          t: englishT,
          work: { available: true, statuses: [found('IDN-1', status, 'new')] },
        });
        expect(() => checkStorage(xml)).not.toThrow();
        expect(xml).toContain('Work in Jira');
      }),
      { numRuns: 30 },
    );
  });
});
