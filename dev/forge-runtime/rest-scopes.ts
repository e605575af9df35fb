/**
 * Which OAuth scopes each Confluence REST operation needs, as the specs in `shared/reference`
 * say (`x-atlassian-oauth2-scopes` of the v2 spec, the `oAuthDefinitions` security entry of the
 * v1 spec). The local Forge runtime refuses a product call whose scopes manifest.yml does not
 * declare, as Forge does; `tests/guardrails/rest-scopes.test.ts` re-checks every row against the
 * spec files and holds the manifest against the calls the app makes, both ways.
 */

/** Where a row's scopes come from. */
export type ScopeSource =
  /** `x-atlassian-oauth2-scopes` (state Current) of the v2 spec. */
  | 'v2'
  /** The `oAuthDefinitions` security entry of the v1 spec. */
  | 'v1'
  /** Not in either spec: the reason says where the scope comes from. */
  | 'documented-elsewhere'
  /**
   * Jira Cloud REST v3: no Jira spec is kept beside the repository, so each row names its
   * source in `reason` (docs/decisions/0030).
   */
  | 'jira-v3';

/** One REST operation and the scopes it needs (all of them). */
export type ScopeRow = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The spec's path template, with the `/wiki/...` prefix the app sends. */
  path: string;
  scopes: readonly string[];
  source: ScopeSource;
  /** Why, for rows not taken from a spec. */
  reason?: string;
};

const V2 = '/wiki/api/v2';
const R = 'read:page:confluence';
const W = 'write:page:confluence';
const RS = 'read:space:confluence';
const WS = 'write:space:confluence';
const RA = 'read:attachment:confluence';

const JR = 'read:jira-work';
const JW = 'write:jira-work';
const JIRA_READ_REASON =
  "Jira REST v3 reference: classic scope read:jira-work for browsing projects and work items; Forge's own Jira tutorials use it with /rest/api/3/search/jql (forge-platform-2026.md §2).";

/**
 * The five v2 content-property operations under `base` (list, create, get, update, delete):
 * reading needs `read`; writing needs `read` and `write`.
 */
function propertyRows(base: string, read: string, write: string): ScopeRow[] {
  const one = `${base}/{property-id}`;
  return [
    { method: 'GET', path: base, scopes: [read], source: 'v2' },
    { method: 'POST', path: base, scopes: [read, write], source: 'v2' },
    { method: 'GET', path: one, scopes: [read], source: 'v2' },
    { method: 'PUT', path: one, scopes: [read, write], source: 'v2' },
    { method: 'DELETE', path: one, scopes: [read, write], source: 'v2' },
  ];
}

/** Every Jira operation the app calls (backend only), with its scopes. */
const JIRA_SCOPES: readonly ScopeRow[] = [
  {
    method: 'POST',
    path: '/rest/api/3/issue',
    scopes: [JW],
    source: 'jira-v3',
    reason:
      'Jira REST v3 reference (2024 archive, forge-platform-2026.md §2): create issue lists the classic scope write:jira-work.',
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes',
    scopes: [JR],
    source: 'jira-v3',
    reason: JIRA_READ_REASON,
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    scopes: [JR],
    source: 'jira-v3',
    reason: JIRA_READ_REASON,
  },
  {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    scopes: [JR],
    source: 'jira-v3',
    reason: JIRA_READ_REASON,
  },
  {
    method: 'GET',
    path: '/rest/api/3/project/search',
    scopes: [JR],
    source: 'jira-v3',
    reason: JIRA_READ_REASON,
  },
  {
    method: 'GET',
    path: '/rest/api/3/mypermissions',
    scopes: [JR],
    source: 'jira-v3',
    reason: JIRA_READ_REASON,
  },
];

