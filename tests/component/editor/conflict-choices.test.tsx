/**
 * The after-save conflict panel (issue 16, decision 0029), its three choices against the real
 * resolvers and the host's Forge Realtime: Eddie saves a card's text, Avery saves hers on the
 * version before his (she never saw his), and Eddie is told at the card, by name, with both
 * versions. Each choice is held to what its label says, for both people: the text on Eddie's
 * screen, the stored map Avery loads, and the event her open editor gets.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/domain/model/schema';
import { mapChannelName, parseMapEvent } from '../../../src/domain/live/map-event';
import type { MapEvent } from '../../../src/domain/live/map-event';
import type { MapAddress } from '../../../src/resolvers/contract';
import { App } from '../../../static/app/src/app';
import type { ComponentWorld } from '../harness';
import { openMapScreen } from '../harness';

const LOCAL_ID = 'c0ffee00-1234-4abc-9def-00000000c0f1';
const EDDIE = 'Trial ends before the demo (Eddie)';
const AVERY = 'Nobody answers the trial email (Avery)';
const SLOW = { timeout: 20_000 } as const;

let world: ComponentWorld;
let at: MapAddress;

afterEach(async () => {
  await world.close();
});

/** The cards of `card`'s cell in the stored map, as Avery loads it, in order. */
async function storedCards(card: Card): Promise<Card[]> {
  const res = await world.call('map/load', at, 'acc-admin');
  if (!res.ok || !res.data.map) throw new Error('Avery cannot load the map');
  return res.data.map.cards.filter((c) => c.laneId === card.laneId && c.stepId === card.stepId);
}

/** The texts of that cell's stored cards, in order. */
async function storedCell(card: Card): Promise<string[]> {
  return (await storedCards(card)).map((c) => c.text);
}

/** The texts of the cards Eddie's screen shows for `ids`, in that order. */
function shownTexts(ids: string[]): (string | null)[] {
  return ids.map(
    (id) =>
      document.querySelector(`[data-card-id="${id}"] .card-text`)?.textContent?.trim() ?? null,
  );
}

/** Eddie's `map/apply` calls so far. */
function appliesSent(): number {
  return world.commands.filter(
    (c) =>
      c.cmd === 'invoke' && (c.payload as { functionKey?: string }).functionKey === 'map/apply',
  ).length;
}

const liveBadge = () => document.querySelector('.live-badge')?.textContent;

/** Eddie's editor, rendered and live; answers the first card as Avery loads it, and the version. */
async function openLive(): Promise<{ card: Card; version: number }> {
  ({ world, at } = await openMapScreen({ localId: LOCAL_ID, accountId: 'acc-editor', live: true }));
  render(<App context={world.context} />);
  await screen.findByRole('grid', { name: 'Journey map' });
  await waitFor(() => expect(liveBadge()).toBe('Live'), SLOW);
  const loaded = await world.call('map/load', at, 'acc-admin');
  if (!loaded.ok || !loaded.data.map) throw new Error('no map');
  const card = loaded.data.map.cards[0];
  if (!card) throw new Error('the worked example has cards');
  return { card, version: loaded.data.version };
}

/** Eddie types `text` in the card (a double click opens it) and commits it with Enter. */
async function eddieTypes(card: Card, text: string): Promise<HTMLElement> {
  const user = userEvent.setup();
  const el = document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`);
  if (!el) throw new Error('card not rendered');
  await user.dblClick(el);
  const box = await within(el).findByRole('textbox', { name: / text$/ });
  await user.clear(box);
  // No click first: a click in the box would reach the card, which focuses itself.
  await user.type(box, `${text}{Enter}`, { skipClick: true });
  return el;
}

/**
 * Eddie's editor open and live; he saves {@link EDDIE} on the first card, then Avery saves
 * {@link AVERY} on the version before his. Answers the card, the panel at it and what Avery's
 * open editor hears on the map's channel from then on.
 */
async function overwrittenAfterSave(): Promise<{
  card: Card;
  panel: HTMLElement;
  heardByAvery: MapEvent[];
}> {
  const { card, version: averysBase } = await openLive();
  // Eddie types in the card and commits with Enter; the server confirms it.
  const el = await eddieTypes(card, EDDIE);
  const status = within(screen.getByRole('toolbar', { name: 'Map tools' })).getByRole('status');
  await waitFor(async () => expect(await storedCell(card)).toContain(EDDIE), SLOW);
  await waitFor(() => expect(status.textContent).toBe('✓ Saved'), SLOW);

  // Avery saves on the version she had: the server tells her she overwrote Eddie's text.
  const heardByAvery: MapEvent[] = [];
  const stop = world.listen(mapChannelName(LOCAL_ID), (payload) => {
    const event = parseMapEvent(payload);
    if (event) heardByAvery.push(event);
  });
  const hers = await world.call(
    'map/apply',
    {
      ...at,
      baseVersion: averysBase,
      batchId: 'avery-saves-on-an-old-version',
      ops: [{ type: 'card/edit', id: card.id, patch: { text: AVERY } }],
    },
    'acc-admin',
  );
  if (!hers.ok) throw new Error(`Avery's save failed: ${hers.error.message}`);
  expect(hers.data.overwritten).toEqual([`cards.${card.id}.text`]);
  heardByAvery.length = 0; // her own save: what follows is what Eddie does
  cleanups.push(stop);

  const panel = await waitFor(() => {
    const found = el.querySelector<HTMLElement>('.card-conflict');
    if (!found) throw new Error('no conflict panel at the card yet');
    return found;
  }, SLOW);
  return { card, panel, heardByAvery };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const stop of cleanups.splice(0)) stop();
});

