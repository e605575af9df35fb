/** Reads the work item a person typed or pasted: a key (`CS-12`) or a Jira URL naming one. */
import { WORK_ITEM_KEY } from '../model/schema';

const IN_URL =
  /(?:\/browse\/|[?&]selectedIssue=)([A-Za-z][A-Za-z0-9_]{0,19}-[1-9]\d{0,9})(?:[/?#&]|$)/;

/** The upper-cased key, or null when the text names no work item. */
export function parseWorkItemRef(text: string): string | null {
  const trimmed = text.trim();
  const direct = trimmed.toUpperCase();
  if (WORK_ITEM_KEY.test(direct)) return direct;
  const m = IN_URL.exec(trimmed);
  const key = m?.[1]?.toUpperCase() ?? null;
  return key !== null && WORK_ITEM_KEY.test(key) ? key : null;
}
