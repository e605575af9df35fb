/**
 * How much a text field holds (issue 16, "long text"): a counter near the limit, and text past
 * it kept whole and refused with a reason, never cut (the field has no `maxLength`, which would
 * silently drop the end of a paste).
 */

/** Share of the limit from which the counter shows. */
export const COUNTER_FROM = 0.9;

/** What a field of `limit` characters says about `length` characters. */
export type LimitState = {
  /** Show the counter (near or past the limit). */
  show: boolean;
  /** Characters past the limit (0 within it): the text cannot be saved until shortened. */
  over: number;
};

/** The counter state of `length` characters in a field holding `limit`. */
export function limitState(length: number, limit: number): LimitState {
  return { show: length >= Math.floor(limit * COUNTER_FROM), over: Math.max(0, length - limit) };
}
