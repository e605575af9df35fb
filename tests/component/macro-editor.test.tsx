/**
 * The macro's editor (card details, toolbar) against the real map resolvers: an edit typed in
 * the details panel travels through the sync engine and `map/apply` into the stored map.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapAddress } from '../../src/resolvers/contract';
import { App } from '../../static/app/src/app';
import type { ComponentWorld } from './harness';
import { openMapScreen, storedMap } from './harness';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000001';
let world: ComponentWorld;
let at: MapAddress;

/** The worked example on a fresh page, open for `accountId`, rendered; answers the toolbar. */
async function openMap(accountId: string): Promise<HTMLElement> {
  ({ world, at } = await openMapScreen({ localId: LOCAL_ID, accountId }));
  render(<App context={world.context} />);
  await screen.findByRole('grid', { name: 'Journey map' });
  return screen.getByRole('toolbar', { name: 'Map tools' });
}

/** Opens the details panel of the card rendered for `cardId` (the first card when null). */
async function openCardDetails(
  user: ReturnType<typeof userEvent.setup>,
  cardId: string | null,
): Promise<void> {
  const selector = cardId === null ? '[data-card-id]' : `[data-card-id="${cardId}"]`;
  const cardEl = document.querySelector<HTMLElement>(selector);
  if (!cardEl) throw new Error('card not rendered');
  await user.click(within(cardEl).getByRole('button', { name: 'Card details', hidden: true }));
}

/** Waits until the stored text of card `cardId` is `text`. */
async function storedTextBecomes(cardId: string, text: string): Promise<void> {
  await waitFor(
    async () => {
      const stored = (await storedMap(world, at)).cards.find((c) => c.id === cardId);
      expect(stored?.text).toBe(text);
    },
    { timeout: 15_000 },
  );
}

afterEach(async () => {
  await world.close();
});

describe('macro editor', () => {
  it('card details: a text edit reaches the stored map, and undo / redo follow it', async () => {
    const tools = await openMap('acc-editor');
    const user = userEvent.setup();
    const undo = within(tools).getByRole('button', { name: /Undo/ });
    const redo = within(tools).getByRole('button', { name: /Redo/ });
    expect(undo).toHaveProperty('disabled', true);
    expect(redo).toHaveProperty('disabled', true);

    const before = await storedMap(world, at);
    const card = before.cards[0];
    if (!card) throw new Error('the worked example has cards');
    await openCardDetails(user, card.id);
    const text = await screen.findByRole('textbox', { name: 'Card text' });
    await user.clear(text);
    await user.type(text, 'Trial expired before the demo');
    await user.tab();

    await storedTextBecomes(card.id, 'Trial expired before the demo');
    expect(undo).toHaveProperty('disabled', false);
    expect(redo).toHaveProperty('disabled', true);

    await user.click(undo);
    expect(redo).toHaveProperty('disabled', false);
    await storedTextBecomes(card.id, card.text);
    await user.click(redo);
    expect(redo).toHaveProperty('disabled', true);
    expect(undo).toHaveProperty('disabled', false);
  });

  it('a viewer gets no undo / redo and a read-only card text', async () => {
    const tools = await openMap('acc-viewer');
    expect(within(tools).queryByRole('button', { name: /Undo/ })).toBeNull();
    await openCardDetails(userEvent.setup(), null);
    await screen.findByText('Text');
    expect(screen.queryByRole('textbox', { name: 'Card text' })).toBeNull();
  });
});
