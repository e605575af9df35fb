/**
 * The focus-mode request and place as they travel through a modal's context and its close
 * payload (decision 0026): parsed from untrusted JSON here, pure, so tests run it without a host.
 */
import type { HostContext } from './client';

/** Where the view was: restored when focus mode opens and handed back when it closes. */
export type FocusPlace = { left: number; top: number; zoom: number };

/** What the modal context carries: the macro instance to show and where to start. */
export type FocusRequest = { pageId: string; localId: string; place?: FocusPlace };

/** The modal context key (kept short and namespaced: other modals of the app carry others). */
export const FOCUS_FLAG = 'journeyMapFocus';

/** The focus request in this frame's context, or null when this frame is not a focus modal. */
export function focusRequestOf(context: HostContext): FocusRequest | null {
  const ext = context.extension as { modal?: unknown };
  const modal = ext.modal;
  if (!modal || typeof modal !== 'object') return null;
  const raw = (modal as Record<string, unknown>)[FOCUS_FLAG];
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.pageId !== 'string' || typeof r.localId !== 'string') return null;
  const place = placeOf(r.place);
  return { pageId: r.pageId, localId: r.localId, ...(place ? { place } : {}) };
}

/** A place from untrusted JSON (a modal context or a close payload), or null. */
export function placeOf(raw: unknown): FocusPlace | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  const num = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : null;
  const left = num(p.left, 0, 10_000_000);
  const top = num(p.top, 0, 10_000_000);
  const zoom = num(p.zoom, 0.02, 4); // the editor's MIN_ZOOM (fit.ts)
  return left === null || top === null || zoom === null ? null : { left, top, zoom };
}
