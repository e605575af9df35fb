/**
 * The map's text limits, apart from the zod schema so the UI's first paint can show a field's
 * counter without loading zod (the bundle budget).
 */

/** Longest text accepted in a short field (titles, names, labels). */
export const SHORT_TEXT_MAX = 200;
/** Longest text accepted on a card or sticky note. */
export const CARD_TEXT_MAX = 2_000;
/** Longest free text (story, notes, analysis answers). */
export const LONG_TEXT_MAX = 20_000;
