/**
 * Write-up records kept in the page summary: read leniently (one bad entry never hides the
 * others) and combined with a new record, so a generation rewrites only its own map's entry.
 */
import type { WriteUpRef } from '../model/schema';
import type { WriteUpRecord } from './page-summary-schema';
import { writeUpRecordSchema } from './page-summary-schema';

/** The valid write-up records of a stored summary value (anything unreadable → none). */
export function readWriteUpRecords(summary: unknown): WriteUpRecord[] {
  if (!summary || typeof summary !== 'object') return [];
  const list = (summary as { writeUps?: unknown }).writeUps;
  if (!Array.isArray(list)) return [];
  const out: WriteUpRecord[] = [];
  for (const entry of list) {
    const parsed = writeUpRecordSchema.safeParse(entry);
    if (parsed.success && !out.some((r) => r.localId === parsed.data.localId)) {
      out.push(parsed.data);
    }
  }
  return out;
}

/**
 * The records with `record` put in place of any earlier one for the same map. When both name
 * the same page, the higher page version is kept: two generations that raced record in either
 * order, and the next update must start from the page's real version.
 */
export function withWriteUpRecord(
  records: readonly WriteUpRecord[],
  record: WriteUpRecord,
): WriteUpRecord[] {
  const before = records.find((r) => r.localId === record.localId);
  const version =
    before && before.pageId === record.pageId
      ? Math.max(before.version, record.version)
      : record.version;
  return [...records.filter((r) => r.localId !== record.localId), { ...record, version }];
}

/** The write-up ref of one map: its summary record, else the one older maps kept in the map. */
export function writeUpOf(args: {
  records: readonly WriteUpRecord[];
  localId: string;
  legacy: WriteUpRef | null;
}): WriteUpRef | null {
  const hit = args.records.find((r) => r.localId === args.localId);
  if (!hit) return args.legacy;
  const { localId: _omit, ...ref } = hit;
  return ref;
}
