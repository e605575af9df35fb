/**
 * Long text and drafts in a field (issue 16): a paste past the limit is kept whole, said so and
 * not sent; near the limit a counter shows; what is typed survives a remount (a reload) through
 * the draft store until it is committed.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { InlineText } from '../../../static/app/src/features/editor/inline-text';
import {
  createDraftStore,
  fieldDraftKey,
} from '../../../static/app/src/features/editor/state/draft-store';
import { I18nProvider } from '../../../static/app/src/i18n';
import { translatorForTest } from '../../support/i18n';
import { MemoryStorage } from '../../unit/ui/fixtures';

afterEach(cleanup);

function field(args: {
  value: string;
  commits: string[];
  locale?: 'en-US' | 'zh-CN';
  draft?: ReturnType<typeof createDraftStore>;
}) {
  const locale = args.locale ?? 'en-US';
  return (
    <I18nProvider value={{ locale, t: translatorForTest(locale) }}>
      <InlineText
        label="Scenario"
        value={args.value}
        multiline
        limit={20}
        draft={args.draft ? { store: args.draft, key: fieldDraftKey('scope.scenario') } : undefined}
        onCommit={(v) => {
          args.commits.push(v);
        }}
      />
    </I18nProvider>
  );
}

describe('InlineText with a limit', () => {
  it.each([
    ['en-US', '25 / 20 characters: 5 too many. Nothing was cut; shorten the text to save it.'],
    ['zh-CN', '25 / 20 个字符：超出 5 个。文字未被截断；请缩短后再保存。'],
  ] as const)('%s: a paste past the limit is kept whole, told, and not sent', (locale, says) => {
    const commits: string[] = [];
    render(field({ value: '', commits, locale }));
    const box = screen.getByRole('textbox', { name: 'Scenario' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'x'.repeat(25) } });
    expect(screen.getByRole('alert').textContent).toBe(says);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(box);
    expect(commits).toEqual([]);
    expect((box as HTMLTextAreaElement).value).toBe('x'.repeat(25));
    // Shortened: the counter stays near the limit, and the text is sent whole.
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'y'.repeat(19) } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(
      screen.getByText(locale === 'en-US' ? '19 / 20 characters' : '19 / 20 个字符'),
    ).toBeTruthy();
    fireEvent.blur(box);
    expect(commits).toEqual(['y'.repeat(19)]);
  });

  it('far from the limit no counter shows', () => {
    render(field({ value: 'short', commits: [] }));
    expect(screen.queryByText(/characters/)).toBeNull();
  });

  it('what is typed survives a reload (a new field over the same storage) until committed', () => {
    const storage = new MemoryStorage();
    const commits: string[] = [];
    const first = createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm' });
    const view = render(field({ value: 'Old', commits, draft: first }));
    const box = screen.getByRole('textbox', { name: 'Scenario' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Buys a ticket' } });
    view.unmount();
    const again = createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm' });
    expect(again.get(fieldDraftKey('scope.scenario'))?.text).toBe('Buys a ticket');
    render(field({ value: 'Old', commits, draft: again }));
    const reopened = screen.getByRole('textbox', { name: 'Scenario' });
    expect((reopened as HTMLTextAreaElement).value).toBe('Buys a ticket');
    // Open with unsent text: the status says "Editing…" (sync-status reads this).
    expect(again.isOpen(fieldDraftKey('scope.scenario'))).toBe(true);
    fireEvent.focus(reopened);
    fireEvent.blur(reopened);
    expect(commits).toEqual(['Buys a ticket']);
    expect(again.get(fieldDraftKey('scope.scenario'))).toBeNull();
  });
});
