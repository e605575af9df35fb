/**
 * Dot-voting counts agree everywhere (decision 0043): the card face, the card details, the
 * voting panel and the card's screen-reader label all say the same words, from one function;
 * the hand tally is shown apart from the dots, and only the person running the vote sets it.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Op } from '../../src/domain/operations/op-types';
import { App } from '../../static/app/src/app';
import type { ComponentWorld } from './harness';
import { openMapScreen } from './harness';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-000000000043';
let world: ComponentWorld;

/** A worked-example map run by Avery (acc-admin), seen by Eddie (acc-editor). */
async function openVotedMap(reveal: boolean): Promise<string> {
  const opened = await openMapScreen({
    localId: LOCAL_ID,
    accountId: 'acc-editor',
    pageTitle: 'Vote counts',
  });
  world = opened.world;
  const { at, created } = opened;
  const pain = created.map.cards.find((c) => c.painPoint !== null);
  if (!pain?.painPoint) throw new Error('the worked example has pain points');
  let version = created.version;
  let batch = 0;
  const apply = async (ops: Op[], accountId: string) => {
    const batchId = `votes-batch-${++batch}`;
    const res = await world.call(
      'map/apply',
      { ...at, baseVersion: version, batchId, ops },
      accountId,
    );
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    version = res.data.version;
  };
  await apply(
    [{ type: 'session/setPeople', facilitator: { accountId: 'acc-admin', name: 'Avery Admin' } }],
    'acc-admin',
  );
  await apply([{ type: 'card/vote', id: pain.id, delta: 2 - pain.painPoint.votes }], 'acc-admin');
  await apply(
    [{ type: 'session/castDot', voter: 'acc-editor', cardId: pain.id, delta: 2 }],
    'acc-editor',
  );
  await apply(
    [{ type: 'session/castDot', voter: 'acc-admin', cardId: pain.id, delta: 1 }],
    'acc-admin',
  );
  if (reveal) await apply([{ type: 'session/revealVotes', revealed: true }], 'acc-admin');
  return pain.id;
}

/** The four places' words for one card's votes. */
async function fourViews(cardId: string): Promise<Record<string, string>> {
  const user = userEvent.setup();
  const card = document.querySelector<HTMLElement>(`[data-card-id="${cardId}"]`);
  if (!card) throw new Error('card not rendered');
  const face = card.querySelector('.card-foot .vote-summary')?.textContent ?? '';
  const label = card.getAttribute('aria-label') ?? '';
  await user.click(within(card).getByRole('button', { name: 'Card details', hidden: true }));
  const details = (await screen.findByRole('group', { name: 'Hand tally' })).parentElement;
  const inDetails = details?.querySelector('.vote-summary')?.textContent ?? '';
  // The panel's open state is UI state of the frame (kept across renders in one test file).
  const toggle = await screen.findByRole('button', { name: 'Dot voting' }, { timeout: 10_000 });
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
  const row = await waitFor(
    () => {
      const el = document.querySelector(`.dot-voting-row[data-card-id="${cardId}"] .vote-summary`);
      if (!el) throw new Error('no voting row yet');
      return el;
    },
    { timeout: 10_000 },
  );
  return { face, label, details: inDetails, panel: row.textContent ?? '' };
}

afterEach(async () => {
  await world.close();
});

describe('vote counts agree everywhere', () => {
  it.each([
    [true, '3 dots · 2 counted by hand'],
    [false, '2 counted by hand'],
  ])(
    'revealed %s: card face, details, voting panel and label say “%s”',
    async (reveal, words) => {
      const cardId = await openVotedMap(reveal);
      render(<App context={world.context} />);
      await screen.findByRole('grid', { name: 'Journey map' });
      const views = await fourViews(cardId);
      expect(views.face).toBe(words);
      expect(views.details).toBe(words);
      expect(views.panel).toBe(words);
      expect(views.label).toContain(`, ${words}.`);
    },
    60_000,
  );

  it('the hand tally is the facilitator’s: disabled for others, with the reason', async () => {
    const cardId = await openVotedMap(false);
    render(<App context={world.context} />);
    await screen.findByRole('grid', { name: 'Journey map' });
    await fourViews(cardId);
    const tally = screen.getByRole('group', { name: 'Hand tally' });
    const plus = within(tally).getByRole('button', { name: /add a vote to the hand tally/ });
    expect(plus).toHaveProperty('disabled', true);
    expect(plus.getAttribute('aria-describedby')).toBeTruthy();
    const reason = document.getElementById(plus.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe(
      'Only Avery Admin, who runs this vote, sets the hand tally (votes counted on a wall).',
    );
  }, 60_000);
});
