/**
 * What the timer's live region says. Screen readers hear only the moments that matter (a new
 * step, the last minute, time up), never a tick per second.
 */
import { useEffect, useRef, useState } from 'react';
import type { Countdown } from '@domain/session/agenda';
import { PLAY_AGENDA } from '@domain/session/agenda';

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
  const title = countdown?.step.title ?? '';
  useEffect(() => {
    if (step === null || phase === null) {
      if (last.current !== null) setMessage('The play has ended.');
      last.current = null;
      return;
    }
    const prev = last.current;
    last.current = { step, phase };
    if (prev === null || prev.step !== step) {
      setMessage(`Step ${step + 1} of ${PLAY_AGENDA.length}: ${title}, ${minutes} minutes.`);
    } else if (prev.phase !== phase && phase === 'last-minute') {
      setMessage('One minute left in this step.');
    } else if (prev.phase !== phase && phase === 'over') {
      setMessage('Time is up for this step.');
    }
  }, [step, phase, minutes, title]);
  return message;
}
