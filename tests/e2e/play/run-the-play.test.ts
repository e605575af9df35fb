/**
 * Running the play and dot voting, end to end in Chromium with the real build and resolvers.
 * Eddie (editor) runs the agenda while Vera (viewer) and Avery (admin) watch in their own
 * browser contexts: all show the same countdown (±2 s) after start, pause and next, and only
 * people who can edit get the controls. Then Eddie and Avery spend dots on a pain point; the
 * totals stay hidden until the reveal, after which the write-up preview's top pain point
 * changes. Screenshots: /tmp/e2e-play-facilitator-bar.png, /tmp/e2e-play-voting.png.
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { macroPage, seedMapAs, useEditorSuite } from '../editor/suite';
import { WAIT, addCard, axeViolations, waitFor, waitSaved } from '../editor/support';

const S1 = 'Discovers a need or a problem';
const S2 = 'Finds a possible solution';
const PAIN_A = 'Too many sign-up fields';
const PAIN_B = 'Pricing page is confusing';

const suite = useEditorSuite({
  name: 'play',
  page: macroPage('Play journey (e2e)', 'play-map'),
  seed: (s) =>
    seedMapAs(s, 'acc-editor', async (frame) => {
      await addCard(frame, { lane: 'Pain points', step: S1, text: PAIN_A });
      await addCard(frame, { lane: 'Pain points', step: S2, text: PAIN_B });
    }),
  timeout: 180_000,
});
const personOn = (accountId: string) => suite.personOn(accountId);

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

/** Waits until every other screen's facilitator bar shows this step. */
async function waitForStep(others: { frame: Frame }[], title: string): Promise<void> {
  for (const other of others) {
    await waitFor(
      `"${title}" on another screen`,
      () => stepTitle(other.frame),
      (t) => t === title,
    );
  }
}

/** The facilitator's remaining seconds, checked to be within 2 s of each other screen's. */
async function clocksAgree(facilitator: Frame, others: Frame[]): Promise<number | null> {
  let own: number | null = null;
  for (const other of others) {
    const [mine, theirs] = await bothRemaining(facilitator, other);
    own ??= mine;
    expect(Math.abs((mine ?? 0) - (theirs ?? 0))).toBeLessThanOrEqual(2);
  }
  return own;
}

describe('run the play, live', () => {
  it('the facilitator and two viewers see the same countdown after start, pause and next', async () => {
    const eddie = await personOn('acc-editor');
    const vera = await personOn('acc-viewer');
    const avery = await personOn('acc-admin');

    // Viewers get no "Run the play" button; the editor starts the play.
    expect(await vera.frame.getByRole('button', { name: /Run the play/ }).count()).toBe(0);
    await eddie.frame.getByRole('button', { name: /Run the play/ }).click();
    await eddie.frame.locator('.facilitator-bar').waitFor(WAIT);
    await waitSaved(eddie.frame);

    // Remote edits arrive through the sync: both others show the bar within seconds.
    await waitForStep([vera, avery], 'Define the scope');
    const v1 = await remaining(vera.frame);
    const e1 = await clocksAgree(eddie.frame, [vera.frame, avery.frame]);
    expect(e1).not.toBeNull();
    expect(e1).toBeLessThanOrEqual(15 * 60);
    expect(e1).toBeGreaterThan(15 * 60 - 60);
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
    expect(Math.abs((e2 ?? 0) - (v2 ?? 0))).toBeLessThanOrEqual(2);

    // Next: the second step, 5 minutes, paused as the first was; then resume.
    await eddie.frame.getByRole('button', { name: /^Next/ }).click();
    await eddie.frame.getByRole('button', { name: 'Resume' }).click();
    await waitSaved(eddie.frame);
    await waitForStep([vera, avery], 'Set the stage');
    for (const other of [vera, avery]) {
      await waitFor(
        'the clock to run again',
        () => other.frame.locator('.play-timer-state').textContent(),
        (t) => t === 'remaining',
      );
    }
    const e3 = await clocksAgree(eddie.frame, [vera.frame, avery.frame]);
    expect(e3).toBeLessThanOrEqual(5 * 60);
    expect(e3).toBeGreaterThan(5 * 60 - 60);

    // Extend: +5 minutes on every screen.
    await eddie.frame.getByRole('button', { name: '+5 min for this step' }).click();
    await waitSaved(eddie.frame);
    await waitFor(
      'the extension on the viewer’s screen',
      () => remaining(vera.frame),
      (r) => r !== null && r > 5 * 60,
    );

    // End: the bar goes away everywhere.
    await eddie.frame
      .getByRole('group', { name: 'Agenda controls' })
      .getByRole('button', { name: 'End', exact: true })
      .click();
    await waitSaved(eddie.frame);
    await waitFor(
      'the bar to go away',
      () => vera.frame.locator('.facilitator-bar').count(),
      (n) => n === 0,
    );
    for (const c of suite.contexts.splice(0)) await c.close();
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
    expect(await avery.frame.locator('.dot-voting-total').count()).toBe(0);
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
    const axe = await axeViolations(eddie.frame);
    expect(axe.serious, axe.all.join('\n')).toEqual([]);
  }, 240_000);
});
