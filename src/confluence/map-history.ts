/**
 * A short history of which fields each recent save changed, kept in the map's head property.
 * It lets `map/apply` tell exactly which of the caller's fields another person changed since the
 * caller's `baseVersion` (the stored maps of those versions are gone; this list is not).
 */
import { z } from 'zod';

/** Fields one save changed; `f: null` = too many to list (treat as "everything"). */
export type ChangeEntry = { v: number; f: string[] | null };

/** Versions kept in the history. */
const MAX_ENTRIES = 30;
/** Field paths listed per version before it is recorded as "many". */
const MAX_FIELDS_PER_ENTRY = 40;

const historySchema = z.array(
  z.object({ v: z.number().int().min(1), f: z.array(z.string().max(300)).nullable() }),
);

/** The history stored in a head value, or [] when absent or unreadable. */
export function readHistory(headValue: unknown): ChangeEntry[] {
  if (!headValue || typeof headValue !== 'object') return [];
  const parsed = historySchema.safeParse((headValue as Record<string, unknown>).recent);
  return parsed.success ? parsed.data : [];
}

/** The history after a save at `version` that changed `fields`, newest last, bounded. */
export function appendHistory(
  history: ChangeEntry[],
  version: number,
  fields: string[],
): ChangeEntry[] {
  const entry: ChangeEntry = {
    v: version,
    f: fields.length > MAX_FIELDS_PER_ENTRY ? null : [...new Set(fields)],
  };
  return [...history.filter((e) => e.v < version), entry].slice(-MAX_ENTRIES);
}

/**
 * Fields changed by saves after `baseVersion` up to `latestVersion`; `null` when the history does
 * not reach back that far or an entry was too big to list (the caller must then assume "any").
 */
export function changedSince(
  history: ChangeEntry[],
  baseVersion: number,
  latestVersion: number,
): Set<string> | null {
  const out = new Set<string>();
  for (let v = baseVersion + 1; v <= latestVersion; v++) {
    const entry = history.find((e) => e.v === v);
    if (!entry || entry.f === null) return null;
    for (const f of entry.f) out.add(f);
  }
  return out;
}

/** True when two field paths overlap (equal, or one contains the other). */
export function fieldsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
