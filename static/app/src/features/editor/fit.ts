/**
 * "Fit": the zoom at which the whole grid (every step and every lane) fits the scroller. Below
 * {@link COMPACT_BELOW} cards turn into compact tiles (editor.css `.is-compact`), which makes
 * rows shorter, and below {@link STRIPS_BELOW} into kind-colour strips (`.is-strips`), so the
 * fit is worked out again at the new size until it settles.
 */

/**
 * Smallest and largest zoom the buttons, the wheel and Fit use. 2 % fits 200 steps (5,000
 * generated cards) into a 1,280 px frame; below it a column would be under 4 px.
 */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 1.6;
/** Below this zoom card text is not legible: cards are drawn as compact tiles. */
export const COMPACT_BELOW = 0.6;
/** Below this zoom even a tile's first words are not legible: cards are kind-colour strips. */
export const STRIPS_BELOW = 0.2;

/** The next zoom step down (or up): 10 % above 20 %, 5 % above 5 %, then 1 %. */
export function zoomStep(zoom: number, direction: 1 | -1): number {
  const at = direction > 0 ? zoom + 1e-9 : zoom - 1e-9;
  const step = at >= 0.2 ? 0.1 : at >= 0.05 ? 0.05 : 0.01;
  const next = Math.round((zoom + direction * step) * 100) / 100;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
}

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
