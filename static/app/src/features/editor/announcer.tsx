/**
 * A polite live region; `announce` replaces its text (with a toggle so repeating the same
 * message is read again).
 */
import { useCallback, useRef, useState } from 'react';

/** The live region element and the function that speaks through it. */
export function useAnnouncer(): {
  region: React.ReactElement;
  announce: (message: string) => void;
} {
  const [text, setText] = useState('');
  const flip = useRef(false);
  const announce = useCallback((message: string) => {
    flip.current = !flip.current;
    setText(message + (flip.current ? '\u00a0' : ''));
  }, []);
  const region = (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
  return { region, announce };
}
