import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../../src/domain/model/schema';
import { agendaSchema } from '../../../../src/domain/model/schema';
import {
  IDLE_AGENDA,
  PLAY_AGENDA,
  allowedSeconds,
  countdownAt,
  endAgenda,
  extendAgenda,
  formatClock,
  nextAgendaStep,
  pauseAgenda,
  previousAgendaStep,
  resumeAgenda,
  startAgenda,
  totalMinutes,
} from '../../../../src/domain/session/agenda';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

describe('the play agenda', () => {
  it('has the seven timeboxed steps of the play, 100 minutes in all', () => {
    expect(PLAY_AGENDA.map((s) => [s.title, s.minutes])).toEqual([
      ['Define the scope', 15],
      ['Set the stage', 5],
      ['Build the back-story', 10],
      ['Map what the customer thinks and feels', 30],
      ['Map the pain points', 10],
      ['Chart the sentiment line', 15],
      ['Analyse the big picture', 15],
    ]);
    expect(totalMinutes()).toBe(100);
    for (const step of PLAY_AGENDA) {
      expect(step.prompt.length).toBeGreaterThan(10);
      expect(step.guidance.length).toBeGreaterThan(10);
    }
  });
});

describe('countdown arithmetic', () => {
  const running = startAgenda(IDLE_AGENDA, T0);
  it.each([
    { name: 'idle has no countdown', agenda: IDLE_AGENDA, now: at(5), remaining: null },
    { name: 'just started', agenda: running, now: T0, remaining: 900 },
    { name: 'after 61.9 s', agenda: running, now: at(61.9), remaining: 839 },
    { name: 'overrun by 30 s', agenda: running, now: at(930), remaining: -30 },
    {
      name: 'paused keeps the elapsed time',
      agenda: pauseAgenda(running, at(100)),
      now: at(5_000),
      remaining: 800,
    },
    {
      name: 'resumed counts on from the pause',
      agenda: resumeAgenda(pauseAgenda(running, at(100)), at(400)),
      now: at(450),
      remaining: 750,
    },
    { name: 'extended by 5 min', agenda: extendAgenda(running), now: at(60), remaining: 1_140 },
    {
      name: 'next step starts afresh',
      agenda: nextAgendaStep(running, at(300)),
      now: at(310),
      remaining: 290,
    },
    {
      name: 'a clock behind startedAt never adds time',
      agenda: running,
      now: at(-30),
      remaining: 900,
    },
  ] satisfies { name: string; agenda: Agenda; now: Date; remaining: number | null }[])(
    '$name',
    ({ agenda, now, remaining }) => {
      const c = countdownAt(agenda, now);
      expect(c?.remainingSeconds ?? null).toBe(remaining);
      if (c) expect(c.overrunSeconds).toBe(Math.max(0, -(remaining ?? 0)));
    },
  );

  it('back stays on the first step; next past the last ends the play; end stops', () => {
    expect(previousAgendaStep(running, at(1)).stepIndex).toBe(0);
    let a = running;
    for (let i = 1; i < PLAY_AGENDA.length; i++) a = nextAgendaStep(a, at(i));
    expect(a.stepIndex).toBe(PLAY_AGENDA.length - 1);
    expect(nextAgendaStep(a, at(99)).stepIndex).toBeNull();
    expect(endAgenda(a)).toMatchObject({ stepIndex: null, startedAt: null, elapsedSeconds: 0 });
  });

  it('moving while paused stays paused', () => {
    const paused = pauseAgenda(running, at(10));
    const moved = nextAgendaStep(paused, at(20));
    expect(moved).toMatchObject({ stepIndex: 1, startedAt: null, elapsedSeconds: 0 });
    expect(countdownAt(moved, at(999))?.remainingSeconds).toBe(300);
  });

  it('extensions count per step and in the total', () => {
    const a = extendAgenda(extendAgenda(nextAgendaStep(running, at(1))));
    expect(a.extraMinutes).toEqual([0, 10]);
    expect(allowedSeconds(a, 1)).toBe(15 * 60);
    expect(totalMinutes(a)).toBe(110);
  });

  it.each([
    ['after an extension and End', (a: Agenda) => endAgenda(extendAgenda(a))],
    ['after two extensions, while still running', (a: Agenda) => extendAgenda(extendAgenda(a))],
    [
      'after extending step 2 and End',
      (a: Agenda) => endAgenda(extendAgenda(nextAgendaStep(a, at(5)))),
    ],
  ])('a new run starts every step at its planned time (%s)', (_, before) => {
    const again = startAgenda(before(running), at(100));
    expect(again.extraMinutes).toEqual([]);
    expect(countdownAt(again, at(100))?.remainingSeconds).toBe(15 * 60);
    PLAY_AGENDA.forEach((step, i) => expect(allowedSeconds(again, i)).toBe(step.minutes * 60));
    expect(totalMinutes(again)).toBe(100);
  });

  it('an extension never changes the planned timeboxes', () => {
    const planned = PLAY_AGENDA.map((s) => s.minutes);
    extendAgenda(extendAgenda(running));
    expect(PLAY_AGENDA.map((s) => s.minutes)).toEqual(planned);
  });

  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [61, '1:01'],
    [900, '15:00'],
    [-75, '+1:15'],
  ])('formatClock(%i) is %s', (s, text) => expect(formatClock(s)).toBe(text));
});

