/**
 * Two people and a viewer on one map, end to end in Chromium: two browser contexts edit
 * different cards at the same moment and both see both edits (and so does a fresh reader); a
 * viewer without edit rights sees the map read-only and cannot change anything. axe-core on the
 * read-only editor in light and dark theme; screenshots /tmp/e2e-editor-readonly-{light,dark}.png.
 */
import { describe, expect, it } from 'vitest';
import { macroPage, seedMapAs, useEditorSuite } from './suite';
import {
  WAIT,
  addCard,
  axeViolations,
  cardByText,
  cardsIn,
  grid,
  setTheme,
  settle,
  shoot,
  typeInto,
  waitSaved,
} from './support';

const S1 = 'Discovers a need or a problem';
const S2 = 'Finds a possible solution';

const suite = useEditorSuite({
  name: 'collab',
  page: macroPage('Shared journey (e2e)', 'shared-map'),
  // Eddie starts the map and adds two cards.
  seed: (s) =>
    seedMapAs(s, 'acc-editor', async (frame) => {
      await addCard(frame, { lane: 'Actions', step: S1, text: 'Card of Eddie' });
      await addCard(frame, { lane: 'Thoughts', step: S2, text: 'Card of Avery' });
      await grid(frame)
        .getByRole('slider', { name: `Sentiment at ${S1}` })
        .focus();
      await frame.page().keyboard.press('End');
    }),
});

/**
 * Eddie and Avery open the map and each type into a card without committing; storage turns slow
 * so that their saves will be in flight together.
 */
async function twoTyping(eddieEdit: [string, string], averyEdit: [string, string]) {
  const eddie = await suite.personOn('acc-editor');
  const avery = await suite.personOn('acc-admin');
  await typeInto(eddie.frame, ...eddieEdit);
  await typeInto(avery.frame, ...averyEdit);
  const log = suite.env.host.emulator.log;
  log.clear();
  suite.env.host.emulator.faults.latency(600);
  return { eddie, avery, log };
}

