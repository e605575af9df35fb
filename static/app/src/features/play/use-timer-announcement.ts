/**
 * What the timer's live region says. Screen readers hear only the moments that matter (a new
 * step, the last minute, time up), never a tick per second.
 */
import { useEffect, useRef, useState } from 'react';
import type { Countdown } from '@domain/session/agenda';
import { PLAY_AGENDA } from '@domain/session/agenda';
import { useT } from '../../i18n';

type Phase = 'running' | 'last-minute' | 'over';

function phaseOf(countdown: Countdown): Phase {
  if (countdown.remainingSeconds <= 0) return 'over';
  return countdown.remainingSeconds <= 60 ? 'last-minute' : 'running';
}

/** The live-region message for the countdown; changes only on a step change or a phase change. */
export function useTimerAnnouncement(countdown: Countdown | null): string {
  const [message, setMessage] = useState('');
  const last = useRef<{ step: number; phase: Phase } | null>(null);
  const step = countdown?.stepIndex ?? null;
  const phase = countdown ? phaseOf(countdown) : null;
  const minutes = countdown ? Math.round(countdown.allowedSeconds / 60) : 0;
  const t = useT();
  const title = countdown ? t(`agenda.${countdown.step.id}.title`) : '';
  useEffect(() => {
    if (step === null || phase === null) {
      if (last.current !== null) setMessage(t('play.announce.ended'));
      last.current = null;
      return;
    }
    const prev = last.current;
    last.current = { step, phase };
    if (prev === null || prev.step !== step) {
      setMessage(
        t('play.announce.step', {
          step: step + 1,
          total: PLAY_AGENDA.length,
          title,
          minutes,
        }),
      );
    } else if (prev.phase !== phase && phase === 'last-minute') {
      setMessage(t('play.announce.lastMinute'));
    } else if (prev.phase !== phase && phase === 'over') {
      setMessage(t('play.announce.timeUp'));
    }
  }, [step, phase, minutes, title, t]);
  return message;
}
