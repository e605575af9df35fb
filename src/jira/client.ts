/**
 * The Jira client: typed operations over the REST v3 subset the app uses, acting as the invoking
 * user (`asUser().requestJira`), so everything happens in the person's own Jira permissions.
 */
import { asUser } from '@forge/api';
import { z } from 'zod';
import { JiraNotFoundError, JiraRefusedError, JiraServerShapeError } from './errors';
import type { JiraHttpDeps } from './http';
import { sendJira } from './http';
import { jiraRoutes } from './routes';
import type { WorkItemState, WorkProject } from '../domain/work-items';
import { toStatusCategory } from '../domain/work-items';

/** Most keys one status search asks for (a map links at most 500; Jira answers up to 5000). */
export const MAX_STATUS_KEYS = 500;

/** What a new work item carries (description already ADF). */
export type NewWorkItem = {
  project: string;
  /** Work type name; '' = the project's first. */
  issueType: string;
  summary: string;
  description: unknown;
  labels: readonly string[];
  component: string;
};

const statusWire = z
  .object({
    name: z.string(),
    statusCategory: z.object({ key: z.string().optional() }).loose().optional(),
  })
  .loose();

const issueWire = z
  .object({
    key: z.string(),
    fields: z.object({ summary: z.string().optional(), status: statusWire.optional() }).loose(),
  })
  .loose();

const searchWire = z
  .object({
    issues: z.array(issueWire),
    isLast: z.boolean().optional(),
    nextPageToken: z.string().nullish(),
  })
  .loose();

const createdWire = z.object({ id: z.string(), key: z.string() }).loose();

const projectsWire = z
  .object({ values: z.array(z.object({ key: z.string(), name: z.string() }).loose()) })
  .loose();

const issueTypesWire = z
  .object({
    issueTypes: z
      .array(
        z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() }).loose(),
      )
      .optional(),
  })
  .loose();

const permissionsWire = z
  .object({
    permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() }).loose()),
  })
  .loose();

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new JiraServerShapeError(`Jira answered ${what} in an unexpected shape.`, 200);
  return parsed.data;
}

function stateOf(issue: z.infer<typeof issueWire>): WorkItemState {
  return {
    key: issue.key,
    summary: issue.fields.summary ?? '',
    status: issue.fields.status?.name ?? '',
    category: toStatusCategory(issue.fields.status?.statusCategory?.key),
  };
}

/** Keys Jira named in a "does not exist" refusal of a `key in (…)` search. */
export function missingKeysIn(error: JiraRefusedError): string[] {
  const out: string[] = [];
  for (const m of [...error.messages, ...Object.values(error.fields)]) {
    const hit = /key '([A-Z][A-Z0-9_]*-\d+)' does not exist/i.exec(m);
    if (hit?.[1]) out.push(hit[1].toUpperCase());
  }
  return out;
}

/** Typed Jira operations; the only code that knows Jira REST paths (via routes.ts). */
export class JiraClient {
  constructor(private readonly deps: JiraHttpDeps) {}

  /**
   * The state of each key in ONE JQL search (`key in (…)`). Jira refuses the whole search when a
   * key does not exist or the person cannot see it, naming the key: those are reported missing
   * and the search is asked once more without them (so a deleted item costs one more call).
   */
  async statesOf(keys: readonly string[]): Promise<{ found: WorkItemState[]; missing: string[] }> {
    let wanted = [...new Set(keys)].slice(0, MAX_STATUS_KEYS);
    const missing: string[] = [];
    for (let attempt = 0; attempt < 3 && wanted.length > 0; attempt++) {
      try {
        const body = await sendJira(this.deps, {
          url: jiraRoutes.searchJql(),
          method: 'POST',
          body: {
            jql: `key in (${wanted.join(', ')})`,
            fields: ['summary', 'status'],
            maxResults: wanted.length,
          },
          what: 'the linked work items',
        });
        const found = parse(searchWire, body, 'the search').issues.map(stateOf);
        const seen = new Set(found.map((f) => f.key));
        // A moved item answers under its new key: the old one is reported missing.
        for (const k of wanted) if (!seen.has(k)) missing.push(k);
        return { found, missing };
      } catch (error) {
        if (!(error instanceof JiraRefusedError)) throw error;
        const gone = missingKeysIn(error).filter((k) => wanted.includes(k));
        if (gone.length === 0) throw error;
        missing.push(...gone);
        wanted = wanted.filter((k) => !gone.includes(k));
      }
    }
    missing.push(...wanted.filter((k) => !missing.includes(k)));
    return { found: [], missing };
  }

  /** One work item's state; null when it does not exist or the person cannot see it. */
  async stateOf(key: string): Promise<WorkItemState | null> {
    try {
      const body = await sendJira(this.deps, {
        url: jiraRoutes.issue(key, 'summary,status'),
        what: 'the work item',
      });
      return stateOf(parse(issueWire, body, 'the work item'));
    } catch (error) {
      if (error instanceof JiraNotFoundError) return null;
      throw error;
    }
  }

  /** Creates a work item as the person; Jira's refusal comes back as {@link JiraRefusedError}. */
  async createWorkItem(item: NewWorkItem): Promise<{ key: string }> {
    const fields: Record<string, unknown> = {
      project: { key: item.project },
      issuetype: { name: item.issueType },
      summary: item.summary,
      description: item.description,
    };
    if (item.labels.length > 0) fields.labels = [...item.labels];
    if (item.component) fields.components = [{ name: item.component }];
    const body = await sendJira(this.deps, {
      url: jiraRoutes.createIssue(),
      method: 'POST',
      body: { fields },
      what: 'the work item',
      maxRetries: 1,
    });
    return { key: parse(createdWire, body, 'the new work item').key };
  }

  /** Projects the person may create work in (first 50, by name). */
  async creatableProjects(): Promise<WorkProject[]> {
    const body = await sendJira(this.deps, {
      url: jiraRoutes.creatableProjects(50),
      what: 'the projects',
    });
    return parse(projectsWire, body, 'the projects').values.map((p) => ({
      key: p.key,
      name: p.name,
    }));
  }

  /** Work type names the person may create in a project. */
  async issueTypes(projectKey: string): Promise<string[]> {
    const body = await sendJira(this.deps, {
      url: jiraRoutes.issueTypes(projectKey),
      what: `the project ${projectKey}`,
    });
    return (parse(issueTypesWire, body, 'the work types').issueTypes ?? [])
      .filter((t) => t.subtask !== true)
      .map((t) => t.name);
  }

  /** Whether the person may browse and create work in a project (false/false when unseen). */
  async projectPermissions(projectKey: string): Promise<{ browse: boolean; create: boolean }> {
    try {
      const body = await sendJira(this.deps, {
        url: jiraRoutes.projectPermissions(projectKey),
        what: `the project ${projectKey}`,
      });
      const p = parse(permissionsWire, body, 'the permissions').permissions;
      return {
        browse: p.BROWSE_PROJECTS?.havePermission === true,
        create: p.CREATE_ISSUES?.havePermission === true,
      };
    } catch (error) {
      if (error instanceof JiraNotFoundError) return { browse: false, create: false };
      throw error;
    }
  }
}

/** A Jira client acting as the invoking user. */
export function jiraUserClient(options: Omit<JiraHttpDeps, 'requester'> = {}): JiraClient {
  return new JiraClient({ ...options, requester: asUser().requestJira });
}
