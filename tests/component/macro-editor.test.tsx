/**
 * The macro's editor (card details, toolbar) against the real map resolvers: an edit typed in
 * the details panel travels through the sync engine and `map/apply` into the stored map.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../static/app/src/app';
import type { ComponentWorld } from './harness';
import { createEmulatorWorld, openScreen } from './harness';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000001';
let world: ComponentWorld;
let pageId: string;

async function openMap(accountId: string): Promise<void> {
  const base = await createEmulatorWorld();
  pageId = base.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Trial to purchase journey',
    authorId: 'acc-editor',
  }).id;
  world = await openScreen({
    ...base,
    where: { module: 'journey-map', pageId, localId: LOCAL_ID },
    accountId,
  });
  const created = await world.call(
    'map/create',
    { pageId, localId: LOCAL_ID, template: 'worked-example' },
    'acc-editor',
  );
  expect(created.ok).toBe(true);
}

async function storedMap() {
  const res = await world.call('map/load', { pageId, localId: LOCAL_ID }, 'acc-editor');
  if (!res.ok || !res.data.map) throw new Error('no stored map');
  return res.data.map;
}

beforeEach(() => {
  pageId = '';
});
afterEach(async () => {
  await world.close();
});

describe('macro editor', () => {
  it('card details: a text edit reaches the stored map, and undo / redo follow it', async () => {
    await openMap('acc-editor');
    const user = userEvent.setup();
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' });
    const tools = screen.getByRole('toolbar', { name: 'Map tools' });
    const undo = within(tools).getByRole('button', { name: /Undo/ });
    const redo = within(tools).getByRole('button', { name: /Redo/ });
    expect(undo).toHaveProperty('disabled', true);
    expect(redo).toHaveProperty('disabled', true);

    const before = await storedMap();
    const card = before.cards[0];
    if (!card) throw new Error('the worked example has cards');
    const cardEl = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
    if (!cardEl) throw new Error('card not rendered');
    await user.click(within(cardEl).getByRole('button', { name: 'Card details', hidden: true }));
    const text = await screen.findByRole('textbox', { name: 'Card text' });
    await user.clear(text);
    await user.type(text, 'Trial expired before the demo');
    await user.tab();

    await waitFor(
      async () => {
        const stored = (await storedMap()).cards.find((c) => c.id === card.id);
        expect(stored?.text).toBe('Trial expired before the demo');
      },
      { timeout: 15_000 },
    );
    expect(undo).toHaveProperty('disabled', false);
    expect(redo).toHaveProperty('disabled', true);

    await user.click(undo);
    expect(redo).toHaveProperty('disabled', false);
    await waitFor(
      async () => {
        const stored = (await storedMap()).cards.find((c) => c.id === card.id);
        expect(stored?.text).toBe(card.text);
      },
      { timeout: 15_000 },
    );
    await user.click(redo);
    expect(redo).toHaveProperty('disabled', true);
    expect(undo).toHaveProperty('disabled', false);
  });

  it('a viewer gets no undo / redo and a read-only card text', async () => {
    await openMap('acc-viewer');
    const user = userEvent.setup();
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' });
    const tools = screen.getByRole('toolbar', { name: 'Map tools' });
    expect(within(tools).queryByRole('button', { name: /Undo/ })).toBeNull();
    const first = document.querySelector<HTMLElement>('[data-card-id]');
    if (!first) throw new Error('card not rendered');
    await user.click(within(first).getByRole('button', { name: 'Card details', hidden: true }));
    await screen.findByText('Text');
    expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull();
  });
});
