/**
 * The play's agenda (seed 000) and the pure countdown arithmetic over `session.agenda`. The
 * countdown is derived from `startedAt` and the caller's `now`, never stored per second, so
 * every viewer of the map computes the same remaining time from the same stored instant.
 */
import type { Agenda } from '../model/schema';

/** One timeboxed step of the play. */
export type AgendaStep = {
  id: string;
  title: string;
  /** Planned length before any extension. */
  minutes: number;
  /** The question the group answers in this step. */
  prompt: string;
  /** How to run the step, paraphrased from the play. */
  guidance: string;
};

/** The play's agenda, in order, with its timeboxes (seed 000). */
export const PLAY_AGENDA: readonly AgendaStep[] = [
  {
    id: 'scope',
    title: 'Define the scope',
    minutes: 15,
    prompt: 'Whose journey is this, in which scenario, towards which goal?',
    guidance:
      'Agree one persona, one scenario and one goal. Fix where the journey starts and ends; park anything outside it.',
  },
  {
    id: 'stage',
    title: 'Set the stage',
    minutes: 5,
    prompt: 'Who is the persona, and what goal drives their journey?',
    guidance:
      'Recap the target persona and the scope with the group: who they are, what they want, and where the journey starts and ends.',
  },
  {
    id: 'back-story',
    title: 'Build the back-story',
    minutes: 10,
    prompt: 'What brought the customer here, and what are they hoping to get?',
    guidance:
      'Capture their pain points, their “mental shopping list” of requirements and the outcomes they want, then read the story out loud.',
  },
  {
    id: 'thinks-feels',
    title: 'Map what the customer thinks and feels',
    minutes: 30,
    prompt: 'Step by step, what does the customer do, think and feel?',
    guidance:
      'Lay out the actions, questions and decisions in order; branch where a decision splits the path. Write each step’s channels as initials, and keep on-stage and back-stage apart.',
  },
  {
    id: 'pain-points',
    title: 'Map the pain points',
    minutes: 10,
    prompt: 'Where does it hurt, and how badly?',
    guidance:
      'Put each pain point under its step and rate it: trivial, needs a workaround, or causes abandonment. Dot-vote the ones that matter most.',
  },
  {
    id: 'sentiment',
    title: 'Chart the sentiment line',
    minutes: 15,
    prompt: 'How does the customer feel at each step, from −2 to +2?',
    guidance:
      'Draw the line through every step. Look for sawtooth stretches, rapid drops, troughs and peaks.',
  },
  {
    id: 'big-picture',
    title: 'Analyse the big picture',
    minutes: 15,
    prompt: 'Where is the customer confused, let down or left needing more?',
    guidance:
      'Discuss confusion, shortfalls, unmet needs and what complicates the journey; agree the opportunities and which teams should know.',
  },
];

/** The agenda when no session is running. */
export const IDLE_AGENDA: Agenda = {
  stepIndex: null,
  startedAt: null,
  elapsedSeconds: 0,
  extraMinutes: [],
};

/** Minutes one "extend" adds to the current step. */
export const EXTEND_MINUTES = 5;

/** Most minutes a step can be extended by (the schema's bound). */
const MAX_EXTRA_MINUTES = 240;
/** Most seconds kept in `elapsedSeconds` (the schema's bound). */
const MAX_ELAPSED_SECONDS = 86_400;

/** The state of the countdown at one instant. */
export type Countdown = {
  stepIndex: number;
  step: AgendaStep;
  running: boolean;
  /** Planned seconds of this step, extensions included. */
  allowedSeconds: number;
  /** Whole seconds spent on this step. */
  elapsedSeconds: number;
  /** Whole seconds left; negative when the step overran. */
  remainingSeconds: number;
  /** Whole seconds past the timebox (0 while within it). */
  overrunSeconds: number;
};

/** Extra minutes granted to step `index`. */
export function extraMinutesOf(agenda: Agenda, index: number): number {
  return agenda.extraMinutes[index] ?? 0;
}

/** Planned seconds of step `index`, extensions included (0 for an unknown step). */
export function allowedSeconds(agenda: Agenda, index: number): number {
  const step = PLAY_AGENDA[index];
  return step === undefined ? 0 : (step.minutes + extraMinutesOf(agenda, index)) * 60;
}

/** Planned minutes of the whole play, extensions included. */
export function totalMinutes(agenda: Agenda = IDLE_AGENDA): number {
  return PLAY_AGENDA.reduce((sum, step, i) => sum + step.minutes + extraMinutesOf(agenda, i), 0);
}

