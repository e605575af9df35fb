/** The index screen and the write-up preview, against the real resolvers and the emulator. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMacroStorage } from '../../dev/host/storage/macro';
import { App } from '../../static/app/src/app';
import type { ComponentWorld } from './harness';
import { createEmulatorWorld, openScreen } from './harness';

let world: ComponentWorld;
afterEach(async () => {
  await world.close();
});

describe('index screen', () => {
  it("lists the space's maps the user can see, not one on a page restricted from them", async () => {
    const base = await createEmulatorWorld();
    const seed = (title: string, localId: string): string =>
      base.emulator.store.createPage({
        spaceKey: 'CX',
        title,
        authorId: 'acc-admin',
        body: `<p>Session notes.</p>${buildMacroStorage({ localId })}`,
      }).id;
    const open = seed('Open journey page', 'open-map');
    const secret = seed('Secret journey page', 'secret-map');
    world = await openScreen({
      ...base,
      where: { module: 'journey-maps-index', spaceKey: 'CX' },
      accountId: 'acc-outsider',
    });
    for (const [pageId, localId, title] of [
      [open, 'open-map', 'Trial to purchase'],
      [secret, 'secret-map', 'Merger integration'],
    ] as const) {
      const made = await world.call(
        'map/create',
        { pageId, localId, template: 'blank', title },
        'acc-admin',
      );
      expect(made.ok).toBe(true);
    }
    base.emulator.store.restrictPage({ pageId: secret, view: ['acc-admin', 'acc-editor'] });

    render(<App context={world.context} />);
    const table = await screen.findByRole('table', { name: 'Journey maps in this space' });
    expect(await within(table).findByText('Trial to purchase')).toBeTruthy();
    expect(within(table).queryByText('Merger integration')).toBeNull();
    expect(document.body.textContent).not.toContain('Secret journey page');
  });
});

describe('write-up preview', () => {
  it('shows the write-up as rendered content, and writes nothing until asked', async () => {
    const base = await createEmulatorWorld();
    const pageId = base.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Trial to purchase journey',
      authorId: 'acc-editor',
    }).id;
    const localId = 'c0ffee00-1234-4abc-9def-000000000002';
    world = await openScreen({
      ...base,
      where: { module: 'journey-map', pageId, localId },
      accountId: 'acc-editor',
    });
    const made = await world.call(
      'map/create',
      { pageId, localId, template: 'worked-example' },
      'acc-editor',
    );
    if (!made.ok) throw new Error(made.error.message);
    const pagesBefore = base.emulator.store.counts().pages;

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
    const painPoint = made.data.map.cards.find((c) => c.kind === 'painPoint');
    expect(body.textContent).toContain(painPoint?.text.trim().slice(0, 20));
    expect(base.emulator.store.counts().pages).toBe(pagesBefore);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Write-up preview content' })).toBeNull();
    expect(base.emulator.store.counts().pages).toBe(pagesBefore);
  });
});
