/** Records of the Jira Cloud subset the emulator serves (plain JSON so they can be saved). */

/** A status category as Jira keys it (`new` = To Do, `indeterminate` = In Progress, `done`). */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** A workflow status: every project of the emulator shares the three of a simple workflow. */
export type JiraStatus = { id: string; name: string; category: StatusCategoryKey };

/** A work type of a project (Jira's "issue type"). */
export type JiraIssueType = { id: string; name: string; subtask: boolean };

/** A project with a flat permission model: browsers may see its work, creators may create. */
export type JiraProject = {
  id: string;
  key: string;
  name: string;
  issueTypes: JiraIssueType[];
  components: { id: string; name: string }[];
  /** Account ids allowed to browse the project. */
  browsers: string[];
  /** Account ids allowed to create work in it (a subset of browsers). */
  creators: string[];
};

/** A work item (Jira's "issue"). `description` is ADF, as v3 takes and answers it. */
export type JiraIssue = {
  id: string;
  key: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description: unknown;
  labels: string[];
  componentIds: string[];
  statusId: string;
  reporterId: string;
  created: string;
  updated: string;
};

/** The whole Jira state of the emulator. */
export type JiraState = {
  /** False = the site has no Jira: every Jira path answers 404. */
  present: boolean;
  nextIssueId: number;
  projects: JiraProject[];
  issues: JiraIssue[];
};

/** The statuses of the emulator's one workflow (ids as a fresh Jira site numbers them). */
export const JIRA_STATUSES: readonly JiraStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
];

/** A workflow transition: offered only from the statuses in `from` (Jira's workflow rule). */
export type JiraTransition = { id: string; name: string; from: readonly string[]; to: string };

/**
 * The transitions of the emulator's workflow (Jira's classic one, ids as it numbers them): work
 * starts, stops, finishes from In Progress, and reopens; To Do cannot jump to Done. A request for
 * a transition the current status does not offer is refused, as Jira does.
 */
export const JIRA_TRANSITIONS: readonly JiraTransition[] = [
  { id: '11', name: 'Start progress', from: ['10000'], to: '3' },
  { id: '21', name: 'Done', from: ['3'], to: '10001' },
  { id: '31', name: 'Stop progress', from: ['3'], to: '10000' },
  { id: '41', name: 'Reopen', from: ['10001'], to: '10000' },
];

/** Jira's status categories: id, display name and colour as the REST API answers them. */
export const STATUS_CATEGORIES: Record<
  StatusCategoryKey,
  { id: number; name: string; colorName: string }
> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};
