/**
 * Running the play and dot voting, end to end in Chromium with the real build and resolvers.
 * Eddie (editor) runs the agenda while Vera (viewer) and Avery (admin) watch in their own
 * browser contexts: the step and countdown arrive live (Forge Realtime, within seconds, not the
 * slow fallback poll) and all show the same countdown (±1 s) after start, pause and next; only
 * people who can edit get the controls. "End" asks first and everyone is told who ended it; a
 * new run starts step 1 at its planned 15:00 after an extension (decision 0043). Then Eddie and
 * Avery spend dots on a pain point; the totals stay hidden until the reveal, after which the
 * write-up preview's top pain point changes and the card face, the voting panel and the card
 * details say the same counts; only Eddie (who runs the vote) sets the hand tally.
 * Screenshots: /tmp/e2e-play-facilitator-bar.png, /tmp/e2e-play-end-confirm.png,
 * /tmp/e2e-play-ended.png, /tmp/e2e-play-voting.png, /tmp/e2e-play-hand-tally.png.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorEnv } from '../editor/support';
import {
  WAIT,
  addCard,
  axeViolations,
  cardByText,
  contextAs,
  createPage,
  grid,
  macroFrame,
  openAs,
  openPage,
  startEnv,
  waitFor,
  waitSaved,
} from '../editor/support';

const S1 = 'Discovers a need or a problem';
const S2 = 'Finds a possible solution';
const PAIN_A = 'Too many sign-up fields';
const PAIN_B = 'Pricing page is confusing';

let env: EditorEnv;
let pageId: string;
const contexts: BrowserContext[] = [];

const personOn = (accountId: string) => openAs({ env, accountId, pageId, contexts });

/** The remaining seconds a frame's facilitator bar shows, or null when there is no bar. */
async function remaining(frame: Frame): Promise<number | null> {
  const clock = frame.locator('.play-clock');
  if ((await clock.count()) === 0) return null;
  const value = await clock.getAttribute('data-remaining');
  return value === null ? null : Number(value);
}

/** The step title a frame's facilitator bar shows. */
async function stepTitle(frame: Frame): Promise<string | null> {
  const title = frame.locator('#play-step-title');
  return (await title.count()) === 0 ? null : await title.textContent();
}

/** Both frames' remaining seconds, read at the same moment. */
async function bothRemaining(a: Frame, b: Frame): Promise<[number | null, number | null]> {
  return Promise.all([remaining(a), remaining(b)]);
}

/**
 * Opens a card's details. The pain-point lane sits below the fold of the macro's frame while the
 * voting panel is open, where Playwright never finds the button "stable": click it directly.
 */
async function openDetails(frame: Frame, text: string): Promise<void> {
  await cardByText(frame, text)
    .getByRole('button', { name: 'Card details' })
    .dispatchEvent('click');
  await frame.locator('.details-body').waitFor(WAIT);
}

/** Presses "+5 min" in `by` and waits until `seen` shows more than `above` seconds left. */
async function extendSeen(by: Frame, seen: Frame, above: number): Promise<void> {
  await by.getByRole('button', { name: '+5 min for this step' }).click();
  await waitSaved(by);
  await waitFor(
    'the extension on the viewer’s screen',
    () => remaining(seen),
    (r) => r !== null && r > above,
  );
}

/** Presses "End", screenshots the question when asked to, and confirms it. */
async function endThePlay(frame: Frame, screenshot?: string): Promise<void> {
  const controls = frame.getByRole('group', { name: 'Agenda controls' });
  await controls.getByRole('button', { name: 'End', exact: true }).click();
  const question = controls.getByRole('group', { name: /End the play for everyone\?/ });
  await question.waitFor(WAIT);
  if (screenshot) await frame.locator('.facilitator-bar').screenshot({ path: screenshot });
  await question.getByRole('button', { name: 'End the play' }).click();
  await waitSaved(frame);
}

