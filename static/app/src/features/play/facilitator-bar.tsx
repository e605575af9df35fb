/**
 * The facilitator bar above the grid while the play runs: the step, its prompt and guidance, and
 * a countdown every viewer computes from the map's `startedAt` (so all show the same time).
 * People who can edit get the controls; viewers see the same countdown read-only.
 */
import type { Agenda } from '@domain/model/schema';
import {
  EXTEND_MINUTES,
  PLAY_AGENDA,
  countdownAt,
  endAgenda,
  extendAgenda,
  formatClock,
  nextAgendaStep,
  pauseAgenda,
  previousAgendaStep,
  resumeAgenda,
} from '@domain/session/agenda';
import { useCanEdit, useEdit, useEditor, useServices } from '../editor/editor-context';
import { useClock } from './use-clock';
import { useTimerAnnouncement } from './use-timer-announcement';

/** The running play's step, prompt, guidance, countdown and (for editors) its controls. */
export function FacilitatorBar() {
  const agenda = useEditor((s) => s.map.session.agenda);
  const canEdit = useCanEdit();
  const edit = useEdit();
  const { announce } = useServices();
  const now = useClock(agenda.startedAt !== null);
  const countdown = countdownAt(agenda, now);
  const announcement = useTimerAnnouncement(countdown);
  if (countdown === null) return null;

  const { step, stepIndex, remainingSeconds, overrunSeconds, running } = countdown;
  const over = remainingSeconds < 0;
  const set = (next: (a: Agenda, at: Date) => Agenda, label: string) =>
    edit([{ type: 'session/setAgenda', agenda: next(agenda, new Date()) }], label);
  const last = stepIndex === PLAY_AGENDA.length - 1;

  return (
    <section className="facilitator-bar" aria-labelledby="play-step-title">
      <div className="play-step">
        <p className="play-step-count">
          Step {stepIndex + 1} of {PLAY_AGENDA.length}
          <span className="subtle"> · {step.minutes} min planned</span>
        </p>
        <h2 id="play-step-title" className="play-step-title">
          {step.title}
        </h2>
        <p className="play-prompt">{step.prompt}</p>
        <p className="play-guidance">{step.guidance}</p>
      </div>
      <div className={`play-timer${over ? ' is-over' : ''}${running ? '' : ' is-paused'}`}>
        <span
          className="play-clock"
          role="timer"
          aria-live="off"
          aria-label={
            over
              ? `${formatClock(overrunSeconds)} over time`
              : `${formatClock(remainingSeconds)} remaining`
          }
          data-remaining={remainingSeconds}
        >
          {over ? `+${formatClock(overrunSeconds)}` : formatClock(remainingSeconds)}
        </span>
        <span className="play-timer-state">
          {over ? 'over time' : running ? 'remaining' : 'paused'}
          {!running && over ? ' · paused' : ''}
        </span>
      </div>
      {canEdit && (
        <div className="play-controls" role="group" aria-label="Agenda controls">
          <button
            type="button"
            onClick={() => set(previousAgendaStep, 'Previous agenda step')}
            disabled={stepIndex === 0}
          >
            <span aria-hidden="true">‹</span> Back
          </button>
          {running ? (
            <button type="button" onClick={() => set(pauseAgenda, 'Pause the timer')}>
              Pause
            </button>
          ) : (
            <button type="button" onClick={() => set(resumeAgenda, 'Resume the timer')}>
              Resume
            </button>
          )}
          <button
            type="button"
            title={`Give this step ${EXTEND_MINUTES} more minutes`}
            onClick={() => set((a) => extendAgenda(a), 'Extend agenda step')}
          >
            +{EXTEND_MINUTES} min<span className="visually-hidden"> for this step</span>
          </button>
          <button
            type="button"
            className="is-primary"
            onClick={() => set(nextAgendaStep, last ? 'Finish the play' : 'Next agenda step')}
          >
            {last ? 'Finish' : 'Next'} <span aria-hidden="true">›</span>
          </button>
          <button
            type="button"
            onClick={() => {
              set((a) => endAgenda(a), 'End the play');
              // The bar (and its live region) goes away with the play: announce through the editor.
              announce('The play has ended.');
            }}
          >
            End
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}
