/**
 * Where the person may create Jira work (`jira/projects`): the projects Jira offers them and,
 * for one asked project, its work types or why they cannot create there. A Jira that cannot
 * help (none on the site, no access, busy) is an answer too, so the dialog can say why.
 */
import type { Message } from '../domain/i18n/message';
import { msg } from '../domain/i18n/message';
import type { WorkProject } from '../domain/work-items';
import type { JiraClient } from '../jira/client';
import { JiraForbiddenError, JiraNotFoundError } from '../jira/errors';
import { explainJiraTrouble } from './jira-trouble';

/** The asked project's work types, or why the person cannot create there (a catalogue message). */
type ProjectAnswer = { key: string; canCreate: boolean; issueTypes: string[]; reason?: Message };

/** `CreatableWork` with its reasons as catalogue messages (the resolver door words them). */
export type CreatableWorkRead =
  | { available: true; projects: WorkProject[]; project?: ProjectAnswer }
  | { available: false; reason: Message; retryAfterSeconds?: number };

/** The projects the person may create work in; with `project`, that project's work types. */
export async function creatableWork(args: {
  jira: JiraClient;
  project?: string | undefined;
}): Promise<CreatableWorkRead> {
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
        ? msg('errors.jira.noProject', { key })
        : msg('errors.jira.noCreatePermission', { key });
    return { key, canCreate: false, issueTypes: [], reason };
  }
}
