/** The byline label from a page summary: table of cases and a property over arbitrary counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../../../src/domain/summary';
import { bylineLabel } from '../../../../src/domain/summary';
import { englishT, translatorForTest } from '../../../support/i18n';

function summary(over: Partial<PageSummary>): PageSummary {
  return {
    format: 1,
    mapCount: 1,
    titles: 'Map',
    personas: '',
    teams: '',
    state: 'current',
    nextReview: '2027-03-03',
    painPoints: 4,
    abandon: 2,
    updated: '2026-11-23T10:00:00.000Z',
    maps: [],
    truncated: false,
    ...over,
  };
}

const TODAY = '2027-02-20';

const en = (s: PageSummary | null) =>
  bylineLabel({ summary: s, today: TODAY, t: englishT, locale: 'en-US' });
const zh = (s: PageSummary | null) =>
  bylineLabel({ summary: s, today: TODAY, t: translatorForTest('zh-CN'), locale: 'zh-CN' });

describe('bylineLabel', () => {
  it.each([
    ['no summary', null, 'Journey map', 'none'],
    ['no maps', summary({ mapCount: 0 }), 'Journey map', 'none'],
    [
      'review due within 14 days',
      summary({}),
      'Journey map · 2 cause abandonment · review due 3 Mar',
      'dueSoon',
    ],
    [
      'review far away',
      summary({ nextReview: '2027-06-01' }),
      'Journey map · 2 cause abandonment',
      'ok',
    ],
    [
      'overdue',
      summary({ nextReview: '2027-01-05', abandon: 0 }),
      'Journey map · review overdue since 5 Jan',
      'stale',
    ],
    [
      'several maps, no date',
      summary({ mapCount: 3, nextReview: null }),
      '3 journey maps · 2 cause abandonment',
      'ok',
    ],
  ] as const)('%s', (_, input, title, status) => {
    const label = en(input);
    expect(label.title).toBe(title);
    expect(label.status).toBe(status);
  });

  it('the tooltip counts pain points and names the state', () => {
    expect(en(summary({ state: 'mixed', painPoints: 1 })).tooltip).toBe(
      '1 pain point · current and future state · next review 2027-03-03',
    );
  });

  it('always starts with the map count and mentions abandonment exactly when there is some', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), (maps, abandon) => {
        const label = en(summary({ mapCount: maps, abandon }));
        if (maps === 0) return label.status === 'none';
        return (
          label.title.startsWith(maps === 1 ? 'Journey map' : `${maps} journey maps`) &&
          label.title.includes('cause abandonment') === abandon > 0
        );
      }),
    );
  });

  it.each([
    ['no map', null, '客户旅程地图', '本页还没有客户旅程地图'],
    [
      'review due',
      summary({}),
      '客户旅程地图 · 2 个导致放弃 · 3月3日 需评审',
      '4 个痛点 · 当前状态 · 下次评审 2027-03-03',
    ],
    [
      'overdue, several maps',
      summary({ mapCount: 2, nextReview: '2027-01-05', abandon: 0, state: 'mixed' }),
      '2 张客户旅程地图 · 评审已于 1月5日 逾期',
      '4 个痛点 · 当前与未来状态 · 下次评审 2027-01-05',
    ],
  ] as const)('in Simplified Chinese: %s', (_, input, title, tooltip) => {
    const label = zh(input);
    expect(label.title).toBe(title);
    expect(label.tooltip).toBe(tooltip);
  });
});
