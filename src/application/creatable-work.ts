/**
 * Where the person may create Jira work (`jira/projects`): the projects Jira offers them and,
 * for one asked project, its work types or why they cannot create there. A Jira that cannot
 * help (none on the site, no access, busy) is an answer too, so the dialog can say why.
 */
import type { JiraClient, JiraProjectInfo } from '../jira/client';
import { JiraForbiddenError, JiraNotFoundError } from '../jira/errors';
import { explainJiraTrouble } from './jira-trouble';

/** The asked project's work types, or why the person cannot create there. */
type ProjectAnswer = { key: string; canCreate: boolean; issueTypes: string[]; reason?: string };

/** What `jira/projects` answers. */
export type CreatableWork =
  | { available: true; projects: JiraProjectInfo[]; project?: ProjectAnswer }
  | { available: false; reason: string; retryAfterSeconds?: number };

/** The projects the person may create work in; with `project`, that project's work types. */
export async function creatableWork(args: {
  jira: JiraClient;
  project?: string | undefined;
}): Promise<CreatableWork> {
  const { jira, project: key } = args;
  try {
    const projects = await jira.creatableProjects();
    if (!key) return { available: true, projects };
    return { available: true, projects, project: await workTypesIn(jira, key) };
  } catch (error) {
    return { available: false, ...explainJiraTrouble(error) };
  }
}

async function workTypesIn(jira: JiraClient, key: string): Promise<ProjectAnswer> {
  try {
    return { key, canCreate: true, issueTypes: await jira.issueTypes(key) };
  } catch (error) {
    if (!(error instanceof JiraForbiddenError) && !(error instanceof JiraNotFoundError))
      throw error;
    const reason =
      error instanceof JiraNotFoundError
        ? `The Jira project ${key} does not exist, or you cannot see it.`
        : `You cannot create work in the Jira project ${key}. Ask its admin for the Create permission.`;
    return { key, canCreate: false, issueTypes: [], reason };
  }
}
