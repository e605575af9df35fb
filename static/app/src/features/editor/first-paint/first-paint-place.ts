/**
 * How much the page view puts above its grid (the toolbar, its messages and the summary line),
 * remembered in this browser per frame width: the read-only first paint reserves that space
 * before the toolbar exists, and the editor keeps it reserved while its lazily loaded toolbar
 * features and panels arrive, so neither the swap to the editor nor those arrivals move the
 * grid (docs/PERFORMANCE.md "The whole map"). Geometry only: no map content is stored.
 */

const KEY = 'cjm:grid-lead:v2';
/** Widths within one bucket wrap the toolbar alike. */
const BUCKET = 40;

/** Heights (px): the whole block above the grid, and its first part, the toolbar with its messages. */
export type GridLead = { lead: number; toolbar: number };

/**
 * First visit at this width: the settled toolbar's rows (it wraps to 3 rows below ~1000 px,
 * 2 below ~1500 px) plus the summary, session and work-item lines, as measured in Chromium.
 */
function estimate(width: number): GridLead {
  const rows = width < 1000 ? 3 : width < 1500 ? 2 : 1;
  const toolbar = rows * 40 + 4;
  return { lead: toolbar + 137, toolbar };
}

function readAll(): Record<string, GridLead> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, GridLead>) : {};
  } catch {
    return {};
  }
}

const bucketOf = (width: number) => String(Math.round(width / BUCKET));
const isHeight = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** The heights above the grid at `width`: remembered, else an estimate. */
export function gridLeadAt(width: number): GridLead {
  const at = readAll()[bucketOf(width)];
  return at && isHeight(at.lead) && isHeight(at.toolbar) ? at : estimate(width);
}

/** Remembers the heights measured above the grid at `width` (storage refused: estimate stays). */
export function rememberGridLead(width: number, at: GridLead): void {
  try {
    const all = readAll();
    all[bucketOf(width)] = { lead: Math.round(at.lead), toolbar: Math.round(at.toolbar) };
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Private mode or a full quota: the next first paint falls back to the estimate.
  }
}
