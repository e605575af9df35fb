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
import { useT } from '../../i18n';
import { ConfirmButton } from '../editor/confirm-button';
import { useCanEdit, useEdit, useEditor, useServices } from '../editor/editor-context';
import { useClock } from './use-clock';
import { useTimerAnnouncement } from './use-timer-announcement';

/** The running play's step, prompt, guidance, countdown and (for editors) its controls. */
export function FacilitatorBar() {
  const t = useT();
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
  const set = (next: (a: Agenda, at: Date) => Agenda) =>
    edit([{ type: 'session/setAgenda', agenda: next(agenda, new Date()) }]);
  const last = stepIndex === PLAY_AGENDA.length - 1;

  return (
    <section className="facilitator-bar" aria-labelledby="play-step-title">
      <div className="play-step">
        <p className="play-step-count">
          {t('play.stepOf', { n: stepIndex + 1, total: PLAY_AGENDA.length })}
          <span className="subtle">{t('play.planned', { minutes: step.minutes })}</span>
        </p>
        <h2 id="play-step-title" className="play-step-title">
          {t(`agenda.${step.id}.title`)}
        </h2>
        <p className="play-prompt">{t(`agenda.${step.id}.prompt`)}</p>
        <p className="play-guidance">{t(`agenda.${step.id}.guidance`)}</p>
      </div>
      <div className={`play-timer${over ? ' is-over' : ''}${running ? '' : ' is-paused'}`}>
        <span
          className="play-clock"
          role="timer"
          aria-live="off"
          aria-label={
            over
              ? t('play.overLabel', { clock: formatClock(overrunSeconds) })
              : t('play.remainingLabel', { clock: formatClock(remainingSeconds) })
          }
          data-remaining={remainingSeconds}
        >
          {over ? `+${formatClock(overrunSeconds)}` : formatClock(remainingSeconds)}
        </span>
        <span className="play-timer-state">
          {over ? t('play.over') : running ? t('play.remaining') : t('play.paused')}
          {!running && over ? t('play.alsoPaused') : ''}
        </span>
      </div>
      {canEdit && (
        <div className="play-controls" role="group" aria-label={t('play.controls')}>
          <button type="button" onClick={() => set(previousAgendaStep)} disabled={stepIndex === 0}>
            <span aria-hidden="true">‹</span> {t('play.back')}
          </button>
          {running ? (
            <button type="button" onClick={() => set(pauseAgenda)}>
              {t('play.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => set(resumeAgenda)}>
              {t('play.resume')}
            </button>
          )}
          <button
            type="button"
            title={t('play.extendTitle', { minutes: EXTEND_MINUTES })}
            onClick={() => set((a) => extendAgenda(a))}
          >
            {t('play.extend', { minutes: EXTEND_MINUTES })}
            <span className="visually-hidden">{t('play.extendHidden')}</span>
          </button>
          <button type="button" className="is-primary" onClick={() => set(nextAgendaStep)}>
            {last ? t('play.finish') : t('play.next')} <span aria-hidden="true">›</span>
          </button>
          <ConfirmButton
            label={t('play.end')}
            question={t('play.endQuestion')}
            confirmLabel={t('play.endConfirm')}
            onConfirm={() => {
              set((a) => endAgenda(a));
              // The bar (and its live region) goes away with the play: announce through the editor.
              announce(t('play.ended'));
            }}
          />
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}