beforeAll(async () => {
  env = await startEnv('play');
  pageId = await createPage(env, { title: 'Play journey (e2e)', localId: 'play-map' });
  const ctx = await contextAs(env, 'acc-editor');
  contexts.push(ctx);
  const page = await ctx.newPage();
  await openPage(env, page, pageId);
  const frame = await macroFrame(page);
  await frame.getByRole('button', { name: /Awareness → Advocacy/ }).click();
  await grid(frame).waitFor(WAIT);
  await addCard(frame, { lane: 'Pain points', step: S1, text: PAIN_A });
  await addCard(frame, { lane: 'Pain points', step: S2, text: PAIN_B });
  await waitSaved(frame);
  await ctx.close();
  contexts.length = 0;
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await env?.close();
});

describe('run the play, live', () => {
  it('the facilitator and two viewers see the same countdown after start, pause and next', async () => {
    const eddie = await personOn('acc-editor');
    const vera = await personOn('acc-viewer');
    const avery = await personOn('acc-admin');

    // Viewers get no "Run the play" button; the editor starts the play.
    expect(await vera.frame.getByRole('button', { name: /Run the play/ }).count()).toBe(0);
    // The others follow the map live (Forge Realtime through the host), not by polling.
    for (const other of [vera, avery]) {
      await other.frame.locator('.live-badge[data-live="live"]').waitFor(WAIT);
    }
    const clicked = Date.now();
    await eddie.frame.getByRole('button', { name: /Run the play/ }).click();
    await eddie.frame.locator('.facilitator-bar').waitFor(WAIT);

    // The step arrives on the Realtime channel: within seconds (the fallback polls every 30 s+).
    for (const other of [vera, avery]) {
      await waitFor(
        'the bar on another screen',
        () => stepTitle(other.frame),
        (t) => t === 'Define the scope',
      );
    }
    expect(Date.now() - clicked).toBeLessThan(10_000);
    await waitSaved(eddie.frame);
    const [e1, v1] = await bothRemaining(eddie.frame, vera.frame);
    const [, a1] = await bothRemaining(eddie.frame, avery.frame);
    expect(e1).not.toBeNull();
    expect(e1).toBeLessThanOrEqual(15 * 60);
    expect(e1).toBeGreaterThan(15 * 60 - 60);
    expect(Math.abs((e1 ?? 0) - (v1 ?? 0))).toBeLessThanOrEqual(1);
    expect(Math.abs((e1 ?? 0) - (a1 ?? 0))).toBeLessThanOrEqual(1);
    // The countdown ticks on every screen.
    await waitFor(
      'the viewer’s clock to tick',
      () => remaining(vera.frame),
      (r) => r !== null && r < (v1 ?? 0),
    );

    // The viewer sees the countdown read-only; the admin (can edit) gets the controls.
    expect(await vera.frame.getByRole('group', { name: 'Agenda controls' }).count()).toBe(0);
    expect(await avery.frame.getByRole('group', { name: 'Agenda controls' }).count()).toBe(1);
    await eddie.frame
      .locator('.facilitator-bar')
      .screenshot({ path: '/tmp/e2e-play-facilitator-bar.png' });
    const axe = await axeViolations(eddie.frame);
    expect(axe.serious, axe.all.join('\n')).toEqual([]);

    // Pause: every screen stops at the same time.
    await eddie.frame.getByRole('button', { name: 'Pause' }).click();
    await waitSaved(eddie.frame);
    await waitFor(
      'the viewer to show paused',
      () => vera.frame.locator('.play-timer-state').textContent(),
      (t) => t === 'paused',
    );
    const paused = await remaining(eddie.frame);
    await new Promise((r) => setTimeout(r, 2_000));
    const [e2, v2] = await bothRemaining(eddie.frame, vera.frame);
    expect(e2).toBe(paused);
    expect(Math.abs((e2 ?? 0) - (v2 ?? 0))).toBeLessThanOrEqual(1);

    // Next: the second step, 5 minutes, paused as the first was; then resume.
    await eddie.frame.getByRole('button', { name: /^Next/ }).click();
    await eddie.frame.getByRole('button', { name: 'Resume' }).click();
    await waitSaved(eddie.frame);
    for (const other of [vera, avery]) {
      await waitFor(
        'the next step on another screen',
        () => stepTitle(other.frame),
        (t) => t === 'Set the stage',
      );
      await waitFor(
        'the clock to run again',
        () => other.frame.locator('.play-timer-state').textContent(),
        (t) => t === 'remaining',
      );
    }
    const [e3, v3] = await bothRemaining(eddie.frame, vera.frame);
    const [, a3] = await bothRemaining(eddie.frame, avery.frame);
    expect(e3).toBeLessThanOrEqual(5 * 60);
    expect(e3).toBeGreaterThan(5 * 60 - 60);
    expect(Math.abs((e3 ?? 0) - (v3 ?? 0))).toBeLessThanOrEqual(1);
    expect(Math.abs((e3 ?? 0) - (a3 ?? 0))).toBeLessThanOrEqual(1);

    // Extend: +5 minutes on every screen.
    await extendSeen(eddie.frame, vera.frame, 5 * 60);

    // End asks first; then the bar goes away everywhere and everyone is told who ended it.
    await endThePlay(eddie.frame, '/tmp/e2e-play-end-confirm.png');
    await waitFor(
      'the bar to go away',
      () => vera.frame.locator('.facilitator-bar').count(),
      (n) => n === 0,
    );
    await waitFor(
      'Vera to be told who ended the play',
      () => vera.frame.locator('.play-ended-note').textContent(),
      (t) => (t ?? '').includes('The play was ended by Eddie Editor.'),
    );
    await vera.frame.locator('.play-area').screenshot({ path: '/tmp/e2e-play-ended.png' });
    expect(await eddie.frame.locator('.play-ended-note').textContent()).toContain(
      'You ended the play.',
    );

    // A new run starts every step at its planned time, even after an extension of step 1.
    await eddie.frame.getByRole('button', { name: /Run the play/ }).click();
    await waitSaved(eddie.frame);
    await extendSeen(eddie.frame, vera.frame, 19 * 60);
    await endThePlay(eddie.frame);
    await eddie.frame.getByRole('button', { name: /Run the play/ }).click();
    await waitSaved(eddie.frame);
    await waitFor(
      'the new run on the viewer’s screen',
      () => vera.frame.locator('.play-ended-note').count(),
      (n) => n === 0,
    );
    for (const frame of [eddie.frame, vera.frame]) {
      const r = await remaining(frame);
      expect(r).toBeLessThanOrEqual(15 * 60);
      expect(r).toBeGreaterThan(15 * 60 - 60);
    }
    await endThePlay(eddie.frame);
    for (const c of contexts.splice(0)) await c.close();
  }, 240_000);
});

