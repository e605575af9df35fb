/**
 * Scribe mode's new-card field (issue 16, "long text"): a paste past the card limit is kept
 * whole, said so, and neither Enter nor leaving the field adds a cut card; within the limit
 * Enter adds it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_TEXT_MAX } from '../../../src/domain/model/text-limits';
import { ScribeDraft } from '../../../static/app/src/features/editor/grid/scribe-draft';
import { I18nProvider } from '../../../static/app/src/i18n';
import { translatorForTest } from '../../support/i18n';

afterEach(cleanup);

function Draft(props: { commits: string[] }) {
  const [text, setText] = useState('');
  return (
    <I18nProvider value={{ locale: 'en-US', t: translatorForTest('en-US') }}>
      <ScribeDraft
        text={text}
        label="New action card"
        onChange={setText}
        onCommit={(v) => props.commits.push(v)}
        onCancel={() => undefined}
      />
    </I18nProvider>
  );
}

describe('ScribeDraft with the card limit', () => {
  it('keeps a long paste whole, says so, and adds nothing until it is shortened', () => {
    const commits: string[] = [];
    render(<Draft commits={commits} />);
    const box = screen.getByRole('textbox', { name: 'New action card' });
    expect(box.getAttribute('maxlength')).toBeNull();
    const long = 'x'.repeat(CARD_TEXT_MAX + 7);
    fireEvent.change(box, { target: { value: long } });
    expect(screen.getByRole('alert').textContent).toMatch(/7 too many\. Nothing was cut/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.blur(box);
    expect(commits).toEqual([]);
    expect((box as HTMLTextAreaElement).value).toBe(long);
    fireEvent.change(box, { target: { value: 'Short enough' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(commits).toEqual(['Short enough']);
  });
});
