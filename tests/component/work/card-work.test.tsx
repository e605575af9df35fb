/**
 * Card work against the real resolvers (decision 0046). On the grid each linked key is a link a
 * keyboard reaches (not inside the card's aria-hidden foot) that opens `/browse/KEY` through the
 * bridge router in a new tab, without selecting the card, and that a drag does not start from.
 * On a site without Jira ("no Jira, no noise"), card details' create and link and "Send the top
 * N" each say why instead of failing or previewing work that could not be created.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { openWorkedExample } from './work-world';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000470';
const NO_JIRA_ID = 'c0ffee00-1234-4abc-9def-000000000480';
const NO_JIRA = 'This site has no Jira, so work items cannot be linked here.';
let world: ComponentWorld;

afterEach(async () => {
  await world.close();
});

describe('grid card work badges', () => {
  it('a badge opens the work item through the router, by click and by keyboard', async () => {
    const opened = await openWorkedExample({ localId: LOCAL_ID });
    world = opened.world;
    const { pageId } = opened;
    const card = opened.map.cards.find((c) => c.kind === 'painPoint');
    if (!card) throw new Error('the worked example has pain points');
    const issue = world.emulator.jira.createIssue({
      projectKey: 'IDN',
      issueTypeId: '10100',
      summary: 'Invitation emails land in spam',
      description: null,
      labels: [],
      componentIds: [],
      reporterId: 'acc-editor',
    });
    world.emulator.jira.setStatus(issue.key, '3');
    const linked = await world.call(
      'map/apply',
      {
        pageId,
        localId: LOCAL_ID,
        baseVersion: opened.version,
        batchId: 'link-badge-test',
        ops: [{ type: 'workItem/link', cardId: card.id, key: issue.key, team: '' }],
      },
      'acc-editor',
    );
    if (!linked.ok) throw new Error(linked.error.message);

    const user = userEvent.setup();
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' }, { timeout: 15_000 });
    const cardEl = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
    if (!cardEl) throw new Error('card not rendered');
    const link = await within(cardEl).findByRole(
      'link',
      { name: `${issue.key} · In Progress (opens in Jira)` },
      { timeout: 15_000 },
    );
    await within(link).findByText(`${issue.key} · In Progress`, {}, { timeout: 15_000 });
    expect(link.closest('[aria-hidden="true"]')).toBeNull();
    expect(link.getAttribute('draggable')).toBe('false');
    expect(link.getAttribute('href')).toBe(`/browse/${issue.key}`);

    const navigations = () => world.commands.filter((c) => c.cmd === 'navigate');
    await user.click(link);
    await waitFor(() => expect(navigations()).toHaveLength(1));
    expect(navigations()[0]?.payload).toEqual({ url: `/browse/${issue.key}`, type: 'new-tab' });
    // The click stays on the link: the card is not focused, no details open.
    expect(document.activeElement).not.toBe(cardEl);
    expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull();

    link.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(navigations()).toHaveLength(2));
    expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull();
  });
});

describe('without Jira', () => {
  it('card details and "send the top N" explain why', async () => {
    const opened = await openWorkedExample({ localId: NO_JIRA_ID });
    world = opened.world;
    const { pageId } = opened;
    world.emulator.jira.setPresent(false);
    const card = opened.map.cards.find((c) => c.kind === 'painPoint');
    if (!card) throw new Error('the worked example has pain points');

    const user = userEvent.setup();
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' }, { timeout: 15_000 });
    const cardEl = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
    if (!cardEl) throw new Error('card not rendered');
    await user.click(within(cardEl).getByRole('button', { name: 'Card details', hidden: true }));
    const work = await screen.findByRole('region', { name: 'Work in Jira' }, { timeout: 15_000 });

    await user.click(within(work).getByRole('button', { name: 'Create work item…' }));
    const form = await within(work).findByRole('group', { name: 'New work item' });
    await within(form).findByText(NO_JIRA, {}, { timeout: 15_000 });
    expect(within(form).queryByRole('button', { name: 'Create in Jira' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    await user.type(within(work).getByRole('textbox', { name: 'Work item key or link' }), 'IDN-1');
    await user.click(within(work).getByRole('button', { name: 'Link' }));
    expect((await within(work).findByRole('alert', {}, { timeout: 15_000 })).textContent).toBe(
      NO_JIRA,
    );

    // The session area is a lazy chunk: its toggle comes a moment later.
    const toggle = await waitFor(
      () => {
        const el = document.querySelector<HTMLButtonElement>('button.session-toggle');
        if (!el) throw new Error('no session toggle yet');
        return el;
      },
      { timeout: 15_000 },
    );
    await user.click(toggle);
    await user.click(
      await screen.findByRole('button', { name: 'Preview work items' }, { timeout: 15_000 }),
    );
    await waitFor(
      () => expect(document.querySelector('.send-to-teams')?.textContent).toContain(NO_JIRA),
      {
        timeout: 15_000,
      },
    );
    expect(screen.queryByRole('button', { name: /^Create \d+ work item/ })).toBeNull();

    const stored = await world.call('map/load', { pageId, localId: NO_JIRA_ID }, 'acc-editor');
    expect(stored.ok && stored.data.map?.workItems).toEqual([]);
  });
});