type Row = {
  choice: 'Keep theirs' | 'Use mine' | 'Keep both';
  /** The texts of the card's cell afterwards, for both people, in order (the card first). */
  cell: string[];
  /** What Eddie's screen reader hears. */
  announced: string;
  /** What Avery's open editor is sent: nothing, or a save by Eddie with this op on `card`. */
  sent: null | ((card: Card) => Record<string, unknown>);
};

const ROWS: Row[] = [
  {
    choice: 'Keep theirs',
    cell: [AVERY],
    announced: 'Their text is kept on the card.',
    sent: null,
  },
  {
    choice: 'Use mine',
    cell: [EDDIE],
    announced: 'Your text is back on the card.',
    sent: (card) => ({ type: 'card/edit', id: card.id, patch: { text: EDDIE } }),
  },
  {
    choice: 'Keep both',
    cell: [AVERY, EDDIE],
    announced: 'Both kept: your text is a new card in the same cell.',
    sent: (card) => ({ type: 'card/add', laneId: card.laneId, stepId: card.stepId, text: EDDIE }),
  },
];

describe('the after-save conflict panel', () => {
  it.each(ROWS)(
    '$choice: both people end with what the label says, and nothing goes unsaid',
    async (row) => {
      const { card, panel, heardByAvery } = await overwrittenAfterSave();
      // Told at the card, by name, with both versions: nothing is replaced silently.
      expect(panel.getAttribute('role')).toBe('alert');
      await waitFor(
        () =>
          expect(panel.textContent).toBe(
            `Avery Admin changed this while you were typing.Theirs: ${AVERY}Yours: ${EDDIE}` +
              'Keep theirsUse mineKeep both',
          ),
        SLOW,
      );
      // Until he chooses, his screen shows what is stored (hers), and his text only in the panel.
      expect(shownTexts([card.id])).toEqual([AVERY]);
      const before = appliesSent();

      await userEvent.setup().click(within(panel).getByRole('button', { name: row.choice }));

      const el = document.querySelector(`[data-card-id="${card.id}"]`);
      expect(el?.querySelector('.card-conflict')).toBeNull();
      // Both people: the stored map (Avery loads it) and Eddie's screen hold the same cell.
      await waitFor(async () => expect(await storedCell(card)).toEqual(row.cell), SLOW);
      const ids = (await storedCards(card)).map((c) => c.id);
      expect(ids[0]).toBe(card.id);
      await waitFor(() => expect(shownTexts(ids)).toEqual(row.cell), SLOW);
      const status = within(screen.getByRole('toolbar', { name: 'Map tools' })).getByRole('status');
      await waitFor(() => expect(status.textContent).toBe('✓ Saved'), SLOW);
      // Avery's open editor: Eddie's save arrives live, by him, overwriting nothing unseen.
      if (row.sent) {
        await waitFor(() => expect(heardByAvery).toHaveLength(1), SLOW);
        const [event] = heardByAvery;
        expect(event?.author).toBe('acc-editor');
        expect(event?.overwritten).toEqual([]);
        expect(event?.ops).toEqual([expect.objectContaining(row.sent(card))]);
        expect(appliesSent()).toBeGreaterThan(before);
      } else {
        // Keeping theirs changes nothing stored: no save, nothing sent to Avery.
        await act(() => new Promise((r) => setTimeout(r, 500)));
        expect(appliesSent()).toBe(before);
        expect(heardByAvery).toEqual([]);
      }
      const spoken = screen
        .getAllByRole('status')
        .map((s) => s.textContent?.replace(/\u00a0$/, '') ?? '');
      expect(spoken).toContain(row.announced);
    },
    60_000,
  );
});

describe('when my text stood over theirs', () => {
  it('their "Use mine" is told to me at the card, by name, with both versions', async () => {
    const { card, version } = await openLive();
    const edit = (text: string) => [{ type: 'card/edit' as const, id: card.id, patch: { text } }];

    // Avery saves while Eddie's channel is down: he does not hear it and saves over her text.
    world.dropLive(3_000);
    await waitFor(() => expect(liveBadge()).not.toBe('Live'), SLOW);
    const hers = await world.call(
      'map/apply',
      { ...at, baseVersion: version, batchId: 'avery-first', ops: edit(AVERY) },
      'acc-admin',
    );
    if (!hers.ok) throw new Error(hers.error.message);
    const el = await eddieTypes(card, EDDIE);
    const notes = await screen.findByRole('list', { name: 'Save notes' }, SLOW);
    expect(notes.textContent).toMatch(/^Someone else changed .* your version was kept/);
    await waitFor(async () => expect(await storedCell(card)).toEqual([EDDIE]), SLOW);
    await waitFor(() => expect(liveBadge()).toBe('Live'), SLOW);
    expect(el.querySelector('.card-conflict')).toBeNull();

    // Avery is told (her panel) and chooses "Use mine": her text is back over his.
    const current = await world.call('map/load', at, 'acc-admin');
    if (!current.ok) throw new Error(current.error.message);
    const back = await world.call(
      'map/apply',
      { ...at, baseVersion: current.data.version, batchId: 'avery-uses-hers', ops: edit(AVERY) },
      'acc-admin',
    );
    if (!back.ok) throw new Error(back.error.message);
    expect(back.data.overwritten).toEqual([]);

    // Eddie's text does not go without a word: told at the card, by name, both versions.
    await waitFor(
      () =>
        expect(el.querySelector('.card-conflict')?.textContent).toBe(
          `Avery Admin changed this while you were typing.Theirs: ${AVERY}Yours: ${EDDIE}` +
            'Keep theirsUse mineKeep both',
        ),
      SLOW,
    );
    expect(shownTexts([card.id])).toEqual([AVERY]);
  }, 60_000);
});
