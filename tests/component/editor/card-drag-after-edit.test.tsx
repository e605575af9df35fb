/**
 * A card is draggable after an inline edit (decision 0051): cards register their drag on first
 * hover, and after an edit the pointer is still over the card (no new pointerenter), so the
 * press itself must register it, or a drag selects the card's text instead.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { openWorkedExample } from '../work/work-world';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000510';
let world: ComponentWorld | undefined;

afterEach(async () => {
  cleanup();
  await world?.close();
});

describe('dragging a card', () => {
  it('a press registers the drag when no pointerenter came first (the pointer stayed after an edit)', async () => {
    const opened = await openWorkedExample({ localId: LOCAL_ID });
    world = opened.world;
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' }, { timeout: 15_000 });
    const card = opened.map.cards[0];
    if (!card) throw new Error('the worked example has cards');
    const el = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
    if (!el) throw new Error('card not rendered');
    // Not registered on mount (a big map's first render would pay for every card).
    expect(el.getAttribute('draggable')).not.toBe('true');
    fireEvent.pointerDown(el);
    expect(el.getAttribute('draggable')).toBe('true');
  });
});
