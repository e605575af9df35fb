/** The current instant as React state, refreshed on an interval (relative dates stay fresh). */
import { useEffect, useState } from 'react';

const systemNow = (): Date => new Date();

/** `now()` re-read every `everyMs` milliseconds (pass a stable `now`). */
export function useNow(now: () => Date = systemNow, everyMs = 30_000): Date {
  const [value, setValue] = useState(now);
  useEffect(() => {
    // Re-read the clock (an external system) as the interval (re)starts.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    setValue(now());
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