/** Seconds spent on the current step at `now`; a clock running behind never makes it negative. */
export function elapsedAt(agenda: Agenda, now: Date): number {
  if (agenda.startedAt === null) return agenda.elapsedSeconds;
  const since = (now.getTime() - Date.parse(agenda.startedAt)) / 1000;
  return agenda.elapsedSeconds + Math.max(0, since);
}

/** The countdown at `now`, or null when no agenda step is running. */
export function countdownAt(agenda: Agenda, now: Date): Countdown | null {
  const index = agenda.stepIndex;
  if (index === null) return null;
  const step = PLAY_AGENDA[index];
  if (step === undefined) return null;
  const allowed = allowedSeconds(agenda, index);
  const elapsed = Math.floor(elapsedAt(agenda, now));
  const remaining = allowed - elapsed;
  return {
    stepIndex: index,
    step,
    running: agenda.startedAt !== null,
    allowedSeconds: allowed,
    elapsedSeconds: elapsed,
    remainingSeconds: remaining,
    overrunSeconds: Math.max(0, -remaining),
  };
}

/** `m:ss` of a second count; negative counts are shown as `+m:ss` (time over). */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? '+' : '';
  const abs = Math.abs(Math.trunc(seconds));
  const m = Math.floor(abs / 60);
  const s = abs % 60;
  return `${sign}${m}:${String(s).padStart(2, '0')}`;
}

/**
 * Starts a new run of the play at its first step, running from `now`. Extensions belong to the
 * run they were granted in: a new run starts every step at its planned time.
 */
export function startAgenda(agenda: Agenda, now: Date): Agenda {
  return goTo({ ...agenda, extraMinutes: [] }, { index: 0, now });
}

/** Pauses the countdown, folding the time run so far into `elapsedSeconds`. */
export function pauseAgenda(agenda: Agenda, now: Date): Agenda {
  if (agenda.stepIndex === null || agenda.startedAt === null) return agenda;
  return {
    ...agenda,
    startedAt: null,
    elapsedSeconds: Math.min(MAX_ELAPSED_SECONDS, Math.round(elapsedAt(agenda, now))),
  };
}

/** Resumes a paused countdown from `now`. */
export function resumeAgenda(agenda: Agenda, now: Date): Agenda {
  if (agenda.stepIndex === null || agenda.startedAt !== null) return agenda;
  return { ...agenda, startedAt: now.toISOString() };
}

/**
 * Grants the current step `minutes` more in this run (default {@link EXTEND_MINUTES}); the
 * planned timeboxes ({@link PLAY_AGENDA}) never change.
 */
export function extendAgenda(agenda: Agenda, minutes: number = EXTEND_MINUTES): Agenda {
  const index = agenda.stepIndex;
  if (index === null || PLAY_AGENDA[index] === undefined) return agenda;
  const extra = Array.from({ length: Math.max(agenda.extraMinutes.length, index + 1) }, (_, i) =>
    extraMinutesOf(agenda, i),
  );
  extra[index] = Math.min(MAX_EXTRA_MINUTES, Math.max(0, extraMinutesOf(agenda, index) + minutes));
  return { ...agenda, extraMinutes: extra };
}

/** Moves to step `index` with a fresh countdown; running when the current step was running. */
function goTo(agenda: Agenda, to: { index: number; now: Date }): Agenda {
  const running = agenda.stepIndex === null || agenda.startedAt !== null;
  return {
    ...agenda,
    stepIndex: to.index,
    startedAt: running ? to.now.toISOString() : null,
    elapsedSeconds: 0,
  };
}

/** The next step (fresh countdown); past the last step the play ends. */
export function nextAgendaStep(agenda: Agenda, now: Date): Agenda {
  if (agenda.stepIndex === null) return agenda;
  const index = agenda.stepIndex + 1;
  return index >= PLAY_AGENDA.length ? endAgenda(agenda) : goTo(agenda, { index, now });
}

/** The previous step (fresh countdown); stays on the first step. */
export function previousAgendaStep(agenda: Agenda, now: Date): Agenda {
  if (agenda.stepIndex === null) return agenda;
  return goTo(agenda, { index: Math.max(0, agenda.stepIndex - 1), now });
}

/** Ends the play; the run's extensions stay for the record until the next run starts. */
export function endAgenda(agenda: Agenda): Agenda {
  return { ...agenda, stepIndex: null, startedAt: null, elapsedSeconds: 0 };
}
