/**
 * The after-save conflict panel's "Keep theirs" and "Use mine" in Chromium, two people in their
 * own browser contexts (issue 16, decision 0029; "Keep both" is in live.test.ts): both commit
 * the same card at once, the person whose save was overwritten is told at the card by name with
 * both versions, and each choice leaves both screens and the stored map (a third person opening
 * the page) with what its label says. Screenshots /tmp/e2e-editor-live-choice-*.png.
 */
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { macroPage, seedMapAs, useEditorSuite } from './suite';
import { WAIT, addCard, cardByText, cardsIn, grid, shoot, typeInto, waitSaved } from './support';

const S1 = 'Discovers a need or a problem';
const NAMES: Record<string, string> = { 'acc-editor': 'Eddie Editor', 'acc-admin': 'Avery Admin' };

const suite = useEditorSuite({
  name: 'live-choices',
  page: macroPage('Conflict choices (e2e)', 'conflict-choices-map'),
  seed: (s) =>
    seedMapAs(s, 'acc-editor', async (frame) => {
      for (const text of ['Race 1', 'Race 2']) {
        await addCard(frame, { lane: 'Actions', step: S1, text });
      }
    }),
});

// Each test's people leave before the next one starts (fewer tabs on a loaded machine).
afterEach(async () => {
  for (const c of suite.contexts.splice(0)) await c.close().catch(() => undefined);
});

type Person = { accountId: string; page: Page; frame: Frame; typed: string };
const panelOf = (frame: Frame) => grid(frame).locator('.card-conflict');

/**
 * Eddie and Avery type in `card` and press Enter together (REST slowed so both saves start on
 * the same version): one save is rebased over the other. Answers who was overwritten (`loser`,
 * told at the card) and whose text stands (`winner`).
 */
async function race(card: string): Promise<{ loser: Person; winner: Person }> {
  const people: Person[] = [];
  for (const accountId of ['acc-editor', 'acc-admin']) {
    const { page, frame } = await suite.personOn(accountId);
    await expect.poll(() => frame.locator('.live-badge').textContent(), WAIT).toBe('Live');
    people.push({ accountId, page, frame, typed: `${card}, ${NAMES[accountId]}` });
  }
  for (const p of people) await typeInto(p.frame, card, p.typed);
  suite.env.host.emulator.faults.latency(600);
  try {
    await Promise.all(people.map((p) => p.page.keyboard.press('Enter')));
    await Promise.all(people.map((p) => waitSaved(p.frame)));
  } finally {
    suite.env.host.emulator.faults.latency(0);
  }
  await expect
    .poll(async () => (await Promise.all(people.map((p) => panelOf(p.frame).count()))).join(), WAIT)
    .toMatch(/^(1,0|0,1)$/);
  const [eddie, avery] = people as [Person, Person];
  return (await panelOf(eddie.frame).count())
    ? { loser: eddie, winner: avery }
    : { loser: avery, winner: eddie };
}

/**
 * Holds, on both screens and on a third person's fresh load (the stored map), that the cell has
 * its two cards, one of them `kept` and none `gone`.
 */
async function everywhere(args: { people: Person[]; kept: string; gone: string }): Promise<void> {
  const fresh = await suite.personOn('acc-viewer');
  for (const p of [...args.people, fresh]) {
    await expect
      .poll(() => cardsIn(p.frame, 'Actions', S1), WAIT)
      .toContain(`Action: ${args.kept}`);
    const cell = await cardsIn(p.frame, 'Actions', S1);
    expect(cell).toHaveLength(2);
    expect(cell).not.toContain(`Action: ${args.gone}`);
  }
}

describe('the after-save conflict panel in two browsers', () => {
  it('"Keep theirs": the other text stays for both, nothing more is saved', async () => {
    const { loser, winner } = await race('Race 1');
    const panel = panelOf(loser.frame);
    // Told at the card, by name, with both versions.
    expect(await panel.textContent()).toBe(
      `${NAMES[winner.accountId]} changed this while you were typing.` +
        `Theirs: ${winner.typed}Yours: ${loser.typed}Keep theirsUse mineKeep both`,
    );
    await shoot(loser.page, 'live-choice-keep-theirs');
    suite.env.host.invocations.clear();
    await loser.frame.getByRole('button', { name: 'Keep theirs' }).click();
    await expect.poll(() => panel.count(), WAIT).toBe(0);
    await everywhere({ people: [loser, winner], kept: winner.typed, gone: loser.typed });
    expect(suite.env.host.invocations.entries('map/apply')).toEqual([]);
    // The winner is not asked anything: her text was the one kept.
    expect(await panelOf(winner.frame).count()).toBe(0);
  });

  it('"Use mine": the overwritten text comes back for both, and the other person is told', async () => {
    const { loser, winner } = await race('Race 2');
    const panel = panelOf(loser.frame);
    expect(await panel.textContent()).toMatch(
      new RegExp(`^${NAMES[winner.accountId]} changed this while you were typing\\.`),
    );
    await loser.frame.getByRole('button', { name: 'Use mine' }).click();
    await expect.poll(() => panel.count(), WAIT).toBe(0);
    await waitSaved(loser.frame);
    await cardByText(winner.frame, loser.typed).waitFor(WAIT);
    await everywhere({ people: [loser, winner], kept: loser.typed, gone: winner.typed });
    // Her text was replaced after she was told it stood: she is told at the card, by name, with
    // both versions and the same three choices (nothing of hers goes without a word).
    const hers = panelOf(winner.frame);
    await expect
      .poll(() => hers.textContent(), WAIT)
      .toBe(
        `${NAMES[loser.accountId]} changed this while you were typing.` +
          `Theirs: ${loser.typed}Yours: ${winner.typed}Keep theirsUse mineKeep both`,
      );
    await shoot(winner.page, 'live-choice-use-mine');
  });
});