describe('countdown properties', () => {
  const arbAgenda = fc.record({
    stepIndex: fc.integer({ min: 0, max: PLAY_AGENDA.length - 1 }),
    elapsedSeconds: fc.integer({ min: 0, max: 4_000 }),
    extraMinutes: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 7 }),
    running: fc.boolean(),
  });
  const arbGesture = fc.constantFrom('pause', 'resume', 'extend', 'next', 'back', 'end', 'start');

  it('every viewer computes the same remaining time from the stored agenda', () => {
    fc.assert(
      fc.property(arbAgenda, fc.integer({ min: 0, max: 10_000 }), (spec, later) => {
        const agenda: Agenda = {
          stepIndex: spec.stepIndex,
          startedAt: spec.running ? T0.toISOString() : null,
          elapsedSeconds: spec.elapsedSeconds,
          extraMinutes: spec.extraMinutes,
        };
        // Two viewers: one reads the stored JSON, the other the object itself.
        const copy = JSON.parse(JSON.stringify(agenda)) as Agenda;
        const a = countdownAt(agenda, at(later));
        const b = countdownAt(copy, at(later));
        expect(a).toEqual(b);
        const expected =
          allowedSeconds(agenda, spec.stepIndex) - spec.elapsedSeconds - (spec.running ? later : 0);
        expect(a?.remainingSeconds).toBe(expected);
        expect(a?.overrunSeconds).toBe(Math.max(0, -expected));
      }),
    );
  });

  it('remaining time never rises while running, and every gesture keeps the agenda valid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbGesture, fc.integer({ min: 0, max: 900 })), { maxLength: 25 }),
        (gestures) => {
          let agenda: Agenda = IDLE_AGENDA;
          let clock = 0;
          for (const [gesture, wait] of gestures) {
            const before = countdownAt(agenda, at(clock));
            clock += wait;
            const after = countdownAt(agenda, at(clock));
            if (before && after && before.running) {
              expect(after.remainingSeconds).toBeLessThanOrEqual(before.remainingSeconds);
            }
            if (before && after && !before.running) {
              expect(after.remainingSeconds).toBe(before.remainingSeconds);
            }
            const now = at(clock);
            agenda =
              gesture === 'pause'
                ? pauseAgenda(agenda, now)
                : gesture === 'resume'
                  ? resumeAgenda(agenda, now)
                  : gesture === 'extend'
                    ? extendAgenda(agenda)
                    : gesture === 'next'
                      ? nextAgendaStep(agenda, now)
                      : gesture === 'back'
                        ? previousAgendaStep(agenda, now)
                        : gesture === 'end'
                          ? endAgenda(agenda)
                          : startAgenda(agenda, now);
            expect(agendaSchema.safeParse(agenda).success).toBe(true);
            // A start always begins the first step at its planned time.
            if (gesture === 'start') {
              expect(countdownAt(agenda, now)?.remainingSeconds).toBe(PLAY_AGENDA[0]!.minutes * 60);
            }
            // Pausing and resuming at the same instant never changes the remaining time.
            const c1 = countdownAt(agenda, now);
            const c2 = countdownAt(resumeAgenda(pauseAgenda(agenda, now), now), now);
            expect(c2?.remainingSeconds).toBe(c1?.remainingSeconds);
          }
        },
      ),
    );
  });
});
