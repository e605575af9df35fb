/**
 * A click inside a card's open text box (to place the caret) keeps the box open with what was
 * typed: the card focuses itself on a click, which must not blur (commit and close) its own text
 * box. Against the real map resolvers.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { openMapScreen, storedMap } from '../harness';

let world: ComponentWorld;

afterEach(async () => {
  await world.close();
});

describe("a card's open text box", () => {
  it('stays open with its text when clicked in, and Enter then saves it', async () => {
    const opened = await openMapScreen({
      localId: 'c0ffee00-1234-4abc-9def-00000000c11c',
      accountId: 'acc-editor',
    });
    world = opened.world;
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' });
    const card = opened.created.map.cards[0];
    if (!card) throw new Error('the worked example has cards');
    const el = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
    if (!el) throw new Error('card not rendered');
    const user = userEvent.setup();
    await user.dblClick(el);
    const box = await within(el).findByRole('textbox', { name: / text$/ });
    await user.clear(box);
    await user.type(box, 'Clicked in', { skipClick: true });
    // A click in the box (user.type clicks it first), then more typing.
    await user.type(box, ', then typed on');
    expect(within(el).queryByRole('textbox', { name: / text$/ })).toBe(box);
    expect((box as HTMLTextAreaElement).value).toBe('Clicked in, then typed on');
    await user.keyboard('{Enter}');
    await waitFor(
      async () =>
        expect((await storedMap(world, opened.at)).cards.find((c) => c.id === card.id)?.text).toBe(
          'Clicked in, then typed on',
        ),
      { timeout: 15_000 },
    );
  }, 60_000);
});
