/**
 * A card's linked work on the grid (decision 0046): each key is a link a keyboard reaches (not
 * inside the card's aria-hidden foot) that opens `/browse/KEY` through the bridge router in a
 * new tab, without selecting the card, and that a drag does not start from.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { createEmulatorWorld, openScreen } from '../harness';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000470';
let world: ComponentWorld;

afterEach(async () => {
  await world.close();
});

describe('grid card work badges', () => {
  it('a badge opens the work item through the router, by click and by keyboard', async () => {
    const base = await createEmulatorWorld();
    const pageId = base.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Trial to purchase journey',
      authorId: 'acc-editor',
    }).id;
    world = await openScreen({
      ...base,
      where: { module: 'journey-map', pageId, localId: LOCAL_ID },
      accountId: 'acc-editor',
    });
    const made = await world.call(
      'map/create',
      { pageId, localId: LOCAL_ID, template: 'worked-example' },
      'acc-editor',
    );
    if (!made.ok) throw new Error(made.error.message);
    const card = made.data.map.cards.find((c) => c.kind === 'painPoint');
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
        baseVersion: made.data.version,
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
      { name: `Open ${issue.key} in Jira` },
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
