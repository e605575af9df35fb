/** The current instant as React state, refreshed on an interval (relative dates stay fresh). */
import { useEffect, useState } from 'react';

/** `now()` re-read every `everyMs` milliseconds. */
export function useNow(now: () => Date = () => new Date(), everyMs = 30_000): Date {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