/** Every Confluence operation the app (backend and Custom UI) may call, with its scopes. */
export const REST_SCOPES: readonly ScopeRow[] = [
  ...JIRA_SCOPES,
  // Pages
  { method: 'GET', path: `${V2}/pages`, scopes: [R], source: 'v2' },
  { method: 'POST', path: `${V2}/pages`, scopes: [W], source: 'v2' },
  { method: 'GET', path: `${V2}/pages/{id}`, scopes: [R], source: 'v2' },
  { method: 'PUT', path: `${V2}/pages/{id}`, scopes: [W], source: 'v2' },
  { method: 'DELETE', path: `${V2}/pages/{id}`, scopes: ['delete:page:confluence'], source: 'v2' },
  { method: 'GET', path: `${V2}/pages/{id}/operations`, scopes: [R], source: 'v2' },
  { method: 'GET', path: `${V2}/pages/{id}/attachments`, scopes: [RA], source: 'v2' },
  { method: 'GET', path: `${V2}/pages/{id}/children`, scopes: [R], source: 'v2' },
  ...propertyRows(`${V2}/pages/{page-id}/properties`, R, W),
  // Blog posts (the macro may sit on one)
  { method: 'GET', path: `${V2}/blogposts`, scopes: [R], source: 'v2' },
  { method: 'POST', path: `${V2}/blogposts`, scopes: [W], source: 'v2' },
  { method: 'GET', path: `${V2}/blogposts/{id}`, scopes: [R], source: 'v2' },
  { method: 'PUT', path: `${V2}/blogposts/{id}`, scopes: [W], source: 'v2' },
  {
    method: 'DELETE',
    path: `${V2}/blogposts/{id}`,
    scopes: ['delete:page:confluence'],
    source: 'v2',
  },
  { method: 'GET', path: `${V2}/blogposts/{id}/operations`, scopes: [R], source: 'v2' },
  { method: 'GET', path: `${V2}/blogposts/{id}/attachments`, scopes: [RA], source: 'v2' },
  ...propertyRows(`${V2}/blogposts/{blogpost-id}/properties`, R, W),
  // Spaces
  { method: 'GET', path: `${V2}/spaces`, scopes: [RS], source: 'v2' },
  { method: 'GET', path: `${V2}/spaces/{id}`, scopes: [RS], source: 'v2' },
  { method: 'GET', path: `${V2}/spaces/{id}/operations`, scopes: [RS], source: 'v2' },
  ...propertyRows(`${V2}/spaces/{space-id}/properties`, RS, WS),
  // Attachments
  { method: 'GET', path: `${V2}/attachments/{id}`, scopes: [RA], source: 'v2' },
  {
    method: 'DELETE',
    path: `${V2}/attachments/{id}`,
    scopes: ['delete:attachment:confluence'],
    source: 'v2',
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download',
    scopes: ['readonly:content.attachment:confluence'],
    source: 'v1',
  },
  {
    method: 'PUT',
    path: '/wiki/rest/api/content/{id}/child/attachment',
    scopes: ['write:confluence-file'],
    source: 'v1',
  },
  {
    method: 'POST',
    path: '/wiki/rest/api/content/{id}/child/attachment',
    scopes: ['write:confluence-file'],
    source: 'v1',
  },
  // Search and users
  { method: 'GET', path: '/wiki/rest/api/search', scopes: ['search:confluence'], source: 'v1' },
  {
    method: 'GET',
    path: '/wiki/rest/api/search/user',
    scopes: ['read:confluence-user'],
    source: 'documented-elsewhere',
    reason:
      'The v1 spec lists no OAuth scope for user search (Connect scope READ only); read:confluence-user is the classic scope of the user resources (`GET /wiki/rest/api/user` in the v1 spec).',
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/user',
    scopes: ['read:confluence-user'],
    source: 'v1',
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/user/current',
    scopes: ['read:confluence-user'],
    source: 'v1',
  },
];

function templateRegExp(path: string): RegExp {
  const escaped = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

const COMPILED = REST_SCOPES.map((row) => ({ row, re: templateRegExp(row.path) }));

/** The row of a call (method + path, query ignored), or null when the table has none. */
export function scopeRowFor(method: string, path: string): ScopeRow | null {
  const bare = path.split('?')[0] ?? path;
  const m = method.toUpperCase();
  // Literal segments beat parameters: `/pages/{id}/operations` before `/pages/{id}`.
  for (const { row, re } of COMPILED) if (row.method === m && re.test(bare)) return row;
  return null;
}

/** The scopes a call needs that `declared` lacks; null when the table does not know the call. */
export function missingScopes(args: {
  method: string;
  path: string;
  declared: readonly string[];
}): string[] | null {
  const row = scopeRowFor(args.method, args.path);
  if (!row) return null;
  return row.scopes.filter((s) => !args.declared.includes(s));
}
