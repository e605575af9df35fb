/**
 * "Fit": the zoom at which the whole grid (every step and every lane) fits the scroller. Below
 * {@link COMPACT_BELOW} cards turn into compact tiles (editor.css `.is-compact`), which makes
 * rows shorter, so the fit is worked out again at the compact size until it settles.
 */

/** Smallest and largest zoom the buttons, the wheel and Fit use. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 1.6;
/** Below this zoom card text is not legible: cards are drawn as compact tiles. */
export const COMPACT_BELOW = 0.6;

/** Zoom clamped to the allowed range, two decimals. */
export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor(z * 100 + 1e-9) / 100));
}

/**
 * The zoom that fits content of `natural` size (unzoomed px) into `view` (px), never above 1.
 * Pure, for the unit tests.
 */
export function fitFor(args: {
  natural: { width: number; height: number };
  view: { width: number; height: number };
}): number {
  const { natural, view } = args;
  if (natural.width <= 0 || natural.height <= 0) return 1;
  return clampZoom(Math.min(1, view.width / natural.width, view.height / natural.height));
}

/**
 * The fit for the grid as laid out now: the table's drawn size divided by the current zoom (not
 * the scroller's scroll size, which never goes below the scroller's own box).
 */
export function fitZoom(args: { scroller: HTMLElement; table: HTMLElement; zoom: number }): number {
  const { scroller, table, zoom } = args;
  const box = table.getBoundingClientRect();
  return fitFor({
    natural: { width: box.width / zoom, height: box.height / zoom },
    view: { width: scroller.clientWidth - 2, height: scroller.clientHeight - 2 },
  });
}

/**
 * Applies Fit: sets the zoom, waits for the grid to lay out at it (compact tiles change row
 * heights), and refines up to `rounds` times. Resolves with the zoom it settled on.
 */
export async function applyFit(args: {
  scroller: HTMLElement;
  table: HTMLElement;
  getZoom: () => number;
  setZoom: (z: number) => void;
  rounds?: number;
}): Promise<number> {
  const { scroller, table, getZoom, setZoom } = args;
  for (let round = 0; round < (args.rounds ?? 4); round++) {
    const next = fitZoom({ scroller, table, zoom: getZoom() });
    if (Math.abs(next - getZoom()) < 0.005) break;
    setZoom(next);
    scroller.scrollTo({ left: 0, top: 0 });
    // Two frames: the window re-measures rows after the zoom's layout.
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  }
  return getZoom();
}
