/**
 * The Jira side of the emulator: projects, work items and a three-status workflow, in memory,
 * saved as one JSON file beside the Confluence journal when the emulator has a data directory.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JiraHttpError } from './jira-errors';
import type { JiraIssue, JiraProject, JiraState, JiraTransition } from './jira-types';
import { JIRA_STATUSES, JIRA_TRANSITIONS } from './jira-types';

/** The state of a fresh site: Jira present, no projects. */
export function emptyJiraState(): JiraState {
  return { present: true, nextIssueId: 10_000, projects: [], issues: [] };
}

/** Projects for the demo teams of the worked example: Identity (IDN) and Growth (GRO). */
export function seedJiraBaseline(state: JiraState): void {
  const everyone = ['acc-admin', 'acc-editor', 'acc-viewer'];
  const types = (base: number) => [
    { id: String(base), name: 'Task', subtask: false },
    { id: String(base + 1), name: 'Story', subtask: false },
    { id: String(base + 2), name: 'Bug', subtask: false },
  ];
  state.projects.push(
    {
      id: '10100',
      key: 'IDN',
      name: 'Identity',
      issueTypes: types(10100),
      components: [{ id: '10150', name: 'Sign-in' }],
      browsers: everyone,
      creators: ['acc-admin', 'acc-editor'],
    },
    {
      id: '10200',
      key: 'GRO',
      name: 'Growth',
      issueTypes: types(10200),
      components: [],
      browsers: everyone,
      // Eddie may browse Growth's work but not create it (the "no permission" demo).
      creators: ['acc-admin'],
    },
  );
}

/** Holds the state and makes each change durable (one file, written whole). */
export class JiraStore {
  private constructor(
    public state: JiraState,
    private readonly file: string | null,
    private readonly now: () => Date,
  ) {}

  /** Opens the store (reading `<dataDir>/jira.json` when present). */
  static open(opts: { dataDir?: string; now: () => Date }): JiraStore {
    const file = opts.dataDir ? path.join(opts.dataDir, 'jira.json') : null;
    let state = emptyJiraState();
    let fresh = true;
    if (file && existsSync(file)) {
      state = JSON.parse(readFileSync(file, 'utf8')) as JiraState;
      fresh = false;
    }
    const store = new JiraStore(state, file, opts.now);
    if (fresh) {
      seedJiraBaseline(state);
      store.save();
    }
    return store;
  }

  /** Writes the state (atomically: temp file + rename). */
  save(): void {
    if (!this.file) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  /** Back to a fresh site, then `seed` (default: the demo projects). */
  reset(seed: (state: JiraState) => void = seedJiraBaseline): void {
    this.state = emptyJiraState();
    seed(this.state);
    this.save();
  }

  /** The project with this key or id. */
  project(keyOrId: string): JiraProject | undefined {
    const k = keyOrId.toUpperCase();
    return this.state.projects.find((p) => p.key === k || p.id === keyOrId);
  }

  /** The work item with this key or id. */
  issue(keyOrId: string): JiraIssue | undefined {
    const k = keyOrId.toUpperCase();
    return this.state.issues.find((i) => i.key === k || i.id === keyOrId);
  }

  /** Creates a work item in `project` and returns it. */
  createIssue(
    input: Omit<JiraIssue, 'id' | 'key' | 'statusId' | 'created' | 'updated'>,
  ): JiraIssue {
    const number = this.state.issues.filter((i) => i.projectKey === input.projectKey).length + 1;
    const at = this.now().toISOString();
    const issue: JiraIssue = {
      ...input,
      id: String(this.state.nextIssueId++),
      key: `${input.projectKey}-${number}`,
      statusId: JIRA_STATUSES[0]?.id ?? '10000',
      created: at,
      updated: at,
    };
    this.state.issues.push(issue);
    this.save();
    return issue;
  }

  /** The transitions the workflow offers a work item from its current status. */
  transitionsOf(issue: JiraIssue): JiraTransition[] {
    return JIRA_TRANSITIONS.filter((t) => t.from.includes(issue.statusId));
  }

  /**
   * Runs a transition the workflow offers from the item's current status; any other id is
   * Jira's 400 (`POST /issue/{key}/transitions`, the shell's status control).
   */
  transition(issue: JiraIssue, transitionId: string): void {
    const offered = this.transitionsOf(issue).find((t) => t.id === transitionId);
    if (!offered) {
      throw new JiraHttpError(400, `Transition id '${transitionId}' is not valid for this issue.`);
    }
    issue.statusId = offered.to;
    issue.updated = this.now().toISOString();
    this.save();
  }

  /** Puts a work item in a status directly, past the workflow (seeding and tests only). */
  setStatus(key: string, statusId: string): void {
    const issue = this.issue(key);
    if (!issue || !JIRA_STATUSES.some((s) => s.id === statusId))
      throw new Error('no such item or status');
    issue.statusId = statusId;
    issue.updated = this.now().toISOString();
    this.save();
  }

  /** Deletes a work item (tests: "deleted or moved in Jira"). */
  deleteIssue(key: string): void {
    this.state.issues = this.state.issues.filter((i) => i.key !== key.toUpperCase());
    this.save();
  }

  /** Turns the whole product on or off (a site without Jira). */
  setPresent(present: boolean): void {
    this.state.present = present;
    this.save();
  }
}
