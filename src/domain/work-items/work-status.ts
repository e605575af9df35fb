/** What the app knows of a linked work item's state in Jira, as the card and write-up show it. */

/** Jira's status categories (plus `unknown` for a category Jira adds later). */
export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'unknown';

/** One linked item as read from Jira, or why it could not be. */
export type WorkStatus =
  | {
      key: string;
      found: true;
      summary: string;
      status: string;
      category: StatusCategory;
    }
  | { key: string; found: false };

/** A work item's state, as Jira answers it (a found {@link WorkStatus} without `found`). */
export type WorkItemState = Omit<Extract<WorkStatus, { found: true }>, 'found'>;

/** Why Jira cannot help right now, in words for the person (the map works on without it). */
export type JiraUnavailable = { available: false; reason: string; retryAfterSeconds?: number };

/** Statuses of linked work, or why Jira cannot say. */
export type WorkStatuses = { available: true; items: WorkStatus[] } | JiraUnavailable;

/** A Jira project the person may create work in. */
export type WorkProject = { key: string; name: string };

/** Where the person may create work; for an asked project, its work types or why not. */
export type CreatableWork =
  | {
      available: true;
      projects: WorkProject[];
      project?: { key: string; canCreate: boolean; issueTypes: string[]; reason?: string };
    }
  | JiraUnavailable;

/** Jira's category key mapped onto the app's (unknown keys stay visible as `unknown`). */
export function toStatusCategory(key: string | undefined): StatusCategory {
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'unknown';
}

/** Work counts for a set of links: how many have work, how many of those are done. */
export function workCounts(
  cardIds: readonly string[],
  links: readonly { cardId: string; key: string }[],
  statuses: ReadonlyMap<string, WorkStatus>,
): { withWork: number; done: number } {
  let withWork = 0;
  let done = 0;
  for (const id of cardIds) {
    const keys = links.filter((l) => l.cardId === id).map((l) => l.key);
    if (keys.length === 0) continue;
    withWork += 1;
    const all = keys.map((k) => statuses.get(k));
    if (all.every((s) => s?.found === true && s.category === 'done')) done += 1;
  }
  return { withWork, done };
}
