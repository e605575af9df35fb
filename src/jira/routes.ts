/** Every Jira REST path the backend uses, built with `route` (no string paths elsewhere). */
import { route } from '@forge/api';
import type { Route } from '@forge/api';

/** The Jira routes. */
export const jiraRoutes = {
  /** POST: create a work item. */
  createIssue: (): Route => route`/rest/api/3/issue`,
  /** POST: JQL search (bounded JQL in the body). */
  searchJql: (): Route => route`/rest/api/3/search/jql`,
  /** GET: one work item with the named fields. */
  issue: (key: string, fields: string): Route => route`/rest/api/3/issue/${key}?fields=${fields}`,
  /** GET: projects the caller may create work in. */
  creatableProjects: (maxResults: number): Route =>
    route`/rest/api/3/project/search?action=create&maxResults=${maxResults}`,
  /** GET: work types the caller may create in a project. */
  issueTypes: (projectKey: string): Route =>
    route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes`,
  /** GET: whether the caller may browse / create in a project. */
  projectPermissions: (projectKey: string): Route =>
    route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=BROWSE_PROJECTS,CREATE_ISSUES`,
};
