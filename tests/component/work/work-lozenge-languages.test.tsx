/** The Jira lozenge speaks the person's language (decision 0035): key, status, "not found". */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { WorkLozenge } from '../../../static/app/src/features/editor/work/work-lozenge';
import { I18nProvider } from '../../../static/app/src/i18n';
import { translatorForTest } from '../../support/i18n';

afterEach(cleanup);

describe('WorkLozenge', () => {
  it.each([
    ['en-US', 'IDN-4 · not found', 'Not found in Jira: deleted, moved, or you cannot see it'],
    ['zh-CN', 'IDN-4 · 未找到', '在 Jira 中找不到：已删除、已移动，或你无权查看'],
  ] as const)('%s: a missing item reads "%s"', (locale, text, title) => {
    render(
      <I18nProvider value={{ locale, t: translatorForTest(locale) }}>
        <WorkLozenge itemKey="IDN-4" status={{ key: 'IDN-4', found: false }} />
      </I18nProvider>,
    );
    expect(screen.getByText(text).getAttribute('title')).toBe(title);
  });

  it('zh-CN: a found item shows Jira’s status name and the translated title', () => {
    render(
      <I18nProvider value={{ locale: 'zh-CN', t: translatorForTest('zh-CN') }}>
        <WorkLozenge
          itemKey="IDN-1"
          status={{
            key: 'IDN-1',
            found: true,
            summary: 'Fix',
            status: 'In Progress',
            category: 'indeterminate',
          }}
        />
      </I18nProvider>,
    );
    const el = screen.getByText('IDN-1 · In Progress');
    expect(el.getAttribute('title')).toBe('IDN-1：Fix（In Progress）');
    expect(el.className).toContain('is-inprogress');
  });
});
