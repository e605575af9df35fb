/** The current instant as React state, re-read every second while a countdown is shown. */
import { useEffect, useState } from 'react';

/** `new Date()` refreshed every `everyMs` (1 s by default) while `active`. */
export function useClock(active: boolean, everyMs = 1_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return undefined;
    // Re-read the clock (an external system) as the interval (re)starts.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
