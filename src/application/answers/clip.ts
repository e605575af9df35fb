/**
 * Text from a map as an answer carries it: verbatim (hostile text stays text, never markup or
 * an instruction to the agent), cut to a budget so one answer stays small in an agent's context.
 */

/** Characters kept of one user-written string in an answer. */
export const ANSWER_TEXT_MAX = 280;

/** `text` cut to `max` characters (ending in "…" when cut), control characters as spaces. */
export function clip(text: string, max: number = ANSWER_TEXT_MAX): string {
  // Control characters carry nothing a reader needs and can break the agent's rendering.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}
