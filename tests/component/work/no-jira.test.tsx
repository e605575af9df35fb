/**
 * "No Jira, no noise" (issue 17, decision 0046) on a site without Jira, against the real
 * resolvers: card details' create and link, and "Send the top N", each say why instead of
 * failing or previewing work that could not be created; nothing is written to the map.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { createEmulatorWorld, openScreen } from '../harness';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000480';
const NO_JIRA = 'This site has no Jira, so work items cannot be linked here.';
let world: ComponentWorld;

afterEach(async () => {
  await world.close();
});

describe('without Jira', () => {
  it('card details and "send the top N" explain why', async () => {
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
    base.emulator.jira.setPresent(false);
    const card = made.data.map.cards.find((c) => c.kind === 'painPoint');
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

    const stored = await world.call('map/load', { pageId, localId: LOCAL_ID }, 'acc-editor');
    expect(stored.ok && stored.data.map?.workItems).toEqual([]);
  });
});
