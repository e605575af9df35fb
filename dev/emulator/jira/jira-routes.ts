/**
 * The Jira Cloud REST v3 subset the app uses, as strict as the product: a project or work item
 * the caller may not browse is 404 (Jira does not say it exists), creation needs the project's
 * create permission, fields are validated (ADF description, labels without spaces, known
 * components and work types), JQL must be bounded and names only existing keys.
 */
import type { Principal } from '../types';
import { JiraHttpError } from './jira-errors';
import { parseJql } from './jira-jql';
import { issueShape, issueTypeShape, projectShape } from './jira-shapes';
import type { JiraShapeContext } from './jira-shapes';
import type { JiraStore } from './jira-state';
import { doTransition, listTransitions } from './jira-transitions';
import type { JiraIssue, JiraProject } from './jira-types';

/** What a Jira route gets. */
export type JiraRouteContext = JiraShapeContext & {
  req: Request;
  url: URL;
  principal: Principal;
  jira: JiraStore;
  /** The display name of an account (Confluence and Jira share the site's users). */
  userOf: (accountId: string) => { displayName: string; email: string } | undefined;
};

const API = '/rest/api/3';
const SUMMARY_MAX = 255;
const SEARCH_MAX = 5000;
const PROJECT_PAGE_MAX = 100;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });
}

function accountOf(ctx: JiraRouteContext): string | null {
  return ctx.principal.kind === 'user' ? ctx.principal.accountId : null;
}

/** The app (asApp) sees every project; a user those they may browse. */
function canBrowse(ctx: JiraRouteContext, p: JiraProject): boolean {
  const who = accountOf(ctx);
  return ctx.principal.kind === 'app' || (who !== null && p.browsers.includes(who));
}

function canCreate(ctx: JiraRouteContext, p: JiraProject): boolean {
  const who = accountOf(ctx);
  return ctx.principal.kind === 'app' || (who !== null && p.creators.includes(who));
}

function visibleIssue(
  ctx: JiraRouteContext,
  key: string,
): { issue: JiraIssue; project: JiraProject } {
  const issue = ctx.jira.issue(key);
  const project = issue ? ctx.jira.project(issue.projectKey) : undefined;
  if (!issue || !project || !canBrowse(ctx, project)) {
    throw new JiraHttpError(404, 'Issue does not exist or you do not have permission to see it.');
  }
  return { issue, project };
}

function fieldsParam(values: string[]): string[] | null {
  const list = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : null;
}

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new JiraHttpError(400, `'${name}' must be a number.`);
  return Math.min(n, max);
}

async function readJson(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new JiraHttpError(415, 'Unsupported Media Type: send application/json.');
  }
  try {
    const body = (await req.json()) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new JiraHttpError(
    400,
    'Unexpected character in the request body: it must be a JSON object.',
  );
}

function myself(ctx: JiraRouteContext): Response {
  const who = accountOf(ctx);
  const user = who ? ctx.userOf(who) : undefined;
  if (!who || !user) throw new JiraHttpError(401, 'You are not authenticated.');
  return json({
    self: `${ctx.siteUrl}${API}/user?accountId=${who}`,
    accountId: who,
    accountType: 'atlassian',
    emailAddress: user.email,
    displayName: user.displayName,
    active: true,
    timeZone: 'Etc/UTC',
    locale: 'en_US',
  });
}

const PERMISSION_INFO: Record<string, { id: string; name: string }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues' },
};

function myPermissions(ctx: JiraRouteContext): Response {
  const raw = ctx.url.searchParams.get('permissions');
  if (!raw) throw new JiraHttpError(400, 'The permissions parameter is required.');
  const keys = raw.split(',').map((s) => s.trim());
  const unknown = keys.find((k) => !(k in PERMISSION_INFO));
  if (unknown) throw new JiraHttpError(400, `Permission '${unknown}' is not known.`);
  const projectKey =
    ctx.url.searchParams.get('projectKey') ?? ctx.url.searchParams.get('projectId');
  let projects = ctx.jira.state.projects;
  if (projectKey !== null) {
    const p = ctx.jira.project(projectKey);
    if (!p || !canBrowse(ctx, p))
      throw new JiraHttpError(404, `No project could be found with key '${projectKey}'.`);
    projects = [p];
  }
  const permissions = Object.fromEntries(
    keys.map((k) => {
      const info = PERMISSION_INFO[k] ?? { id: '0', name: k };
      const have = projects.some((p) =>
        k === 'CREATE_ISSUES' ? canCreate(ctx, p) : canBrowse(ctx, p),
      );
      return [
        k,
        {
          id: info.id,
          key: k,
          name: info.name,
          type: 'PROJECT',
          description: '',
          havePermission: have,
        },
      ];
    }),
  );
  return json({ permissions });
}