describe('several people on one map', () => {
  it('merges two people editing different cards at once; both see both edits', async () => {
    // Both commit at the same moment; slow storage keeps both saves in flight together, so the
    // second meets a newer version (409) and the resolver re-applies it on top.
    const { eddie, avery, log } = await twoTyping(
      ['Card of Eddie', 'Eddie was here'],
      ['Card of Avery', 'Avery was here'],
    );
    await Promise.all([
      eddie.frame.page().keyboard.press('Enter'),
      avery.frame.page().keyboard.press('Enter'),
    ]);
    for (const { frame } of [eddie, avery]) {
      await expect
        .poll(() => cardsIn(frame, 'Actions', S1), WAIT)
        .toEqual(['Action: Eddie was here']);
      await expect
        .poll(() => cardsIn(frame, 'Thoughts', S2), WAIT)
        .toEqual(['Thought: Avery was here']);
      await waitSaved(frame);
    }
    suite.env.host.emulator.faults.latency(0);
    const conflicts = log.entries().filter((e) => e.status === 409 && e.method === 'PUT');
    console.log(`concurrent saves: ${conflicts.length} conflict(s) answered 409 and rebased`);
    expect(conflicts.length).toBeGreaterThan(0);
    // Someone who opens the page now (no local state) reads both from storage.
    const fresh = await suite.personOn('acc-editor');
    expect(await cardsIn(fresh.frame, 'Actions', S1)).toEqual(['Action: Eddie was here']);
    expect(await cardsIn(fresh.frame, 'Thoughts', S2)).toEqual(['Thought: Avery was here']);
  });

  it('says so when two people change the same card at once (last edit wins, nothing silent)', async () => {
    const { eddie, avery, log } = await twoTyping(
      ['Avery was here', 'Same card, Eddie'],
      ['Avery was here', 'Same card, Avery'],
    );
    try {
      await Promise.all([
        eddie.frame.page().keyboard.press('Enter'),
        avery.frame.page().keyboard.press('Enter'),
      ]);
      await Promise.all([waitSaved(eddie.frame), waitSaved(avery.frame)]);
    } finally {
      suite.env.host.emulator.faults.latency(0);
    }
    expect(log.entries().some((e) => e.status === 409 && e.method === 'PUT')).toBe(true);
    // Both converge on one text (the last writer's); the person whose save was rebased is told.
    const both = () =>
      Promise.all([eddie, avery].map(({ frame }) => cardsIn(frame, 'Thoughts', S2)));
    await expect
      .poll(async () => {
        const [e, a] = await both();
        return JSON.stringify(e) === JSON.stringify(a) ? e : ['(not converged)', e, a];
      }, WAIT)
      .toEqual([expect.stringMatching(/^Thought: Same card, (Eddie|Avery)$/)]);
    const final = await both();
    const notes = await Promise.all(
      [eddie, avery].map(({ frame }) =>
        frame.getByRole('list', { name: 'Save notes' }).getByRole('alert').allTextContents(),
      ),
    );
    console.log(`same-card conflict: ${JSON.stringify(final)} notes ${JSON.stringify(notes)}`);
    expect(notes.flat()).toEqual([
      expect.stringMatching(
        /^Someone else changed the text of card “Same card, (Eddie|Avery)” at the same time; your version was kept \(last edit wins\)\./,
      ),
    ]);
  });

  it('shows the map read-only to a viewer, who cannot change anything', async () => {
    suite.env.host.emulator.faults.clear();
    const store = suite.env.host.emulator.store;
    const versions = () =>
      store.propertiesOf('page', suite.pageId).map((p) => `${p.key}@${p.version.number}`);
    const before = versions();
    const vera = await suite.personOn('acc-viewer');
    const { frame, page } = vera;
    await expect.poll(() => frame.getByRole('note').first().textContent()).toContain('Read-only.');
    expect(await cardsIn(frame, 'Actions', S1)).toEqual(['Action: Eddie was here']);
    expect(await cardsIn(frame, 'Thoughts', S2)).toHaveLength(1);
    // No editing controls at all.
    for (const name of ['Undo', 'Redo', 'Add stage', 'Add step', 'Add lane']) {
      expect(await frame.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await frame.getByRole('button', { name: /^Add card to / }).count()).toBe(0);
    expect(await frame.getByRole('textbox').count()).toBe(0);

    // Keys that edit for an editor do nothing here.
    const card = cardByText(frame, 'Eddie was here');
    await card.focus();
    await page.keyboard.press('Enter'); // opens details (read-only) instead of editing
    await page.keyboard.press('Delete');
    await page.keyboard.press('Space');
    await card.dblclick();
    await settle(frame);
    expect(await frame.getByRole('textbox').count()).toBe(0);
    const slider = grid(frame).getByRole('slider', { name: `Sentiment at ${S1}` });
    expect(await slider.getAttribute('aria-valuenow')).toBe('2');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await settle(frame);
    expect(await slider.getAttribute('aria-valuenow')).toBe('2');
    // The details panel shows the card, every field disabled or plain text.
    const panel = frame.getByRole('complementary');
    await panel.waitFor(WAIT);
    const enabledFields = await panel
      .locator('input, select, textarea')
      .evaluateAll((els) => els.filter((e) => !(e as HTMLInputElement).disabled).length);
    expect(enabledFields).toBe(0);
    expect(await cardsIn(frame, 'Actions', S1)).toEqual(['Action: Eddie was here']);

    // Nothing reached storage.
    await page.waitForTimeout(1_000);
    expect(versions()).toEqual(before);

    for (const mode of ['light', 'dark'] as const) {
      await setTheme(page, frame, mode);
      await shoot(page, `readonly-${mode}`);
      const { serious, all } = await axeViolations(frame);
      console.log(`axe (${mode}, read-only): ${all.length ? all.join('\n') : 'no violations'}`);
      expect(serious).toEqual([]);
    }
  });
});
