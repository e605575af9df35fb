/**
 * Statuses of every Jira work item linked on a map: the map is read as the person (the access
 * check), then ONE JQL search `key in (…)` as the same person. Nothing is kept after the
 * invocation (decision 0014). Jira absent, down or rate-limited gives `available: false` with the
 * reason: the map never waits for Jira.
 */
import type { ConfluenceClient } from '../confluence/client';
import type { MapLocation } from '../confluence/map-store';
import { readMap } from '../confluence/map-store';
import type { WorkStatus } from '../domain/work-items';
import type { JiraClient } from '../jira/client';
import type { Message } from '../domain/i18n/message';
import { explainJiraTrouble } from './jira-trouble';

/** What the card, write-up preview and index show. */
export type WorkStatuses =
  | { available: true; items: WorkStatus[] }
  | { available: false; reason: Message; retryAfterSeconds?: number };

/** The statuses of the keys (one search; no keys, no call). */
export async function statusesOfKeys(
  jira: JiraClient,
  keys: readonly string[],
): Promise<WorkStatuses> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return { available: true, items: [] };
  try {
    const { found, missing } = await jira.statesOf(unique);
    const items: WorkStatus[] = [
      ...found.map((f): WorkStatus => ({ ...f, found: true })),
      ...missing.map((key): WorkStatus => ({ key, found: false })),
    ];
    return { available: true, items };
  } catch (error) {
    return { available: false, ...explainJiraTrouble(error) };
  }
}

/** Reads the map as the person, then the statuses of its linked work (see file comment). */
export async function loadWorkStatuses(args: {
  client: ConfluenceClient;
  jira: JiraClient;
  at: MapLocation;
}): Promise<WorkStatuses> {
  const stored = await readMap(args.client, args.at);
  const keys = (stored.map?.workItems ?? []).map((w) => w.key);
  return statusesOfKeys(args.jira, keys);
}