function projectSearch(ctx: JiraRouteContext): Response {
  const action = ctx.url.searchParams.get('action') ?? 'view';
  if (!['view', 'browse', 'edit', 'create'].includes(action)) {
    throw new JiraHttpError(400, `'action' must be one of view, browse, edit, create.`);
  }
  const query = (ctx.url.searchParams.get('query') ?? '').toLowerCase();
  const startAt = intParam(ctx.url, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = intParam(ctx.url, 'maxResults', 50, PROJECT_PAGE_MAX);
  const all = ctx.jira.state.projects
    .filter((p) => (action === 'create' ? canCreate(ctx, p) : canBrowse(ctx, p)))
    .filter(
      (p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= all.length;
  const self = `${ctx.siteUrl}${API}/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  return json({
    self,
    ...(isLast
      ? {}
      : {
          nextPage: `${ctx.siteUrl}${API}/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`,
        }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values: values.map((p) => projectShape(ctx, p)),
  });
}

function createMeta(ctx: JiraRouteContext, projectKey: string): Response {
  const p = ctx.jira.project(projectKey);
  if (!p || !canBrowse(ctx, p)) {
    throw new JiraHttpError(404, `No project could be found with key '${projectKey}'.`);
  }
  if (!canCreate(ctx, p)) {
    throw new JiraHttpError(403, 'You do not have permission to create issues in this project.');
  }
  const startAt = intParam(ctx.url, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = intParam(ctx.url, 'maxResults', 50, 200);
  const types = p.issueTypes.filter((t) => !t.subtask);
  return json({
    maxResults,
    startAt,
    total: types.length,
    issueTypes: types.slice(startAt, startAt + maxResults).map((t) => issueTypeShape(ctx, t)),
  });
}

/** True for an ADF document (`{type:'doc', version:1, content:[…]}`). */
function isAdfDoc(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.type === 'doc' && v.version === 1 && Array.isArray(v.content);
}

const KNOWN_FIELDS = new Set([
  'project',
  'issuetype',
  'summary',
  'description',
  'labels',
  'components',
]);

async function createIssue(ctx: JiraRouteContext): Promise<Response> {
  const body = await readJson(ctx.req);
  const fields = body.fields;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new JiraHttpError(400, '', { fields: 'The fields object is required.' });
  }
  const f = fields as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const name of Object.keys(f)) {
    if (!KNOWN_FIELDS.has(name)) {
      errors[name] =
        `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  const projectRef = (f.project ?? {}) as { key?: unknown; id?: unknown };
  const projectKey =
    typeof projectRef.key === 'string'
      ? projectRef.key
      : typeof projectRef.id === 'string'
        ? projectRef.id
        : '';
  const project = projectKey ? ctx.jira.project(projectKey) : undefined;
  if (!project || !canBrowse(ctx, project)) {
    errors.project = 'valid project is required';
  } else if (!canCreate(ctx, project)) {
    throw new JiraHttpError(403, 'You do not have permission to create issues in this project.');
  }
  const typeRef = (f.issuetype ?? {}) as { id?: unknown; name?: unknown };
  const type = project?.issueTypes.find(
    (t) =>
      (typeof typeRef.id === 'string' && t.id === typeRef.id) ||
      (typeof typeRef.name === 'string' && t.name === typeRef.name),
  );
  if (project && !type) errors.issuetype = 'Specify a valid issue type';
  const summary = typeof f.summary === 'string' ? f.summary : '';
  if (!summary.trim()) errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > SUMMARY_MAX)
    errors.summary = `Summary must be less than ${SUMMARY_MAX} characters.`;
  else if (/[\r\n]/.test(summary)) errors.summary = 'The summary must be a single line.';
  if (f.description !== undefined && f.description !== null && !isAdfDoc(f.description)) {
    errors.description =
      'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
  }
  const labels: string[] = [];
  if (f.labels !== undefined) {
    if (!Array.isArray(f.labels)) errors.labels = 'labels must be an array of strings.';
    else
      for (const l of f.labels) {
        if (typeof l !== 'string' || !l) errors.labels = 'labels must be non-empty strings.';
        else if (/\s/.test(l)) errors.labels = `The label '${l}' contains spaces which is invalid.`;
        else if (l.length > 255) errors.labels = 'The label must not exceed 255 characters.';
        else labels.push(l);
      }
  }
  const componentIds: string[] = [];
  if (f.components !== undefined) {
    if (!Array.isArray(f.components)) errors.components = 'components must be an array.';
    else
      for (const c of f.components as { id?: unknown; name?: unknown }[]) {
        const found = project?.components.find((pc) => pc.id === c?.id || pc.name === c?.name);
        if (!found) errors.components = `Component '${String(c?.name ?? c?.id)}' is not valid.`;
        else componentIds.push(found.id);
      }
  }
  if (Object.keys(errors).length > 0 || !project || !type) throw new JiraHttpError(400, '', errors);
  const issue = ctx.jira.createIssue({
    projectKey: project.key,
    issueTypeId: type.id,
    summary,
    description: f.description ?? null,
    labels,
    componentIds,
    reporterId: accountOf(ctx) ?? 'app',
  });
  return json(
    { id: issue.id, key: issue.key, self: `${ctx.siteUrl}${API}/issue/${issue.id}` },
    201,
  );
}

function getIssue(ctx: JiraRouteContext, key: string): Response {
  const { issue, project } = visibleIssue(ctx, key);
  const fields = fieldsParam(ctx.url.searchParams.getAll('fields'));
  return json(issueShape({ ctx, issue, project, fields }));
}

async function searchJql(ctx: JiraRouteContext): Promise<Response> {
  let jql = '';
  let fields: string[] | null = null;
  let maxResults = 50;
  let token: string | null = null;
  if (ctx.req.method === 'POST') {
    const body = await readJson(ctx.req);
    jql = typeof body.jql === 'string' ? body.jql : '';
    fields = Array.isArray(body.fields)
      ? fieldsParam(body.fields.filter((x): x is string => typeof x === 'string'))
      : null;
    if (body.maxResults !== undefined) maxResults = Number(body.maxResults);
    token = typeof body.nextPageToken === 'string' ? body.nextPageToken : null;
  } else {
    jql = ctx.url.searchParams.get('jql') ?? '';
    fields = fieldsParam(ctx.url.searchParams.getAll('fields'));
    maxResults = intParam(ctx.url, 'maxResults', 50, SEARCH_MAX);
    token = ctx.url.searchParams.get('nextPageToken');
  }
  if (!Number.isInteger(maxResults) || maxResults < 0)
    throw new JiraHttpError(400, "'maxResults' must be a number.");
  maxResults = Math.min(maxResults, SEARCH_MAX);
  const query = parseJql(jql);
  // Jira refuses a key it cannot find (or the caller may not see) instead of skipping it.
  for (const key of query.keys ?? []) {
    const issue = ctx.jira.issue(key);
    const project = issue ? ctx.jira.project(issue.projectKey) : undefined;
    if (!issue || !project || !canBrowse(ctx, project)) {
      throw new JiraHttpError(400, `An issue with key '${key}' does not exist for field 'key'.`);
    }
  }
  for (const key of query.projects ?? []) {
    const project = ctx.jira.project(key);
    if (!project || !canBrowse(ctx, project)) {
      throw new JiraHttpError(400, `The value '${key}' does not exist for the field 'project'.`);
    }
  }
  const matches = ctx.jira.state.issues.filter((i) => {
    const project = ctx.jira.project(i.projectKey);
    return (
      project !== undefined &&
      canBrowse(ctx, project) &&
      (query.keys === null || query.keys.includes(i.key)) &&
      (query.projects === null || query.projects.includes(i.projectKey))
    );
  });
  const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0)
    throw new JiraHttpError(400, 'The nextPageToken is not valid.');
  const page = matches.slice(start, start + maxResults);
  const isLast = start + page.length >= matches.length;
  return json({
    issues: page.map((issue) =>
      fields === null
        ? { id: issue.id }
        : issueShape({ ctx, issue, project: ctx.jira.project(issue.projectKey), fields }),
    ),
    isLast,
    ...(isLast
      ? {}
      : { nextPageToken: Buffer.from(String(start + page.length)).toString('base64url') }),
  });
}

/** Answers a request under `/rest/api/3/`; throws {@link JiraHttpError} for Jira's errors. */
export async function handleJiraRoute(ctx: JiraRouteContext): Promise<Response> {
  const method = ctx.req.method.toUpperCase();
  const path = ctx.url.pathname.replace(/\/$/, '');
  if (!ctx.jira.state.present) throw new JiraHttpError(404, 'Jira is not installed on this site.');
  if (path === `${API}/myself` && method === 'GET') return myself(ctx);
  if (path === `${API}/mypermissions` && method === 'GET') return myPermissions(ctx);
  if (path === `${API}/project/search` && method === 'GET') return projectSearch(ctx);
  if (path === `${API}/search/jql` && (method === 'GET' || method === 'POST'))
    return searchJql(ctx);
  if (path === `${API}/issue` && method === 'POST') return createIssue(ctx);
  const meta = new RegExp(`^${API}/issue/createmeta/([^/]+)/issuetypes$`).exec(path);
  if (meta && method === 'GET') return createMeta(ctx, decodeURIComponent(meta[1] ?? ''));
  const moves = new RegExp(`^${API}/issue/([^/]+)/transitions$`).exec(path);
  if (moves && (method === 'GET' || method === 'POST')) {
    const { issue } = visibleIssue(ctx, decodeURIComponent(moves[1] ?? ''));
    if (method === 'GET') {
      const transitionId = ctx.url.searchParams.get('transitionId');
      return json(listTransitions({ ctx, jira: ctx.jira, issue, transitionId }));
    }
    doTransition({ jira: ctx.jira, issue, body: await readJson(ctx.req) });
    return new Response(null, { status: 204 });
  }
  const one = new RegExp(`^${API}/issue/([^/]+)$`).exec(path);
  if (one && method === 'GET') return getIssue(ctx, decodeURIComponent(one[1] ?? ''));
  throw new JiraHttpError(404, `No emulated Jira endpoint for ${method} ${path}`);
}