describe('dot voting', () => {
  it('dots stay private until the reveal, then change the pain-point ranking', async () => {
    const eddie = await personOn('acc-editor');
    const avery = await personOn('acc-admin');
    const vera = await personOn('acc-viewer');

    // The write-up preview's summary names the top pain point, from the shared ranking.
    await eddie.frame.getByRole('button', { name: 'Generate write-up' }).click();
    const summary = eddie.frame.locator('.write-up-summary');
    await summary.waitFor(WAIT);
    expect(await summary.textContent()).toContain(`top: “${PAIN_A}”`);

    for (const person of [eddie, avery]) {
      await person.frame.getByRole('button', { name: 'Dot voting' }).click();
      await person.frame.locator('#dot-voting-panel').waitFor(WAIT);
    }
    // Eddie spends all 3 dots on B (a fourth is not offered), then takes one back.
    const placeB = (f: Frame) => f.getByRole('button', { name: `Place dot on ${PAIN_B}` });
    await placeB(eddie.frame).click();
    await placeB(eddie.frame).click();
    await placeB(eddie.frame).click();
    expect(await placeB(eddie.frame).isDisabled()).toBe(true);
    await eddie.frame.getByRole('button', { name: `Take back a dot from ${PAIN_B}` }).click();
    await waitSaved(eddie.frame);
    await placeB(avery.frame).click();
    await waitSaved(avery.frame);
    // Eddie started the vote (no facilitator named): only he reveals; Avery is told why.
    await waitFor(
      'Avery to see who runs the vote',
      () => avery.frame.locator('.dot-voting-reason').count(),
      (n) => n === 1,
    );
    expect(await avery.frame.getByRole('button', { name: 'Reveal results' }).count()).toBe(0);

    // Before the reveal: each sees only their own dots and the total cast; the ranking holds.
    await waitFor(
      'Avery to see all dots cast',
      () => avery.frame.locator('.dot-voting-status').textContent(),
      (t) => (t ?? '').includes('3 dots cast'),
    );
    expect(await avery.frame.locator('.dot-voting-total', { hasText: /dot/ }).count()).toBe(0);
    const averyB = avery.frame
      .locator('.dot-voting-row', { hasText: PAIN_B })
      .locator('.dot-voting-mine');
    expect(await averyB.textContent()).toContain('Your dots: 1');
    expect(await summary.textContent()).toContain(`top: “${PAIN_A}”`);
    await eddie.frame.locator('#dot-voting-panel').screenshot({ path: '/tmp/e2e-play-voting.png' });

    // Reveal: everyone sees the totals, and the ranking changes.
    await eddie.frame.getByRole('button', { name: 'Reveal results' }).click();
    await waitSaved(eddie.frame);
    // A reveal is final: nothing offers to hide the results again.
    expect(
      await eddie.frame.getByRole('button', { name: /Hide results|Reveal results/ }).count(),
    ).toBe(0);
    await waitFor(
      'the preview ranking to change',
      () => summary.textContent(),
      (t) => (t ?? '').includes(`top: “${PAIN_B}”`),
    );
    await waitFor(
      'Avery to see the totals',
      () => avery.frame.locator('.dot-voting-row').first().textContent(),
      (t) => (t ?? '').includes(PAIN_B) && (t ?? '').includes('3 dots'),
    );
    // The viewer sees the results read-only.
    await vera.frame.getByRole('button', { name: 'Dot voting' }).click();
    await waitFor(
      'Vera to see the totals',
      () => vera.frame.locator('.dot-voting-total').first().textContent(),
      (t) => t === '3 dots',
    );
    expect(await vera.frame.getByRole('button', { name: /Place dot/ }).count()).toBe(0);

    // The hand tally is Eddie's (he runs the vote): Avery's buttons are disabled, with why.
    await openDetails(avery.frame, PAIN_B);
    const averyTally = avery.frame.getByRole('group', { name: 'Hand tally' });
    await averyTally.waitFor(WAIT);
    expect(
      await averyTally.getByRole('button', { name: /add a vote to the hand tally/ }).isDisabled(),
    ).toBe(true);
    expect(await avery.frame.locator('.vote-tally-reason').textContent()).toBe(
      'Only Eddie Editor, who runs this vote, sets the hand tally (votes counted on a wall).',
    );
    await openDetails(eddie.frame, PAIN_B);
    await eddie.frame
      .getByRole('group', { name: 'Hand tally' })
      .getByRole('button', { name: /add a vote to the hand tally/ })
      .click();
    await waitSaved(eddie.frame);
    // The same words on the card face, in the details and in the voting panel, on every screen.
    const words = '3 dots · 1 counted by hand';
    for (const frame of [eddie.frame, avery.frame]) {
      await waitFor(
        'the card face to show the dots and the hand tally',
        () => cardByText(frame, PAIN_B).locator('.card-foot .vote-summary').textContent(),
        (t) => t === words,
      );
      expect(await frame.locator('.details-body .vote-summary').textContent()).toBe(words);
      expect(
        await frame
          .locator('.dot-voting-row', { hasText: PAIN_B })
          .locator('.vote-summary')
          .textContent(),
      ).toBe(words);
      expect(await cardByText(frame, PAIN_B).getAttribute('aria-label')).toContain(`, ${words}.`);
    }
    await avery.frame.locator('.details-body').screenshot({ path: '/tmp/e2e-play-hand-tally.png' });
    const axe = await axeViolations(eddie.frame);
    expect(axe.serious, axe.all.join('\n')).toEqual([]);
  }, 240_000);
});
