/**
 * After "+ Add stage / step / lane" the focus goes to what was created (issue 15): its header,
 * once the grid has rendered it. A big grid renders only the columns in view, so the scroller is
 * first taken to where a new step or stage lands (the end of the journey).
 */

/** Focuses the header matching `selector` within a few frames; `toEnd` scrolls right first. */
export function focusCreated(selector: string, opts: { toEnd?: 'right' | 'none' } = {}): void {
  const scroller = document.querySelector<HTMLElement>('.grid-scroller');
  if (opts.toEnd === 'right' && scroller) scroller.scrollLeft = scroller.scrollWidth;
  let frames = 0;
  const look = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    if (++frames < 20) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
