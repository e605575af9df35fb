/**
 * How deep a JSON value nests. Payloads arrive parsed; `JSON.stringify`, `structuredClone` and
 * zod all recurse, so a value nested thousands deep would overflow the stack in whichever runs
 * first (a SERVER_ERROR). It is measured here without recursion, before anything else touches it.
 */

/** Most levels of nesting any payload may have: a journey map nests about 6, an op about 8. */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests objects or arrays more than `max` levels deep (iterative, never throws). */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const pending: { value: unknown; level: number }[] = [{ value, level: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.level > max) return true;
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, level: next.level + 1 });
  }
  return false;
}
