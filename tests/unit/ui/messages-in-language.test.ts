/**
 * Messages the UI builds outside React (announcements, file checks, rebase notices, markers)
 * read the person's language through `translateNow` / `t` (decision 0042).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setFallbackI18n } from '../../../static/app/src/i18n';
import { checkPhotoFile } from '../../../static/app/src/features/session/photo-files';
import { describeField } from '../../../static/app/src/features/editor/state/describe-fields';
import { sentimentMarkers } from '../../../static/app/src/features/editor/insights';
import { noTeamLabel } from '../../../static/app/src/features/index/index-model';
import type { Step } from '../../../src/domain/model/schema';
import { englishT, translatorForTest } from '../../support/i18n';
import { workedExample } from './fixtures';

const zh = { locale: 'zh-CN' as const, t: translatorForTest('zh-CN') };

afterEach(() => setFallbackI18n({ locale: 'en-US', t: englishT }));

describe('messages built outside React', () => {
  it.each([
    ['en-US', 'x.gif is empty.', 'No team'],
    ['zh-CN', 'x.gif 是空文件。', '无团队'],
  ] as const)('follow the loaded language (%s)', (locale, empty, noTeam) => {
    if (locale === 'zh-CN') setFallbackI18n(zh);
    expect(checkPhotoFile({ name: 'x.gif', type: 'image/gif', size: 0 })).toEqual({
      ok: false,
      message: empty,
    });
    expect(noTeamLabel()).toBe(noTeam);
  });

  it('names a changed field in Chinese, falling back to its path words', () => {
    setFallbackI18n(zh);
    const map = workedExample();
    const card = map.cards[0];
    if (!card) throw new Error('fixture has no card');
    expect(describeField(`cards.${card.id}.text`, map)).toBe(`卡片“${card.text}”的文字`);
    expect(describeField('steps.order', map)).toBe('步骤的顺序');
    expect(describeField('scope.someField', map)).toBe('scope some field');
  });

  it('marks sentiment patterns in the given language', () => {
    const steps = [-2, 2, -2, 2].map((sentiment, i) => ({ ...stepLike(i), sentiment }));
    const en = [...sentimentMarkers(steps, englishT).values()].flat().join(' ');
    const cn = [...sentimentMarkers(steps, zh.t).values()].flat().join(' ');
    expect(en).toMatch(/Rapid drop/);
    expect(cn).toMatch(/骤降/);
    expect(cn).not.toMatch(/[A-Za-z]/);
  });
});

function stepLike(i: number): Omit<Step, 'sentiment'> {
  return {
    id: `s${i}`,
    stageId: 'st',
    name: `Step ${i}`,
    kind: 'action',
    channels: [],
    moment: null,
    metrics: { csat: null, ces: null, fcr: null },
    paths: [],
    pathId: null,
  };
}
