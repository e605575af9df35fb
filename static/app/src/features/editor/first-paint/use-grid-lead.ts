/**
 * The editor's side of the first paint's place (first-paint-place.ts): in the page view the
 * block above the grid keeps at least the remembered height for the editor's lifetime (the grid
 * stays where the first paint drew it while the toolbar's lazy features and the panels arrive),
 * and the block's content height, once it has not changed for a second, is remembered for the
 * next view at this width.
 */
import type { RefObject } from 'react';
import { useEffect, useState } from 'react';
import type { GridLead } from './first-paint-place';
import { gridLeadAt, rememberGridLead } from './first-paint-place';

/** How long the content must keep its height before it is remembered (ms). */
const SETTLED_MS = 1_000;

/**
 * The min-heights of the block above the grid and of its toolbar part (null outside the page
 * view); `content` holds both parts at their natural height, `toolbar` the first part.
 */
export function useGridLead(args: {
  content: RefObject<HTMLElement | null>;
  toolbar: RefObject<HTMLElement | null>;
  enabled: boolean;
}): GridLead | null {
  const { content, toolbar, enabled } = args;
  const [lead] = useState(() => gridLeadAt(document.documentElement.clientWidth));
  useEffect(() => {
    const el = content.current;
    const bar = toolbar.current;
    if (!enabled || !el || !bar || typeof ResizeObserver !== 'function') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          rememberGridLead(document.documentElement.clientWidth, {
            lead: el.offsetHeight,
            toolbar: bar.offsetHeight,
          }),
        SETTLED_MS,
      );
    });
    observer.observe(el);
    observer.observe(bar);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [content, toolbar, enabled]);
  return enabled ? lead : null;
}
