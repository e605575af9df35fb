/**
 * Value sanitisers shared by `restore()` and the operations, so stored data and edits obey the
 * same limits: text without control characters and within its maximum, ids of the id alphabet,
 * numbers clamped into their range.
 */

// C0 controls except \t and \n, DEL, and C1 controls: invisible, and some break storage format.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ID_MAX = 64;

/** Text with control characters (other than \n and \t) removed, cut to `max` characters. */
export function cleanText(value: string, max: number): string {
  const stripped = value.replace(CONTROL_CHARS, '');
  if (stripped.length <= max) return stripped;
  let cut = stripped.slice(0, max);
  // Never leave half of a surrogate pair at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/** True when `value` is a well-formed id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** The id a stored id or reference maps to: invalid characters become `_`; null if nothing is left. */
export function sanitizeId(value: unknown): string | null {
  if (isId(value)) return value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value)
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, ID_MAX);
  return text.length > 0 ? text : null;
}

/** A variant of `id` (suffix `-2`, `-3`, …) that is not in `taken`. */
export function freshId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, ID_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `value` rounded (when `int`) and clamped into `min`…`max`; null for non-finite input. */
export function clampNumber(
  value: unknown,
  range: { min: number; max: number; int?: boolean },
): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const rounded = range.int === true ? Math.round(value) : value;
  // `+ 0` turns -0 into 0 so clamped values compare equal to plain ones.
  return Math.min(range.max, Math.max(range.min, rounded)) + 0;
}

/** Own property of a plain record (never one inherited from Object.prototype). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
