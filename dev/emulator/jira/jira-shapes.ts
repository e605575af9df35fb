/** Jira Cloud REST v3 JSON shapes of the emulator's records (checked by tests/conformance). */
import type { JiraIssue, JiraIssueType, JiraProject } from './jira-types';
import { JIRA_STATUSES, STATUS_CATEGORIES } from './jira-types';

/** What a shape needs to build `self` links. */
export type JiraShapeContext = { siteUrl: string };

/** A status with its category, as issue fields answer it. */
export function statusShape(ctx: JiraShapeContext, statusId: string): Record<string, unknown> {
  const status = JIRA_STATUSES.find((s) => s.id === statusId) ?? JIRA_STATUSES[0];
  const key = status?.category ?? 'new';
  const cat = STATUS_CATEGORIES[key];
  return {
    self: `${ctx.siteUrl}/rest/api/3/status/${status?.id ?? ''}`,
    description: '',
    iconUrl: `${ctx.siteUrl}/images/icons/statuses/generic.png`,
    name: status?.name ?? '',
    id: status?.id ?? '',
    statusCategory: {
      self: `${ctx.siteUrl}/rest/api/3/statuscategory/${cat.id}`,
      id: cat.id,
      key,
      colorName: cat.colorName,
      name: cat.name,
    },
  };
}

/** A project as `/project/search` lists it. */
export function projectShape(ctx: JiraShapeContext, p: JiraProject): Record<string, unknown> {
  return {
    self: `${ctx.siteUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
  };
}

/** A work type as create metadata lists it. */
export function issueTypeShape(ctx: JiraShapeContext, t: JiraIssueType): Record<string, unknown> {
  return {
    self: `${ctx.siteUrl}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    name: t.name,
    description: '',
    iconUrl: `${ctx.siteUrl}/images/icons/issuetypes/${t.name.toLowerCase()}.png`,
    subtask: t.subtask,
    hierarchyLevel: t.subtask ? -1 : 0,
  };
}

/** Every field the emulator knows for a work item. */
function allFields(
  ctx: JiraShapeContext,
  issue: JiraIssue,
  project: JiraProject | undefined,
): Record<string, unknown> {
  const type = project?.issueTypes.find((t) => t.id === issue.issueTypeId);
  return {
    summary: issue.summary,
    description: issue.description,
    status: statusShape(ctx, issue.statusId),
    issuetype: type ? issueTypeShape(ctx, type) : null,
    project: project ? projectShape(ctx, project) : null,
    labels: issue.labels,
    components: (project?.components ?? [])
      .filter((c) => issue.componentIds.includes(c.id))
      .map((c) => ({
        self: `${ctx.siteUrl}/rest/api/3/component/${c.id}`,
        id: c.id,
        name: c.name,
      })),
    created: issue.created.replace('Z', '+0000'),
    updated: issue.updated.replace('Z', '+0000'),
  };
}

/**
 * A work item with the fields asked for: Jira answers only the named fields (`*all` = every
 * one); `fields` null = the default of the endpoint (search: ids only; issue by key: all).
 */
export function issueShape(args: {
  ctx: JiraShapeContext;
  issue: JiraIssue;
  project: JiraProject | undefined;
  fields: string[] | null;
}): Record<string, unknown> {
  const { ctx, issue, project, fields } = args;
  const all = allFields(ctx, issue, project);
  const wanted =
    fields === null || fields.includes('*all') || fields.includes('*navigable')
      ? Object.keys(all)
      : fields.filter((f) => f in all);
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${ctx.siteUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: Object.fromEntries(wanted.map((f) => [f, all[f]])),
  };
}
