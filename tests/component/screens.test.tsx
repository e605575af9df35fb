/** The index screen and the write-up preview, against the real resolvers and the emulator. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../static/app/src/app';
import type { ComponentWorld } from './harness';
import { openIndexScreen, openMapScreen, seedIndexedMap } from './harness';

let world: ComponentWorld;
afterEach(async () => {
  await world.close();
});

describe('index screen', () => {
  it("lists the space's maps the user can see, not one on a page restricted from them", async () => {
    world = await openIndexScreen({ accountId: 'acc-outsider' });
    const intro = '<p>Session notes.</p>';
    await seedIndexedMap(world, {
      pageTitle: 'Open journey page',
      localId: 'open-map',
      title: 'Trial to purchase',
      intro,
    });
    const secret = await seedIndexedMap(world, {
      pageTitle: 'Secret journey page',
      localId: 'secret-map',
      title: 'Merger integration',
      intro,
    });
    world.emulator.store.restrictPage({ pageId: secret, view: ['acc-admin', 'acc-editor'] });

    render(<App context={world.context} />);
    const table = await screen.findByRole('table', { name: 'Journey maps in this space' });
    expect(await within(table).findByText('Trial to purchase')).toBeTruthy();
    expect(within(table).queryByText('Merger integration')).toBeNull();
    expect(document.body.textContent).not.toContain('Secret journey page');
  });
});

describe('write-up preview', () => {
  it('shows the write-up as rendered content, and writes nothing until asked', async () => {
    const { world: opened, created } = await openMapScreen({
      localId: 'c0ffee00-1234-4abc-9def-000000000002',
      accountId: 'acc-editor',
    });
    world = opened;
    const pagesBefore = world.emulator.store.counts().pages;

    const user = userEvent.setup();
    render(<App context={world.context} />);
    await user.click(
      await screen.findByRole('button', { name: 'Generate write-up' }, { timeout: 15_000 }),
    );
    const body = await screen.findByRole(
      'region',
      { name: 'Write-up preview content' },
      { timeout: 15_000 },
    );
    // Rendered, not raw storage format: headings and text, no tags or entities.
    expect(within(body).getAllByRole('heading').length).toBeGreaterThan(0);
    expect(body.textContent).not.toMatch(/<ac:|&lt;|&amp;/);
    const painPoint = created.map.cards.find((c) => c.kind === 'painPoint');
    expect(body.textContent).toContain(painPoint?.text.trim().slice(0, 20));
    expect(world.emulator.store.counts().pages).toBe(pagesBefore);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Write-up preview content' })).toBeNull();
    expect(world.emulator.store.counts().pages).toBe(pagesBefore);
  });
});
